/**
 * Appointments a specialist sets up or confirms with providers on the patient's behalf.
 */
import type { AppointmentId, IsoDateTime, PatientId } from './ids';

export const APPOINTMENT_MODES = ['in_person', 'telehealth'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'cancelled', 'no_show', 'completed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface Appointment {
  readonly id: AppointmentId;
  readonly patientId: PatientId;
  readonly provider: string;
  readonly reason: string;
  readonly mode: AppointmentMode;
  readonly startsAt: IsoDateTime;
  readonly status: AppointmentStatus;
}

export function isUpcoming(a: Pick<Appointment, 'status' | 'startsAt'>, now: IsoDateTime): boolean {
  return (a.status === 'scheduled' || a.status === 'confirmed') && a.startsAt >= now;
}
