/**
 * The outbox as sync sees it: number rows for sending (S4), read the next batch, and settle
 * what the server answered (S5, S7). Writing rows is writeChanges' job, not this module's.
 */
import type { RecordCodec } from './codec';
import { entityTables, TABLE_OF_KIND, type OutboxRow, type RoundsDb } from './db';
import { getMeta, setMeta } from './meta';
import type { OutboxChange } from './writeChanges';

/** Gives every unnumbered row the next number, in outbox order, in one transaction. */
export async function numberOutbox(db: RoundsDb): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    let last = (await getMeta(db, 'lastMutationNo')) ?? 0;
    const rows = await db.outbox.orderBy('seq').toArray();
    for (const row of rows) {
      if (row.no !== undefined) continue;
      last += 1;
      await db.outbox.update(row.seq as number, { no: last });
    }
    await setMeta(db, 'lastMutationNo', last);
  });
}

export interface OutgoingChange {
  readonly row: OutboxRow & { readonly no: number };
  readonly change: OutboxChange;
}

/** The first `limit` numbered rows in number order, opened. */
export async function nextBatch(db: RoundsDb, codec: RecordCodec, limit: number): Promise<OutgoingChange[]> {
  const rows = (await db.outbox.orderBy('seq').toArray()).filter((r): r is OutboxRow & { no: number } => r.no !== undefined);
  rows.sort((a, b) => a.no - b.no);
  return Promise.all(rows.slice(0, limit).map(async (row) => ({ row, change: await codec.open<OutboxChange>(row.body) })));
}

export interface Refusal {
  readonly no: number;
  readonly reason: string;
  readonly message?: string;
}

/**
 * Removes every row numbered up to `settledThrough` and keeps the refused ones in the
 * rejections list, in one transaction, so a refused change is never silently lost (S7).
 *
 * A refused change is undone on the device (S7a): a refused create of a record the server
 * never had is removed here; a refused change to a record the server has is undone by the
 * server sending that record again (it gives it a new version), which the pull then lays down
 * without this change. Either way the whole record as the person saw it stays with the refusal.
 */
export async function settleOutbox(db: RoundsDb, settledThrough: number, refused: readonly Refusal[], at: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.rejections, ...entityTables(db)], async () => {
    const settled = await db.outbox.filter((r) => r.no !== undefined && r.no <= settledThrough).toArray();
    const byNo = new Map(refused.map((r) => [r.no, r]));
    for (const row of settled) {
      const refusal = byNo.get(row.no as number);
      if (refusal === undefined) continue;
      const table = db[TABLE_OF_KIND[row.kind]];
      const record = await table.get(row.entityId);
      await db.rejections.add({
        mutationId: row.mutationId,
        kind: row.kind,
        entityId: row.entityId,
        entityKey: row.entityKey,
        reason: refusal.reason,
        ...(refusal.message !== undefined ? { message: refusal.message } : {}),
        at,
        patientId: row.patientId,
        op: row.op,
        body: row.body,
        ...(record ? { record: record.body } : {}),
      });
      if (row.op === 'create' && record && record.version === 0) await table.delete(row.entityId);
    }
    await db.outbox.bulkDelete(settled.map((r) => r.seq as number));
  });
}

export function pendingCount(db: RoundsDb): Promise<number> {
  return db.outbox.count();
}
