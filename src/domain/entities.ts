/**
 * The kinds of record the app keeps and syncs, and the domain type of each. The wire schemas
 * (protocol/entities.ts) are checked against this list at compile time.
 */
import type { Appointment } from './appointment';
import type { Conflict } from './conflict';
import type { ConsentEvent } from './consent';
import type { CareGap } from './careGap';
import type { Addendum, ContactNote } from './contactNote';
import type { Escalation } from './escalation';
import type { Facility } from './facility';
import type { ContactPoint, Patient } from './patient';
import type { QuestionnaireResponse } from './questionnaire';
import type { Referral } from './referral';
import type { Barrier, Caregiver, Goal, RpmDevice } from './supportSystem';
import type { Task } from './task';

export const ENTITY_KINDS = [
  'patient',
  'facility',
  'careGap',
  'appointment',
  'contactPoint',
  'caregiver',
  'barrier',
  'goal',
  'rpmDevice',
  'note',
  'addendum',
  'task',
  'escalation',
  'questionnaireResponse',
  'conflict',
  'consentEvent',
  'referral',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityTypes {
  patient: Patient;
  facility: Facility;
  careGap: CareGap;
  appointment: Appointment;
  contactPoint: ContactPoint;
  caregiver: Caregiver;
  barrier: Barrier;
  goal: Goal;
  rpmDevice: RpmDevice;
  note: ContactNote;
  addendum: Addendum;
  task: Task;
  escalation: Escalation;
  questionnaireResponse: QuestionnaireResponse;
  conflict: Conflict;
  consentEvent: ConsentEvent;
  referral: Referral;
}

/** Entities that belong to one patient (everything but patients and facilities). */
export type PatientChildKind = Exclude<EntityKind, 'patient' | 'facility'>;

/**
 * One change to one record, as the domain decides it and storage writes it (together with
 * its outbox row, in one transaction). `fields` names what changed; a create carries all.
 */
export type EntityChange = {
  [K in EntityKind]: {
    readonly kind: K;
    /**
     * `delete` writes a tombstone (S12): `value` is the record as it was, `fields` is empty.
     * Only a draft note is deleted from a device (noteDiscard.ts).
     */
    readonly op: 'create' | 'update' | 'delete';
    readonly value: EntityTypes[K];
    readonly fields: readonly (keyof EntityTypes[K] & string)[];
    /** Unsent changes with the same key replace each other (draft autosave). */
    readonly coalesceKey?: string;
  };
}[EntityKind];

export function createChange<K extends EntityKind>(kind: K, value: EntityTypes[K]): EntityChange {
  return { kind, op: 'create', value, fields: Object.keys(value) } as unknown as EntityChange;
}

/** An update carrying only the fields whose values differ from `before`. */
export function updateChange<K extends EntityKind>(kind: K, before: EntityTypes[K], after: EntityTypes[K]): EntityChange | null {
  const fields = (Object.keys(after) as (keyof EntityTypes[K] & string)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return fields.length ? ({ kind, op: 'update', value: after, fields } as unknown as EntityChange) : null;
}

/** A tombstone for `value` (S12). */
export function deleteChange<K extends EntityKind>(kind: K, value: EntityTypes[K]): EntityChange {
  return { kind, op: 'delete', value, fields: [] } as unknown as EntityChange;
}
