/**
 * Day plans on the device: one per local day, saved on every change so a reload or a killed tab
 * finds the day where it was. A plan is the device's own working state, not a record: it is
 * never synced, so it is written without an outbox row (the visits it leads to are documented
 * as notes, which are). Its content is opaque here (the worker owns its shape) and sealed
 * through the codec like every record body. Older days are removed when a newer day is saved:
 * yesterday's route is not worth keeping patients' whereabouts on the device for.
 */
import type { IsoDate, IsoDateTime } from '../domain/ids';
import type { RecordCodec } from './codec';
import type { PlanRow, RoundsDb } from './db';

export interface StoredPlan<T> {
  readonly id: string;
  readonly day: IsoDate;
  readonly updatedAt: IsoDateTime;
  readonly content: T;
}

export async function savePlan<T>(db: RoundsDb, codec: RecordCodec, plan: StoredPlan<T>): Promise<void> {
  // Seal first: sealing may be real crypto, which cannot be awaited inside the transaction.
  const body = await codec.seal(plan.content);
  await db.transaction('rw', db.plans, async () => {
    await db.plans.where('day').below(plan.day).delete();
    await db.plans.put({ id: plan.id, day: plan.day, updatedAt: plan.updatedAt, body });
  });
}

/** Only IndexedDB work: safe inside a live query. The latest saved plan of the day, if any. */
export async function readRawPlan(db: RoundsDb, day: IsoDate): Promise<PlanRow | null> {
  const rows = await db.plans.where('day').equals(day).toArray();
  return rows.reduce<PlanRow | null>((best, r) => (!best || r.updatedAt > best.updatedAt ? r : best), null);
}

export async function openPlan<T>(row: PlanRow, codec: RecordCodec): Promise<StoredPlan<T>> {
  return { id: row.id, day: row.day as IsoDate, updatedAt: row.updatedAt as IsoDateTime, content: await codec.open<T>(row.body) };
}

export async function loadPlan<T>(db: RoundsDb, codec: RecordCodec, day: IsoDate): Promise<StoredPlan<T> | null> {
  const row = await readRawPlan(db, day);
  return row ? openPlan<T>(row, codec) : null;
}
