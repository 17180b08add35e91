/**
 * The device database: one Dexie database per device, holding the signed-in user's territory.
 * Owns the schema and its versions. Every upgrade must keep what people typed: add a new
 * version with an upgrade function; never edit a shipped version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { EntityKind } from '../protocol/entities';

/** A synced entity as stored: clear index fields plus the sealed body (see codec.ts). */
export interface StoredRecord {
  readonly id: string;
  /** Server change version this copy reflects. */
  readonly version: number;
  /** Only for care gaps and appointments: the owning patient, for per-patient reads. */
  readonly patientId?: string;
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
} as const satisfies Record<EntityKind, string>;

export type RoundsDb = Dexie & {
  patients: EntityTable<StoredRecord, 'id'>;
  facilities: EntityTable<StoredRecord, 'id'>;
  careGaps: EntityTable<StoredRecord, 'id'>;
  appointments: EntityTable<StoredRecord, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openRoundsDb(name: string = DB_NAME): RoundsDb {
  const db = new Dexie(name) as RoundsDb;
  db.version(1).stores({
    patients: 'id',
    facilities: 'id',
    careGaps: 'id, patientId',
    appointments: 'id, patientId',
    meta: 'key',
  });
  return db;
}
