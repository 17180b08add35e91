/**
 * The barriers standing between the patient and their care, and the goals set with them,
 * as one section with a list and an add form for each.
 */
import { useId } from 'react';
import type { PatientId } from '../../../domain/ids';
import type { Barrier, Goal } from '../../../domain/supportSystem';
import { BarrierList } from './BarrierList';
import { GoalList } from './GoalList';
import { useRecordText } from './recordText';

export interface BarriersGoalsEditorProps {
  readonly patientId: PatientId;
  readonly barriers: readonly Barrier[];
  readonly goals: readonly Goal[];
  readonly pendingKeys?: ReadonlySet<string>;
}

export function BarriersGoalsEditor({ patientId, barriers, goals, pendingKeys }: BarriersGoalsEditorProps) {
  const tx = useRecordText();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{tx.barriersGoalsTitle}</h2>
      <BarrierList patientId={patientId} barriers={barriers} pendingKeys={pendingKeys} />
      <GoalList patientId={patientId} goals={goals} pendingKeys={pendingKeys} />
    </section>
  );
}
