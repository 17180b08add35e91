/**
 * An urgent clinical concern raised from the field for the care team. Created when a note
 * with an escalation is signed; the office works it from its queue: acknowledges it, assigns
 * it to a person, and resolves it with a note. Each step is stamped with who (a user id, with
 * the name alongside) and when. Pure rules; the time and the person come in as arguments.
 *
 * Invariants (checked by `escalationProblem`, kept by every transition here):
 * - open: nothing acknowledged or resolved;
 * - acknowledged: acknowledgement stamped, nothing resolved;
 * - resolved: resolution stamped with its note; final, nothing changes it afterwards.
 * An assignee may be set at any step before resolution. Records written before the office
 * steps existed carry none of these fields (read them with `withOfficeDefaults`).
 */
import type { EscalationSeverity } from './contactNote';
import type { EscalationId, IsoDateTime, NoteId, PatientId, UserId } from './ids';

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** The longest resolution note kept: a paragraph or two. */
export const ESCALATION_RESOLUTION_MAX = 2000;

export interface Escalation {
  readonly id: EscalationId;
  readonly patientId: PatientId;
  readonly noteId: NoteId;
  readonly reason: string;
  readonly severity: EscalationSeverity;
  readonly raisedAt: IsoDateTime;
  /** The name of the specialist who signed the note. */
  readonly raisedBy: string;
  /** Their user id; null on records written before it was kept. */
  readonly raisedById: UserId | null;
  readonly status: EscalationStatus;
  readonly acknowledgedAt: IsoDateTime | null;
  readonly acknowledgedBy: UserId | null;
  readonly acknowledgedByName: string | null;
  /** The person in the office following it up. */
  readonly assignedTo: UserId | null;
  readonly assignedToName: string | null;
  readonly resolvedAt: IsoDateTime | null;
  readonly resolvedBy: UserId | null;
  readonly resolvedByName: string | null;
  /** What was done: required to resolve. */
  readonly resolution: string | null;
}

/** The fields only the office writes; a device neither sets nor changes them. */
export const ESCALATION_OFFICE_FIELDS = [
  'status',
  'acknowledgedAt',
  'acknowledgedBy',
  'acknowledgedByName',
  'assignedTo',
  'assignedToName',
  'resolvedAt',
  'resolvedBy',
  'resolvedByName',
  'resolution',
] as const satisfies readonly (keyof Escalation)[];

type OfficeFields = Pick<Escalation, Exclude<(typeof ESCALATION_OFFICE_FIELDS)[number], 'status'> | 'raisedById'>;

/** A new escalation's office fields: nobody has answered it yet. */
export const UNANSWERED: Omit<OfficeFields, 'raisedById'> = {
  acknowledgedAt: null,
  acknowledgedBy: null,
  acknowledgedByName: null,
  assignedTo: null,
  assignedToName: null,
  resolvedAt: null,
  resolvedBy: null,
  resolvedByName: null,
  resolution: null,
};

/** An escalation as stored before the office steps existed, with them filled in as "not yet". */
export function withOfficeDefaults(e: Omit<Escalation, keyof OfficeFields> & Partial<OfficeFields>): Escalation {
  return { raisedById: null, ...UNANSWERED, ...e } as Escalation;
}

/** Who acts and when: the office's session, never a field a device filled in. */
export interface EscalationActor {
  readonly now: IsoDateTime;
  readonly byId: UserId;
  readonly byName: string;
}

export type EscalationProblem = 'already_resolved' | 'resolution_missing' | 'resolution_too_long';

export type EscalationStep =
  /** `changed` false: the step was already taken (re-acknowledging, the same assignee). */
  | { readonly ok: true; readonly escalation: Escalation; readonly changed: boolean }
  | { readonly ok: false; readonly code: EscalationProblem };

const unchanged = (escalation: Escalation): EscalationStep => ({ ok: true, escalation, changed: false });
const ALREADY_RESOLVED: EscalationStep = { ok: false, code: 'already_resolved' };

