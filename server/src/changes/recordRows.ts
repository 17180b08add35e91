/**
 * Reading and writing the rows of the tables devices write to, for the push. Owns the SQL and
 * the one rule about versions: a row written here gets an explicit version, a fresh
 * `nextval('change_seq')` taken for that row alone, so that the field stamps written with it
 * name the very version the row carries (the stamp trigger keeps it; see migration 004 for
 * why the pull cursor still holds). Knows nothing of scope or merge rules.
 */
import type { Db } from '../db/db';
import type { FieldStamps } from './fieldMerge';
import type { RecordTable } from './writableKinds';

export interface RecordKey {
  readonly table: RecordTable;
  /** The kind column of patient_records; ignored by the other tables. */
  readonly kind: string;
  readonly id: string;
}

export interface StoredRecord {
  readonly patientId: string;
  readonly data: Record<string, unknown>;
  readonly deleted: boolean;
  readonly stamps: FieldStamps;
  /** The row's version: the latest a device can have based a change on (T4). */
  readonly version: number;
}

export interface PatientScopeRow {
  readonly orgId: string;
  readonly territoryId: string;
  readonly deleted: boolean;
}

export interface RecordWrite {
  readonly data: Readonly<Record<string, unknown>>;
  readonly stamps: FieldStamps;
  readonly deleted: boolean;
  readonly version: number;
}

const PATIENT_ID: Record<RecordTable, string> = {
  patients: 'id',
  care_gaps: 'patient_id',
  appointments: 'patient_id',
  patient_records: 'patient_id',
};

/** `where` clause and its parameters ($1, $2) for one record. */
function keyClause(key: RecordKey): { where: string; params: unknown[] } {
  return key.table === 'patient_records'
    ? { where: 'kind = $1 and id = $2', params: [key.kind, key.id] }
    : { where: 'id = $1', params: [key.id] };
}

export async function readPatientScope(tx: Db, patientId: string): Promise<PatientScopeRow | null> {
  const rows = await tx.query<PatientScopeRow>(
    'select org_id as "orgId", territory_id as "territoryId", deleted from patients where id = $1',
    [patientId],
  );
  return rows[0] ?? null;
}

/**
 * The record, locked until the transaction ends: two pushes writing the same record (from
 * two devices, on two servers) merge one after the other, each on the other's result.
 */
export async function lockRecord(tx: Db, key: RecordKey): Promise<StoredRecord | null> {
  const { where, params } = keyClause(key);
  const rows = await tx.query<StoredRecord>(
    `select ${PATIENT_ID[key.table]} as "patientId", data, deleted, field_stamps as stamps, version
       from ${key.table} where ${where} for update`,
    params,
  );
  return rows[0] ?? null;
}

export async function nextVersion(tx: Db): Promise<number> {
  const [row] = await tx.query<{ version: number }>("select nextval('change_seq') as version");
  if (!row) throw new Error('nextval returned no row');
  return row.version;
}

/**
 * Inserts a new record; false when a record with its key exists (created meanwhile by a
 * concurrent push, which this insert waited for).
 */
export async function insertRecord(tx: Db, key: RecordKey, owner: { patientId: string; orgId: string }, write: RecordWrite): Promise<boolean> {
  const values = [key.id, owner.patientId, JSON.stringify(write.data), JSON.stringify(write.stamps), write.version];
  const rows =
    key.table === 'patient_records'
      ? await tx.query(
          `insert into patient_records (id, patient_id, data, field_stamps, version, kind)
           values ($1, $2, $3::jsonb, $4::jsonb, $5, $6) on conflict (kind, id) do nothing returning id`,
          [...values, key.kind],
        )
      : await tx.query(
          `insert into ${key.table} (id, patient_id, data, field_stamps, version, org_id)
           values ($1, $2, $3::jsonb, $4::jsonb, $5, $6) on conflict (id) do nothing returning id`,
          [...values, owner.orgId],
        );
  return rows.length === 1;
}

export async function updateRecord(tx: Db, key: RecordKey, write: RecordWrite): Promise<void> {
  const { where, params } = keyClause(key);
  const n = params.length;
  await tx.query(
    `update ${key.table}
        set data = $${n + 1}::jsonb, field_stamps = $${n + 2}::jsonb, deleted = $${n + 3}, version = $${n + 4}
      where ${where}`,
    [...params, JSON.stringify(write.data), JSON.stringify(write.stamps), write.deleted, write.version],
  );
}

/**
 * Gives the record a new version without changing it, so every device in scope pulls it
 * again: one that showed a value the server did not keep (a lost or refused change) ends with
 * the server's. The stamp trigger assigns the version, as for any write that leaves it as was.
 */
export async function resendRecord(tx: Db, key: RecordKey): Promise<void> {
  const { where, params } = keyClause(key);
  await tx.query(`update ${key.table} set version = version where ${where}`, params);
}

/** A conflict record (S9); its version comes from the trigger, like any row nobody stamps. */
export async function insertConflict(tx: Db, conflict: { id: string; patientId: string }): Promise<void> {
  await tx.query(
    "insert into patient_records (kind, id, patient_id, data) values ('conflict', $1, $2, $3::jsonb)",
    [conflict.id, conflict.patientId, JSON.stringify(conflict)],
  );
}
