/**
 * Applies one page of pulled records and advances the cursor in a single transaction, so a
 * crash between the two can never leave the cursor ahead of the data (S14). A pulled record
 * that still has unsent local changes gets those changes laid over it (S15): the person keeps
 * seeing their own edit until the server has settled it.
 */
import type { EntityRecord } from '../protocol/entities';
import type { RecordCodec } from './codec';
import type { RoundsDb, StoredRecord } from './db';
import { entityTables, TABLE_OF_KIND } from './db';
import { setMeta } from './meta';
import type { OutboxChange } from './writeChanges';

interface PreparedRow {
  readonly table: (typeof TABLE_OF_KIND)[keyof typeof TABLE_OF_KIND];
  readonly id: string;
  readonly row: StoredRecord | null;
}

/** Unsent changes per record key, merged in outbox order, and the outbox rows they came from. */
async function pendingOverlays(db: RoundsDb, codec: RecordCodec, keys: readonly string[]) {
  const rows = await db.outbox.where('entityKey').anyOf(keys).sortBy('seq');
  const overlays = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const change = await codec.open<OutboxChange>(row.body);
    overlays.set(row.entityKey, { ...(overlays.get(row.entityKey) ?? {}), ...change.values });
  }
  return { overlays, seqs: rows.map((r) => r.seq).join(',') };
}

async function prepare(codec: RecordCodec, records: readonly EntityRecord[], overlays: Map<string, Record<string, unknown>>) {
  return Promise.all(
    records.map(async (r): Promise<PreparedRow> => {
      const table = TABLE_OF_KIND[r.kind];
      if (r.deleted || r.data === null) return { table, id: r.id, row: null };
      const overlay = overlays.get(`${r.kind}:${r.id}`);
      const data = overlay ? { ...r.data, ...overlay } : r.data;
      const patientId = 'patientId' in r.data ? r.data.patientId : undefined;
      const body = await codec.seal(data);
      return { table, id: r.id, row: { id: r.id, version: r.version, body, ...(patientId ? { patientId } : {}) } };
    }),
  );
}

const MAX_ATTEMPTS = 5;

export async function applyPullPage(
  db: RoundsDb,
  codec: RecordCodec,
  records: readonly EntityRecord[],
  cursor: string,
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
      await setMeta(db, 'pullCursor', cursor);
      return true;
    });
    if (applied) return;
    if (attempt >= MAX_ATTEMPTS) throw new Error('applyPullPage: local changes kept arriving; try again');
  }
}
