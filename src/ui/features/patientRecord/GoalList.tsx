/**
 * Goals: active ones first, each with "Met" / "Dropped"; and adding one with its text
 * (required) and an optional target date.
 */
import { useId, useState } from 'react';
import { isIsoDate, type GoalId, type PatientId } from '../../../domain/ids';
import type { Goal, GoalStatus } from '../../../domain/supportSystem';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { todayLocal } from './clock';
import { AddForm, FormError, isPending, PendingBadge } from './recordParts';
import { useRecordText } from './recordText';
import { useWrite } from './useWrite';

export interface GoalListProps {
  readonly patientId: PatientId;
  readonly goals: readonly Goal[];
  readonly pendingKeys?: ReadonlySet<string> | undefined;
}

const order = (a: Goal, b: Goal) =>
  a.status === b.status ? b.setOn.localeCompare(a.setOn) : a.status === 'active' ? -1 : b.status === 'active' ? 1 : 0;

export function GoalList({ patientId, goals, pendingKeys }: GoalListProps) {
  const tx = useRecordText();
  const titleId = useId();
  return (
    <>
      <h3 id={titleId}>{tx.goalsTitle}</h3>
      {goals.length === 0 && <p className="muted">{tx.noGoals}</p>}
      <ul className="plain-list" aria-labelledby={titleId}>
        {[...goals].sort(order).map((g) => (
          <GoalRow key={g.id} goal={g} pending={isPending(pendingKeys, 'goal', g.id)} />
        ))}
      </ul>
      <AddGoalForm patientId={patientId} />
    </>
  );
}

function GoalRow({ goal: g, pending }: { goal: Goal; pending: boolean }) {
  const { formatDate } = useI18n();
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const settle = (status: GoalStatus) => void run(() => worker.updateRecord('goal', g.id, { status }));
  return (
    <li className="record-item">
      <div className="record-item__main">
        <strong>{g.text}</strong>
        <span className={`badge badge--goal-${g.status}`}>{tx.goalStatus[g.status]}</span>
        <span className="muted">{tx.setOn(formatDate(g.setOn))}</span>
        {g.targetDate && <span className="muted">{tx.targetOn(formatDate(g.targetDate))}</span>}
        <PendingBadge pending={pending} />
      </div>
      {g.status === 'active' && (
        <div role="group" className="record-actions" aria-label={g.text}>
          <button type="button" className="button" disabled={busy} onClick={() => settle('met')}>
            {tx.goalStatus.met}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => settle('dropped')}>
            {tx.goalStatus.dropped}
          </button>
        </div>
      )}
      <FormError message={failed ? tx.saveFailed : null} />
    </li>
  );
}

function AddGoalForm({ patientId }: { patientId: PatientId }) {
  const tx = useRecordText();
  const { worker } = useServices();
  const { busy, failed, run } = useWrite();
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    if (text.trim() === '') return setProblem(tx.goalRequired);
    setProblem(null);
    const goal: Goal = {
      id: crypto.randomUUID() as GoalId,
      patientId,
      text: text.trim(),
      status: 'active',
      setOn: todayLocal(),
      // A date input yields '' or a valid YYYY-MM-DD; anything else is treated as no date.
      targetDate: isIsoDate(target) ? target : null,
    };
    if (await run(() => worker.saveRecord('goal', goal))) {
      setText('');
      setTarget('');
    }
  }

  return (
    <AddForm title={tx.addGoal} error={problem ?? (failed ? tx.saveFailed : null)} busy={busy} onSubmit={() => void submit()}>
      {(errorId) => (
        <>
          <label className="field">
            {tx.goalText}
            <input value={text} aria-invalid={problem !== null} aria-describedby={errorId} onChange={(e) => setText(e.target.value)} />
          </label>
          <label className="field">
            {tx.targetDateOptional}
            <input type="date" value={target} onChange={(e) => setTarget(e.target.value)} />
          </label>
        </>
      )}
    </AddForm>
  );
}
