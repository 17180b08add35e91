/**
 * The patient's care gaps, each with its status and evidence. A gap can be closed only with
 * evidence (what was done, when, where): a closed gap counts for the quality measure, so the
 * claim must be checkable. An excluded gap needs the reason it does not apply, since the
 * exclusion takes it out of the measure (checked in the domain, and refused by the server).
 * `closedAt` is stamped when a gap becomes closed and cleared when it is reopened.
 */
import { useId, useState } from 'react';
import { CARE_GAP_STATUSES, careGapProblem, type CareGap, type CareGapStatus } from '../../../domain/careGap';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
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
          <GapRow key={`${g.id}:${g.status}:${g.evidence ?? ''}:${g.exclusionReason ?? ''}`} gap={g} pending={isPending(pendingKeys, 'careGap', g.id)} />
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
  const [reason, setReason] = useState(gap.exclusionReason ?? '');
  const [problem, setProblem] = useState<{ field: 'evidence' | 'reason'; message: string } | null>(null);
  const errorId = useId();
  const dirty = status !== gap.status || evidence.trim() !== (gap.evidence ?? '') || reason.trim() !== (gap.exclusionReason ?? '');

  async function save() {
    const ev = evidence.trim();
    if (status === 'closed' && ev === '') return setProblem({ field: 'evidence', message: tx.evidenceRequired });
    const input = { status, evidence: ev === '' ? null : ev, exclusionReason: reason.trim() === '' ? null : reason.trim() };
    if (careGapProblem(input) === 'exclusion_reason_missing') return setProblem({ field: 'reason', message: tx.exclusionReasonRequired });
    setProblem(null);
    let refused = false;
    await run(async () => {
      refused = !(await worker.updateCareGap(gap.id, input)).ok;
    });
    // The check above runs first; a refusal here means the record went away meanwhile.
    if (refused) setProblem({ field: 'reason', message: tx.saveFailed });
  }

  const error = problem?.message ?? (failed ? tx.saveFailed : null);
  return (
    <li className="record-item">
      <form
        className="record-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="record-fieldset">
          <legend>{t.gap[gap.measure]}</legend>
          <div className="record-item__main">
            <span className={`badge badge--gap-${gap.status}`}>{t.gapStatus[gap.status]}</span>
            {gap.dueDate && gap.status !== 'closed' && <span className="muted">{t.dueOn(formatDate(gap.dueDate))}</span>}
            {gap.closedAt && <span className="muted">{tx.closedOn(formatDateTime(gap.closedAt))}</span>}
            {gap.status === 'excluded' && gap.exclusionReason && <span className="muted">{tx.excludedBecause(gap.exclusionReason)}</span>}
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
              aria-invalid={problem?.field === 'evidence'}
              aria-describedby={problem?.field === 'evidence' ? errorId : undefined}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </label>
          {status === 'excluded' && (
            <label className="field">
              {tx.exclusionReasonLabel}
              <input
                value={reason}
                aria-invalid={problem?.field === 'reason'}
                aria-describedby={problem?.field === 'reason' ? errorId : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          )}
          <FormError id={errorId} message={error} />
          <button type="submit" className="button button--primary" disabled={busy || !dirty}>
            {busy ? tx.saving : tx.save}
          </button>
        </fieldset>
      </form>
    </li>
  );
}
