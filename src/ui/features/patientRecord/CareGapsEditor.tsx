/**
 * The patient's care gaps, each with its status and evidence. A gap can be closed only with
 * evidence (what was done, when, where): a closed gap counts for the quality measure, so the
 * claim must be checkable. `closedAt` is stamped when a gap becomes closed and cleared when
 * it is reopened.
 */
import { useId, useState } from 'react';
import { CARE_GAP_STATUSES, type CareGap, type CareGapStatus } from '../../../domain/careGap';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { nowIso } from './clock';
import { FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface CareGapsEditorProps {
  readonly gaps: readonly CareGap[];
  readonly pendingKeys?: ReadonlySet<string>;
}

export function CareGapsEditor({ gaps, pendingKeys }: CareGapsEditorProps) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.careGapsTitle}</h2>
      {gaps.length === 0 && <p className="muted">{t.noCareGaps}</p>}
      <ul className="plain-list">
        {gaps.map((g) => (
          // Keyed on what is stored, so the form starts over whenever the record changes.
          <GapRow key={`${g.id}:${g.status}:${g.evidence ?? ''}`} gap={g} pending={isPending(pendingKeys, 'careGap', g.id)} />
        ))}
      </ul>
    </section>
  );
}

function GapRow({ gap, pending }: { gap: CareGap; pending: boolean }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [status, setStatus] = useState<CareGapStatus>(gap.status);
  const [evidence, setEvidence] = useState(gap.evidence ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const dirty = status !== gap.status || evidence.trim() !== (gap.evidence ?? '');

  function save() {
    const ev = evidence.trim();
    if (status === 'closed' && ev === '') return setProblem(tx.evidenceRequired);
    setProblem(null);
    const closedAt = status !== 'closed' ? null : gap.status === 'closed' && gap.closedAt ? gap.closedAt : nowIso();
    void run(() => worker.updateRecord('careGap', gap.id, { status, evidence: ev === '' ? null : ev, closedAt }));
  }

  const error = problem ?? (failed ? tx.saveFailed : null);
  return (
    <li className="record-item">
      <form
        className="record-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset className="record-fieldset">
          <legend>{t.gap[gap.measure]}</legend>
          <div className="record-item__main">
            <span className={`badge badge--gap-${gap.status}`}>{t.gapStatus[gap.status]}</span>
            {gap.dueDate && gap.status !== 'closed' && <span className="muted">{t.dueOn(formatDate(gap.dueDate))}</span>}
            {gap.closedAt && <span className="muted">{tx.closedOn(formatDateTime(gap.closedAt))}</span>}
            <PendingBadge pending={pending} />
          </div>
          <label className="field field--inline">
            {tx.statusLabel}
            <select value={status} onChange={(e) => setStatus(e.target.value as CareGapStatus)}>
              {CARE_GAP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.gapStatus[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {tx.evidenceLabel}
            <input
              value={evidence}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </label>
          <FormError id={errorId} message={error} />
          <button type="submit" className="button button--primary" disabled={busy || !dirty}>
            {busy ? tx.saving : tx.save}
          </button>
        </fieldset>
      </form>
    </li>
  );
}
