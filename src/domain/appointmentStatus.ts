/**
 * Changing an appointment's status, with what follows: a no-show or a cancellation becomes a
 * follow-up task (chasing missed care is the specialist's job), and a no-show marks the
 * patient for no-show follow-up until someone reaches them.
 */
import type { Appointment, AppointmentStatus } from './appointment';
import { createChange, updateChange, type EntityChange } from './entities';
import type { IsoDate, IsoDateTime, TaskId, UserId } from './ids';
import type { Patient } from './patient';
import type { Task } from './task';

export interface AppointmentStatusContext {
  readonly now: IsoDateTime;
  readonly today: IsoDate;
  readonly ownerName: string;
  readonly ownerId: UserId;
  readonly newId: () => string;
  readonly patient: Patient;
}

export function appointmentStatusChanges(
  appt: Appointment,
  status: AppointmentStatus,
  ctx: AppointmentStatusContext,
): EntityChange[] {
  const changed = updateChange('appointment', appt, { ...appt, status });
  if (!changed) return [];
  const out: EntityChange[] = [changed];
  if (status === 'no_show' || status === 'cancelled') {
    const task: Task = {
      id: ctx.newId() as TaskId,
      patientId: appt.patientId,
      kind: status === 'no_show' ? 'no_show' : 'cancellation',
      title: appt.provider,
      titleTemplate: {
        code: status === 'no_show' ? 'rebook_missed_appointment' : 'follow_up_cancelled_appointment',
        provider: appt.provider,
        reason: appt.reason,
        startsAt: appt.startsAt,
      },
      dueDate: ctx.today,
      ownerName: ctx.ownerName,
      ownerId: ctx.ownerId,
      status: 'open',
      sourceNoteId: null,
      sourceAppointmentId: appt.id,
      createdAt: ctx.now,
      completedAt: null,
      completedByNoteId: null,
    };
    out.push(createChange('task', task));
  }
  if (status === 'no_show') {
    const patient = updateChange('patient', ctx.patient, { ...ctx.patient, noShowFollowUp: true });
    if (patient) out.push(patient);
  }
  return out;
}
