/**
 * An urgent clinical concern raised from the field for the care team. Created when a note
 * with an escalation is signed; the office works it from its queue.
 */
import type { EscalationSeverity } from './contactNote';
import type { EscalationId, IsoDateTime, NoteId, PatientId } from './ids';

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export interface Escalation {
  readonly id: EscalationId;
  readonly patientId: PatientId;
  readonly noteId: NoteId;
  readonly reason: string;
  readonly severity: EscalationSeverity;
  readonly raisedAt: IsoDateTime;
  readonly raisedBy: string;
  readonly status: EscalationStatus;
}
