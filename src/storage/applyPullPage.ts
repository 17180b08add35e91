/**
 * Applies one page of pulled records and advances the cursor in a single transaction, so a
 * crash between the two can never leave the cursor ahead of the data (sync rule: the client
 * applies a page and advances its cursor together).
 */
import type { EntityRecord } from '../protocol/entities';
import type { RecordCodec } from './codec';
import type { RoundsDb, StoredRecord } from './db';
import { entityTables, TABLE_OF_KIND } from './db';
import { setMeta } from './meta';

interface PreparedRow {
  readonly table: (typeof TABLE_OF_KIND)[keyof typeof TABLE_OF_KIND];
  readonly id: string;
  readonly row: StoredRecord | null;
}

export async function applyPullPage(
  db: RoundsDb,
  codec: RecordCodec,
  records: readonly EntityRecord[],
  cursor: string,
): Promise<void> {
  // Sealing may be real crypto, and awaiting anything but IndexedDB inside a Dexie
  // transaction would commit it early; so seal everything first.
  const prepared: PreparedRow[] = await Promise.all(
    records.map(async (r): Promise<PreparedRow> => {
      const table = TABLE_OF_KIND[r.kind];
      if (r.deleted || r.data === null) return { table, id: r.id, row: null };
      const patientId = 'patientId' in r.data ? r.data.patientId : undefined;
      const body = await codec.seal(r.data);
      return { table, id: r.id, row: { id: r.id, version: r.version, body, ...(patientId ? { patientId } : {}) } };
    }),
  );

  await db.transaction('rw', [...entityTables(db), db.meta], async () => {
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
  });
}
