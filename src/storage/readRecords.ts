/**
 * Decoded reads of single records and of everything one patient has, for commands and for
 * the patient screen. Reads only; writes go through writeChanges.
 */
import { ENTITY_KINDS, type EntityKind, type EntityTypes, type PatientChildKind } from '../domain/entities';
import type { RecordCodec } from './codec';
import { TABLE_OF_KIND, type RoundsDb, type StoredRecord } from './db';

export async function readRecord<K extends EntityKind>(
  db: RoundsDb,
  codec: RecordCodec,
  kind: K,
  id: string,
): Promise<EntityTypes[K] | undefined> {
  const row = await db[TABLE_OF_KIND[kind]].get(id);
  return row ? codec.open<EntityTypes[K]>(row.body) : undefined;
}

export const PATIENT_CHILD_KINDS: readonly PatientChildKind[] = ENTITY_KINDS.filter(
  (k): k is PatientChildKind => k !== 'patient' && k !== 'facility',
);

export type RawPatientRecords = { readonly [K in PatientChildKind]: readonly StoredRecord[] };
export type PatientRecords = { readonly [K in PatientChildKind]: readonly EntityTypes[K][] };

/** Only IndexedDB work: safe inside a live query. */
export async function readRawPatientRecords(db: RoundsDb, patientId: string): Promise<RawPatientRecords> {
  const lists = await Promise.all(
    PATIENT_CHILD_KINDS.map((k) => db[TABLE_OF_KIND[k]].where('patientId').equals(patientId).toArray()),
  );
  return Object.fromEntries(PATIENT_CHILD_KINDS.map((k, i) => [k, lists[i]])) as unknown as RawPatientRecords;
}

export async function openPatientRecords(raw: RawPatientRecords, codec: RecordCodec): Promise<PatientRecords> {
  const lists = await Promise.all(
    PATIENT_CHILD_KINDS.map((k) => Promise.all(raw[k].map((r) => codec.open<unknown>(r.body)))),
  );
  return Object.fromEntries(PATIENT_CHILD_KINDS.map((k, i) => [k, lists[i]])) as unknown as PatientRecords;
}
