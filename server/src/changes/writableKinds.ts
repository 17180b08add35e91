/**
 * What a device may write, kind by kind: which operations, where the kind is stored, the
 * schema its data must pass, and which fields never change. Kinds absent here (facilities)
 * are managed by the organisation, not from the field.
 */
import type { z } from 'zod';
import type { EntityKind } from '../../../src/domain/entities';
import {
  addendumSchema,
  appointmentSchema,
  barrierSchema,
  careGapSchema,
  caregiverSchema,
  conflictSchema,
  contactNoteSchema,
  contactPointSchema,
  escalationSchema,
  goalSchema,
  patientSchema,
  questionnaireResponseSchema,
  rpmDeviceSchema,
  taskSchema,
} from '../../../src/protocol/entities';
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
  careGap: childKind('care_gaps', careGapSchema),
  appointment: childKind('appointments', appointmentSchema),
  contactPoint: childKind('patient_records', contactPointSchema),
  caregiver: childKind('patient_records', caregiverSchema),
  barrier: childKind('patient_records', barrierSchema),
  goal: childKind('patient_records', goalSchema),
  rpmDevice: childKind('patient_records', rpmDeviceSchema),
  task: childKind('patient_records', taskSchema),
  escalation: childKind('patient_records', escalationSchema),
  questionnaireResponse: childKind('patient_records', questionnaireResponseSchema),
  note: {
    table: 'patient_records',
    schema: contactNoteSchema,
    ops: ['create', 'update'],
    opsMessage: 'A note is never deleted; mark it entered in error instead',
    immutable: [...OWNED, 'authorId'],
  },
  addendum: {
    table: 'patient_records',
    schema: addendumSchema,
    ops: ['create'],
    opsMessage: 'An addendum cannot be changed once written; add another one',
    immutable: OWNED,
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
  },
};
