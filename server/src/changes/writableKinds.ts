/**
 * What a device may write, kind by kind: which operations, where the kind is stored, the
 * schema its data must pass, and which fields never change. Kinds absent here (facilities)
 * are managed by the organisation, not from the field.
 */
import type { z } from 'zod';
import type { EntityKind } from '../../../src/domain/entities';
import {
  appointmentSchema,
  barrierSchema,
  careGapSchema,
  caregiverSchema,
  conflictSchema,
  consentEventSchema,
  contactPointSchema,
  escalationSchema,
  goalSchema,
  patientSchema,
  questionnaireResponseSchema,
  referralSchema,
  rpmDeviceSchema,
  taskSchema,
} from '../../../src/protocol/entities';
import { addendumSchema, contactNoteSchema } from '../../../src/protocol/noteSchemas';
import { careGapProblem, type CareGap } from '../../../src/domain/careGap';
import { ESCALATION_OFFICE_FIELDS } from '../../../src/domain/escalation';
import type { Mutation } from '../../../src/protocol/wire';

export type Op = Mutation['op'];
export type RecordTable = 'patients' | 'care_gaps' | 'appointments' | 'patient_records';

export interface KindRules {
  readonly table: RecordTable;
  readonly schema: z.ZodObject;
  readonly ops: readonly Op[];
  /** Why an operation outside `ops` is refused, for the person who tried it. */
  readonly opsMessage: string;
  /** Fields an update may not change: identity and ownership. */
  readonly immutable: readonly string[];
  /** When set, the only fields an update may change. */
  readonly updatable?: readonly string[];
  /** Fields that say who acted: when written, they must name the session's user (STYLE 15). */
  readonly actorFields?: readonly string[];
  /**
   * A field naming who wrote the record: on create it must be the signed-in user, since
   * authority comes from the session, never from what a device filled in.
   */
  readonly authorField?: string;
  /**
   * Fields that carry the name of who acted: whatever the device sent, the server writes the
   * session's name there (on create; on update when the change writes the field and it may
   * change). The device learns the stored name on its next pull.
   */
  readonly sessionNames?: readonly string[];
  /**
   * Fields only the office writes (its own routes, office/escalations.ts), with the value a
   * new record has: a device's create must leave each as that value, and its update must not
   * change them. Authority over them comes from an office session, never from a device.
   */
  readonly officeFields?: Readonly<Record<string, unknown>>;
  /**
   * A rule on the record as it would be after a create or update (`changed`: the fields the
   * change carries); the message refuses the change as invalid.
   */
  readonly check?: (data: Readonly<Record<string, unknown>>, changed: readonly string[]) => string | null;
}

const ALL_OPS: readonly Op[] = ['create', 'update', 'delete'];
const OWNED = ['id', 'patientId'];

function childKind(table: RecordTable, schema: z.ZodObject): KindRules {
  return { table, schema, ops: ALL_OPS, opsMessage: '', immutable: OWNED };
}

export const WRITABLE_KINDS: Readonly<Partial<Record<EntityKind, KindRules>>> = {
  // Patients are registered by the organisation; the field updates them. A patient changes
  // territory only through the office, since that moves it between people's scopes.
  patient: {
    table: 'patients',
    schema: patientSchema,
    ops: ['update'],
    opsMessage: 'Patients are added and removed by the office, not from a device',
    immutable: ['id', 'territoryId'],
  },
  careGap: {
    ...childKind('care_gaps', careGapSchema),
    // Only a change that touches the status or the reason is held to it: gaps excluded
    // before reasons were recorded keep accepting other changes.
    check: (gap, changed) =>
      (changed.includes('status') || changed.includes('exclusionReason')) && careGapProblem(gap as unknown as CareGap) === 'exclusion_reason_missing'
        ? 'exclusionReason: an excluded care gap needs the reason it does not apply'
        : null,
  },
  appointment: childKind('appointments', appointmentSchema),
  contactPoint: childKind('patient_records', contactPointSchema),
  caregiver: childKind('patient_records', caregiverSchema),
  barrier: childKind('patient_records', barrierSchema),
  goal: childKind('patient_records', goalSchema),
  rpmDevice: childKind('patient_records', rpmDeviceSchema),
  task: childKind('patient_records', taskSchema),
  // Raised when a note is signed; then the office works it (acknowledge, assign, resolve), and
  // a device only learns of those steps through pull. What was raised, and by whom, stays.
  escalation: {
    table: 'patient_records',
    schema: escalationSchema,
    ops: ['create', 'update'],
    opsMessage: 'An escalation is not deleted; the office resolves it',
    immutable: [...OWNED, 'noteId', 'reason', 'severity', 'raisedAt', 'raisedBy', 'raisedById'],
    actorFields: ['raisedById'],
    sessionNames: ['raisedBy'],
    officeFields: { ...Object.fromEntries(ESCALATION_OFFICE_FIELDS.map((field) => [field, null])), status: 'open' },
  },
  questionnaireResponse: childKind('patient_records', questionnaireResponseSchema),
  note: {
    table: 'patient_records',
    schema: contactNoteSchema,
    // A delete is the author discarding a draft (noteRules.checkNoteDelete); a signed note is
    // never deleted.
    ops: ['create', 'update', 'delete'],
    opsMessage: '',
    immutable: [...OWNED, 'authorId'],
    authorField: 'authorId',
    sessionNames: ['authorName'],
  },
  addendum: {
    table: 'patient_records',
    schema: addendumSchema,
    ops: ['create'],
    opsMessage: 'An addendum cannot be changed once written; add another one',
    immutable: OWNED,
    authorField: 'authorId',
    sessionNames: ['authorName'],
    // A review (co-sign) is written only by a supervisor from the office (office/review.ts).
    officeFields: { review: null },
  },
  // Consent is a history (domain/consent.ts): each decision is written once, never changed.
  consentEvent: {
    table: 'patient_records',
    schema: consentEventSchema,
    ops: ['create'],
    opsMessage: 'Recorded consent cannot be changed; record the new decision instead',
    immutable: OWNED,
    authorField: 'byId',
    sessionNames: ['byName'],
  },
  // Created when a note with a referral activity is signed; then only its status moves.
  referral: {
    table: 'patient_records',
    schema: referralSchema,
    ops: ['create', 'update'],
    opsMessage: 'A referral is not deleted; mark it declined instead',
    immutable: [...OWNED, 'noteId', 'sentAt', 'sentById', 'sentByName'],
    authorField: 'sentById',
    actorFields: ['statusById'],
    sessionNames: ['sentByName', 'statusByName'],
  },
  // Conflicts are written by the server (S9); people only resolve them.
  conflict: {
    table: 'patient_records',
    schema: conflictSchema,
    ops: ['update'],
    opsMessage: 'Conflicts are recorded by the server; a device can only resolve them',
    immutable: OWNED,
    updatable: ['status', 'resolvedBy', 'resolvedById', 'resolvedAt'],
    actorFields: ['resolvedById'],
    sessionNames: ['resolvedBy'],
  },
};
