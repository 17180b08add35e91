/**
 * The device database: one Dexie database per device, holding the signed-in user's territory
 * and everything written on the device that the server has not confirmed yet (the outbox).
 * Owns the schema and its versions. Every upgrade must keep what people typed: add a new
 * version with an upgrade function; never edit a shipped version.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Hlc } from '../domain/hlc';
import type { EntityKind } from '../protocol/entities';
import { splitEmbeddedContacts } from './upgrades/v2SplitContacts';

/** A synced entity as stored: clear index fields plus the sealed body (see codec.ts). */
export interface StoredRecord {
  readonly id: string;
  /** Server change version this copy reflects; 0 for a record created on this device. */
  readonly version: number;
  /** For patient-owned records: the owning patient, for per-patient reads. */
  readonly patientId?: string;
  readonly body: unknown;
}

/**
 * One local change waiting for the server. `hlc` and the keys stay in clear (no personal
 * data in them); the change itself is sealed like any record body.
 */
export interface OutboxRow {
  /** Local order of changes; assigned by IndexedDB. */
  readonly seq?: number;
  /** Unique per change, so the server can apply each exactly once. */
  readonly mutationId: string;
  readonly kind: EntityKind;
  readonly entityId: string;
  /** `${kind}:${entityId}`, to find what is pending for a record. */
  readonly entityKey: string;
  /** Rows with the same key replace each other while unsent (draft autosave). */
  readonly coalesceKey: string | null;
  /** The patient the change concerns (an id, no personal data), for "not yet synced" marks. */
  readonly patientId: string | null;
  readonly hlc: Hlc;
  /** In clear so that coalescing can keep a create a create (no personal data in it). */
  readonly op: 'create' | 'update' | 'delete';
  /** Server version of the record this change was made on; 0 for a record new here. */
  readonly baseVersion: number;
  /**
   * The pull cursor when the change (or the draft it continues) was made: how much of the
   * server's changes the device had been told. The server keeps work done on a patient that
   * had already left the scope when the device did not know it yet (S16). Absent on rows
   * written before this existed.
   */
  readonly seenCursor?: string | null;
  /**
   * The device's mutation number, given when the row is first prepared for sending (S4);
   * absent until then. A numbered row is never replaced or removed before the server
   * settled it (S3).
   */
  readonly no?: number;
  readonly body: unknown;
  /**
   * The same change's content sealed to the server's public key (protocol/pushSeal.ts), so a
   * context without the data key can send it (docs/SECURITY.md, "Background sync"). Absent
   * when the device had no server key when the row was written; the app sends those itself.
   */
  readonly sealedForServer?: string;
}

/**
 * A change the server refused, kept so a person sees it (never dropped silently) and can copy
 * or redo it. The device undoes the change itself (S7a): the record shows the server's value
 * again, so what was typed lives on here.
 */
export interface RejectionRow {
  readonly seq?: number;
  readonly mutationId: string;
  readonly kind: EntityKind;
  readonly entityId: string;
  readonly entityKey: string;
  /** The refusal's reason code (protocol `RejectionReason`); absent-safe for rows kept before. */
  readonly reason: string;
  /** The server's explanation for support (names a field, in English); not shown as the reason. */
  readonly message?: string;
  readonly at: string;
  /** The patient it concerns (an id), to name them on screen; absent on rows kept before. */
  readonly patientId?: string | null;
  readonly op?: OutboxRow['op'];
  /** The refused change, sealed like the outbox body it came from. */
  readonly body: unknown;
  /**
   * The whole record as this device showed it when the refusal arrived, sealed: a refused
   * note keeps its full text even though only some fields were in the change.
   */
  readonly record?: unknown;
}

/**
 * A day plan (see plans.ts): the day in clear, to find it; problem, plan and progress sealed in
 * `body` like any record, because they hold patients' ids and where they live.
 */
export interface PlanRow {
  readonly id: string;
  /** `YYYY-MM-DD`, local. */
  readonly day: string;
  readonly updatedAt: string;
  readonly body: unknown;
}

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

export const DB_NAME = 'rounds';

export const TABLE_OF_KIND = {
  patient: 'patients',
  facility: 'facilities',
  careGap: 'careGaps',
  appointment: 'appointments',
  contactPoint: 'contactPoints',
  caregiver: 'caregivers',
  barrier: 'barriers',
  goal: 'goals',
  rpmDevice: 'rpmDevices',
  note: 'notes',
  addendum: 'addenda',
  task: 'tasks',
  escalation: 'escalations',
  questionnaireResponse: 'questionnaireResponses',
  conflict: 'conflicts',
  consentEvent: 'consentEvents',
  referral: 'referrals',
} as const satisfies Record<EntityKind, string>;

export type EntityTableName = (typeof TABLE_OF_KIND)[EntityKind];

export type RoundsDb = Dexie & { [T in EntityTableName]: EntityTable<StoredRecord, 'id'> } & {
  meta: EntityTable<MetaRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  rejections: EntityTable<RejectionRow, 'seq'>;
  plans: EntityTable<PlanRow, 'id'>;
};

export function entityTables(db: RoundsDb): EntityTable<StoredRecord, 'id'>[] {
  return Object.values(TABLE_OF_KIND).map((name) => db[name]);
}

/**
 * `options` only for tests: jsdom's ArrayBuffer is not the one fake-indexeddb returns, so
 * Dexie's live-query cache cannot recognise sealed bodies' binary there and clones it broken;
 * component tests that read sealed rows pass `{ cache: 'disabled' }`. Browsers need nothing.
 */
export function openRoundsDb(name: string = DB_NAME, options?: DexieOptions): RoundsDb {
  const db = new Dexie(name, options) as RoundsDb;
  db.version(1).stores({
    patients: 'id',
    facilities: 'id',
    careGaps: 'id, patientId',
    appointments: 'id, patientId',
    meta: 'key',
  });
  // v2: contacts and caregivers become records of their own; documentation and follow-up
  // records; the outbox.
  db.version(2)
    .stores({
      contactPoints: 'id, patientId',
      caregivers: 'id, patientId',
      barriers: 'id, patientId',
      goals: 'id, patientId',
      rpmDevices: 'id, patientId',
      notes: 'id, patientId',
      addenda: 'id, patientId',
      tasks: 'id, patientId',
      escalations: 'id, patientId',
      questionnaireResponses: 'id, patientId',
      outbox: '++seq, &mutationId, entityKey, coalesceKey',
    })
    .upgrade((tx) => splitEmbeddedContacts(tx));
  // v3: conflicts to review, and the server's answers about changes it refused.
  db.version(3).stores({
    conflicts: 'id, patientId',
    rejections: '++seq, entityKey',
  });
  // v4: day plans, the device's own working state (never synced, so no outbox rows).
  db.version(4).stores({ plans: 'id, day' });
  // v5: consent as a history of events per contact point, and referrals with a status.
  db.version(5).stores({ consentEvents: 'id, patientId', referrals: 'id, patientId' });
  return db;
}