/** Acknowledges an open escalation; an acknowledged one stays as it was acknowledged first. */
export function acknowledgeEscalation(e: Escalation, by: EscalationActor): EscalationStep {
  if (e.status === 'resolved') return ALREADY_RESOLVED;
  if (e.status === 'acknowledged') return unchanged(e);
  return {
    ok: true,
    changed: true,
    escalation: { ...e, status: 'acknowledged', acknowledgedAt: by.now, acknowledgedBy: by.byId, acknowledgedByName: by.byName },
  };
}

/**
 * Assigns the escalation to a person. Whoever assigns has seen it, so an open escalation is
 * acknowledged by them at the same time.
 */
export function assignEscalation(e: Escalation, to: { readonly userId: UserId; readonly name: string }, by: EscalationActor): EscalationStep {
  if (e.status === 'resolved') return ALREADY_RESOLVED;
  const seen = acknowledgeEscalation(e, by);
  if (!seen.ok) return seen;
  if (e.assignedTo === to.userId && e.assignedToName === to.name) return seen;
  return { ok: true, changed: true, escalation: { ...seen.escalation, assignedTo: to.userId, assignedToName: to.name } };
}

/** Resolves an open or acknowledged escalation with a note of what was done; final. */
export function resolveEscalation(e: Escalation, resolution: string, by: EscalationActor): EscalationStep {
  if (e.status === 'resolved') return ALREADY_RESOLVED;
  const note = resolution.trim();
  if (note === '') return { ok: false, code: 'resolution_missing' };
  if (note.length > ESCALATION_RESOLUTION_MAX) return { ok: false, code: 'resolution_too_long' };
  // Resolving an unacknowledged escalation acknowledges it too: someone in the office saw it.
  const acknowledged = e.acknowledgedAt === null ? { acknowledgedAt: by.now, acknowledgedBy: by.byId, acknowledgedByName: by.byName } : {};
  return {
    ok: true,
    changed: true,
    escalation: { ...e, ...acknowledged, status: 'resolved', resolvedAt: by.now, resolvedBy: by.byId, resolvedByName: by.byName, resolution: note },
  };
}

/** Why the stamps do not match the status; null when the record is consistent. */
export function escalationProblem(e: Escalation): string | null {
  const acknowledged = e.acknowledgedAt !== null && e.acknowledgedBy !== null && e.acknowledgedByName !== null;
  const noAcknowledgement = e.acknowledgedAt === null && e.acknowledgedBy === null && e.acknowledgedByName === null;
  const resolved = e.resolvedAt !== null && e.resolvedBy !== null && e.resolvedByName !== null && e.resolution !== null && e.resolution.trim() !== '';
  const notResolved = e.resolvedAt === null && e.resolvedBy === null && e.resolvedByName === null && e.resolution === null;
  if ((e.assignedTo === null) !== (e.assignedToName === null)) return 'assignedTo and assignedToName go together';
  switch (e.status) {
    case 'open':
      return noAcknowledgement && notResolved ? null : 'an open escalation has no acknowledgement or resolution';
    case 'acknowledged':
      return acknowledged && notResolved ? null : 'an acknowledged escalation has its acknowledgement and no resolution';
    case 'resolved':
      return acknowledged && resolved ? null : 'a resolved escalation has its acknowledgement and its resolution';
  }
}

/**
 * Overdue: still open (nobody acknowledged it) longer than the organisation allows.
 * `ackMinutes` is the organisation's acknowledgement time.
 */
export function isEscalationOverdue(e: Pick<Escalation, 'status' | 'raisedAt'>, nowMs: number, ackMinutes: number): boolean {
  return e.status === 'open' && nowMs - Date.parse(e.raisedAt) > ackMinutes * 60_000;
}

/** Whole minutes since the escalation was raised, never negative (a device clock ahead). */
export function escalationAgeMinutes(e: Pick<Escalation, 'raisedAt'>, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(e.raisedAt)) / 60_000));
}
