/**
 * The outbox as sync sees it: number rows for sending (S4), read the next batch, and settle
 * what the server answered (S5, S7). Writing rows is writeChanges' job, not this module's.
 */
import type { RecordCodec } from './codec';
import type { OutboxRow, RoundsDb } from './db';
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
}

/**
 * Removes every row numbered up to `settledThrough` and keeps the refused ones in the
 * rejections list, in one transaction, so a refused change is never silently lost (S7).
 */
export async function settleOutbox(db: RoundsDb, settledThrough: number, refused: readonly Refusal[], at: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.rejections, async () => {
    const settled = await db.outbox.filter((r) => r.no !== undefined && r.no <= settledThrough).toArray();
    const reasons = new Map(refused.map((r) => [r.no, r.reason]));
    for (const row of settled) {
      const reason = reasons.get(row.no as number);
      if (reason !== undefined) {
        await db.rejections.add({
          mutationId: row.mutationId,
          kind: row.kind,
          entityId: row.entityId,
          entityKey: row.entityKey,
          reason,
          at,
          body: row.body,
        });
      }
    }
    await db.outbox.bulkDelete(settled.map((r) => r.seq as number));
  });
}

export function pendingCount(db: RoundsDb): Promise<number> {
  return db.outbox.count();
}
