/**
 * The patient's referrals (created when a note with a referral activity is signed): to whom,
 * why, who sent it and when, and its status, which a person moves on (accepted, completed,
 * declined) as they hear back. Each status change carries who recorded it and when.
 */
import { useId, useState } from 'react';
import { isReferralOpen, nextReferralStatuses, type Referral, type ReferralStatus } from '../../../domain/referral';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { logFailure } from '../../components/logFailure';

export function ReferralsList({ referrals, pendingKeys }: { referrals: readonly Referral[]; pendingKeys?: ReadonlySet<string> }) {
  const tx = useRecordText();
  const titleId = useId();
  // Open ones first, then the latest sent.
  const shown = [...referrals].sort((a, b) => Number(isReferralOpen(b)) - Number(isReferralOpen(a)) || b.sentAt.localeCompare(a.sentAt));
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{tx.referralsTitle}</h2>
      {shown.length === 0 && <p className="muted">{tx.noReferrals}</p>}
      <ul className="plain-list">
        {shown.map((r) => (
          <ReferralRow key={r.id} referral={r} pending={isPending(pendingKeys, 'referral', r.id)} />
        ))}
      </ul>
    </section>
  );
}

function ReferralRow({ referral: r, pending }: { referral: Referral; pending: boolean }) {
  const { formatDateTime } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const to = tx.referralTarget[r.to];

  async function move(status: ReferralStatus) {
    setBusy(true);
    try {
      const res = await worker.setReferralStatus(r.id, status);
      setProblem(res.ok ? null : tx.referralStatusError[res.code]);
    } catch (err) {
      logFailure('referral status', err);
      setProblem(tx.saveFailed);
    } finally {
      setBusy(false);
    }
  }

  const changed = r.statusAt !== r.sentAt || r.status !== 'sent';
  return (
    <li className="record-item">
      <div className="record-item__main">
        <span>
          <strong>{to}</strong>
          {r.reason ? ` · ${r.reason}` : ''}
        </span>
        <span className={`badge badge--referral-${r.status}`}>{tx.referralStatus[r.status]}</span>
        <PendingBadge pending={pending} />
      </div>
      <p className="muted">
        {tx.referralSent(formatDateTime(r.sentAt), r.sentByName)}
        {changed && ` · ${tx.referralStatusBy(tx.referralStatus[r.status], formatDateTime(r.statusAt), r.statusByName)}`}
      </p>
      <div className="record-actions" role="group" aria-label={tx.referralStatusOf(to)}>
        {nextReferralStatuses(r.status).map((s) => (
          <button key={s} type="button" className="button" disabled={busy} onClick={() => void move(s)}>
            {tx.referralStatus[s]}
          </button>
        ))}
      </div>
      <FormError message={problem} />
    </li>
  );
}
