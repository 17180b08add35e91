/**
 * Barriers: open ones first (newest first), each with "Mark resolved" (resolved today, local
 * date); and adding one by kind with a detail, which "Other" requires (the kind alone says
 * nothing then).
 */
import { useId, useState } from 'react';
import type { BarrierId, PatientId } from '../../../domain/ids';
import { BARRIER_KINDS, type Barrier, type BarrierKind } from '../../../domain/supportSystem';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { todayLocal } from './clock';
import { AddForm, FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface BarrierListProps {
  readonly patientId: PatientId;
  readonly barriers: readonly Barrier[];
  readonly pendingKeys?: ReadonlySet<string> | undefined;
}

const order = (a: Barrier, b: Barrier) =>
  a.status === b.status ? b.identifiedOn.localeCompare(a.identifiedOn) : a.status === 'open' ? -1 : 1;

export function BarrierList({ patientId, barriers, pendingKeys }: BarrierListProps) {
  const tx = useRecordText();
  const titleId = useId();
  return (
    <>
      <h3 id={titleId}>{tx.barriersTitle}</h3>
      {barriers.length === 0 && <p className="muted">{tx.noBarriers}</p>}
      <ul className="plain-list" aria-labelledby={titleId}>
        {[...barriers].sort(order).map((b) => (
          <BarrierRow key={b.id} barrier={b} pending={isPending(pendingKeys, 'barrier', b.id)} />
        ))}
      </ul>
      <AddBarrierForm patientId={patientId} />
    </>
  );
}

function BarrierRow({ barrier: b, pending }: { barrier: Barrier; pending: boolean }) {
  const { formatDate } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const resolve = () => void run(() => worker.updateRecord('barrier', b.id, { status: 'resolved', resolvedOn: todayLocal() }));
  const name = tx.barrierKind[b.kind];
  return (
    <li className="record-item">
      <div className="record-item__main">
        <strong>{name}</strong>
        {b.detail && <span>{b.detail}</span>}
        <span className={`badge badge--barrier-${b.status}`}>{tx.barrierStatus[b.status]}</span>
        <span className="muted">{tx.identifiedOn(formatDate(b.identifiedOn))}</span>
        {b.resolvedOn && <span className="muted">{tx.resolvedOn(formatDate(b.resolvedOn))}</span>}
        <PendingBadge pending={pending} />
      </div>
      {b.status === 'open' && (
        <div className="record-actions">
          <button type="button" className="button" disabled={busy} aria-label={`${tx.markResolved}: ${name}`} onClick={resolve}>
            {tx.markResolved}
          </button>
        </div>
      )}
      <FormError message={failed ? tx.saveFailed : null} />
    </li>
  );
}

function AddBarrierForm({ patientId }: { patientId: PatientId }) {
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [kind, setKind] = useState<BarrierKind>(BARRIER_KINDS[0]);
  const [detail, setDetail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    if (kind === 'other' && detail.trim() === '') return setProblem(tx.detailRequired);
    setProblem(null);
    const barrier: Barrier = {
      id: crypto.randomUUID() as BarrierId,
      patientId,
      kind,
      detail: detail.trim(),
      status: 'open',
      identifiedOn: todayLocal(),
      resolvedOn: null,
    };
    if (await run(() => worker.saveRecord('barrier', barrier))) setDetail('');
  }

  return (
    <AddForm title={tx.addBarrier} error={problem ?? (failed ? tx.saveFailed : null)} busy={busy} onSubmit={() => void submit()}>
      {(errorId) => (
        <>
          <label className="field">
            {tx.barrierKindLabel}
            <select value={kind} onChange={(e) => setKind(e.target.value as BarrierKind)}>
              {BARRIER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tx.barrierKind[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {tx.detailLabel}
            <textarea
              rows={2}
              value={detail}
              aria-invalid={problem !== null}
              aria-describedby={errorId}
              onChange={(e) => setDetail(e.target.value)}
            />
          </label>
        </>
      )}
    </AddForm>
  );
}
