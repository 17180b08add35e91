/**
 * Follow-up work: calls to make, visits to plan, no-shows to chase. Tasks come from signed
 * notes, from missed or cancelled appointments, or are added by hand.
 */
import type { AppointmentId, IsoDate, IsoDateTime, NoteId, PatientId, TaskId } from './ids';

export const TASK_KINDS = ['follow_up', 'no_show', 'cancellation', 'reminder'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Task {
  readonly id: TaskId;
  readonly patientId: PatientId;
  readonly kind: TaskKind;
  readonly title: string;
  readonly dueDate: IsoDate;
  readonly ownerName: string;
  readonly status: TaskStatus;
  readonly sourceNoteId: NoteId | null;
  readonly sourceAppointmentId: AppointmentId | null;
  readonly createdAt: IsoDateTime;
  readonly completedAt: IsoDateTime | null;
  /** The note written when completing it, if any. */
  readonly completedByNoteId: NoteId | null;
}

export type TaskDue = 'overdue' | 'today' | 'upcoming';

export function taskDue(t: Pick<Task, 'dueDate'>, today: IsoDate): TaskDue {
  return t.dueDate < today ? 'overdue' : t.dueDate === today ? 'today' : 'upcoming';
}
