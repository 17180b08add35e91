/**
 * Applies one page of pulled records and advances the cursor in a single transaction, so a
 * crash between the two can never leave the cursor ahead of the data (S14). A pulled record
 * that still has unsent local changes gets those changes laid over it (S15): the person keeps
 * seeing their own edit until the server has settled it.
 *
 * Patients that left the scope, and deleted patients, are noted as leaving in the same
 * transaction; evictOutOfScope removes them with their records once nothing of theirs waits
 * to be sent. A patient that arrives again (moved back) is no longer leaving.
 */
import type { EntityRecord } from '../protocol/entities';
import type { RecordCodec } from './codec';
import type { RoundsDb, StoredRecord } from './db';
import { entityTables, TABLE_OF_KIND } from './db';
import { getMeta, setMeta } from './meta';
import type { OutboxChange } from './writeChanges';

interface PreparedRow {
  readonly table: (typeof TABLE_OF_KIND)[keyof typeof TABLE_OF_KIND];
  readonly id: string;
  readonly row: StoredRecord | null;
}

const DELETED = Symbol('deleted here');

/** Unsent changes per record key, merged in outbox order, and the outbox rows they came from. */
async function pendingOverlays(db: RoundsDb, codec: RecordCodec, keys: readonly string[]) {
  const rows = await db.outbox.where('entityKey').anyOf(keys).sortBy('seq');
  const overlays = new Map<string, Record<string, unknown> | typeof DELETED>();
  for (const row of rows) {
    // A record deleted here stays deleted until the server has settled its tombstone.
    if (row.op === 'delete') {
      overlays.set(row.entityKey, DELETED);
      continue;
    }
    const change = await codec.open<OutboxChange>(row.body);
    const before = overlays.get(row.entityKey);
    overlays.set(row.entityKey, { ...(before === DELETED ? {} : (before ?? {})), ...change.values });
  }
  return { overlays, seqs: rows.map((r) => r.seq).join(',') };
}

async function prepare(codec: RecordCodec, records: readonly EntityRecord[], overlays: Map<string, Record<string, unknown> | typeof DELETED>) {
  return Promise.all(
    records.map(async (r): Promise<PreparedRow> => {
      const table = TABLE_OF_KIND[r.kind];
      const overlay = overlays.get(`${r.kind}:${r.id}`);
      if (r.deleted || r.data === null || overlay === DELETED) return { table, id: r.id, row: null };
      const data = overlay ? { ...r.data, ...overlay } : r.data;
      const patientId = 'patientId' in r.data ? r.data.patientId : undefined;
      const body = await codec.seal(data);
      return { table, id: r.id, row: { id: r.id, version: r.version, body, ...(patientId ? { patientId } : {}) } };
    }),
  );
}

/** Within the page's transaction. Exits and returns of one patient never share a page (see pullChanges.ts). */
async function noteLeaving(db: RoundsDb, records: readonly EntityRecord[], leftScope: readonly string[]) {
  const patients = records.filter((r) => r.kind === 'patient');
  const gone = [...leftScope, ...patients.filter((r) => r.deleted).map((r) => r.id)];
  const back = new Set(patients.filter((r) => !r.deleted).map((r) => r.id));
  // A page with no patient in it and no exit (the usual incremental pull) leaves the list as it is.
  if (gone.length === 0 && back.size === 0) return;
  const before = (await getMeta(db, 'leavingPatients')) ?? [];
  if (gone.length === 0 && !before.some((id) => back.has(id))) return;
  const next = [...new Set([...before, ...gone])].filter((id) => !back.has(id));
  await setMeta(db, 'leavingPatients', next);
}

const MAX_ATTEMPTS = 5;

export async function applyPullPage(
  db: RoundsDb,
  codec: RecordCodec,
  records: readonly EntityRecord[],
  cursor: string,
  leftScope: readonly string[] = [],
): Promise<void> {
  const keys = records.map((r) => `${r.kind}:${r.id}`);
  for (let attempt = 1; ; attempt++) {
    // Sealing may be real crypto, and awaiting anything but IndexedDB inside a Dexie
    // transaction would commit it early; so overlays are read and bodies sealed first, and
    // the transaction checks that no local change arrived for these records in between.
    const { overlays, seqs } = await pendingOverlays(db, codec, keys);
    const prepared = await prepare(codec, records, overlays);
    const applied = await db.transaction('rw', [...entityTables(db), db.meta, db.outbox], async () => {
      const now = (await db.outbox.where('entityKey').anyOf(keys).sortBy('seq')).map((r) => r.seq).join(',');
      if (now !== seqs) return false;
      const byTable = new Map<PreparedRow['table'], PreparedRow[]>();
      for (const p of prepared) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
      for (const [tableName, rows] of byTable) {
        const table = db[tableName];
        const existing = await table.bulkGet(rows.map((r) => r.id));
        const puts: StoredRecord[] = [];
        const deletes: string[] = [];
        rows.forEach((r, i) => {
          const current = existing[i];
          const incomingVersion = r.row?.version ?? Number.POSITIVE_INFINITY;
          // A page can never roll a record back to an older server version.
          if (current && r.row && current.version > incomingVersion) return;
          if (r.row) puts.push(r.row);
          else deletes.push(r.id);
        });
        if (puts.length) await table.bulkPut(puts);
        if (deletes.length) await table.bulkDelete(deletes);
      }
      await noteLeaving(db, records, leftScope);
      await setMeta(db, 'pullCursor', cursor);
      return true;
    });
    if (applied) return;
    if (attempt >= MAX_ATTEMPTS) throw new Error('applyPullPage: local changes kept arriving; try again');
  }
}
