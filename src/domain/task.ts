/**
 * Follow-up work: calls to make, visits to plan, no-shows to chase. Tasks come from signed
 * notes, from missed or cancelled appointments, or are added by hand.
 */
import type { AppointmentId, IsoDate, IsoDateTime, NoteId, PatientId, TaskId, UserId } from './ids';

export const TASK_KINDS = ['follow_up', 'no_show', 'cancellation', 'reminder'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A title the app writes itself, as a code and what fills it in, so every reader sees it in
 * their own language (the UI's catalogue); the appointment's time is kept as an instant and
 * formatted for the reader's locale. Person-typed tasks have none.
 */
export const TASK_TITLE_CODES = ['rebook_missed_appointment', 'follow_up_cancelled_appointment', 'reminder_before_appointment'] as const;
export type TaskTitleCode = (typeof TASK_TITLE_CODES)[number];

export interface TaskTitleTemplate {
  readonly code: TaskTitleCode;
  readonly provider: string;
  /** Why the appointment was booked; '' when not known. */
  readonly reason: string;
  readonly startsAt: IsoDateTime | null;
}

export interface Task {
  readonly id: TaskId;
  readonly patientId: PatientId;
  readonly kind: TaskKind;
  /**
   * What a person typed, or for an app-written task a plain fallback (the provider) that
   * versions of the app without `titleTemplate` show.
   */
  readonly title: string;
  /** Set when the app wrote the title; absent on person-typed tasks and on older records. */
  readonly titleTemplate?: TaskTitleTemplate | null;
  readonly dueDate: IsoDate;
  /** Who the task is for, by name for people; `ownerId` says who when the app knows the user. */
  readonly ownerName: string;
  /** The owner's user id; absent or null when the owner was typed by name, and on older records. */
  readonly ownerId?: UserId | null;
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
