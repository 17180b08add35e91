/**
 * Removes every patient record, day plan and the session from the device (sign-out, or a different
 * person signing in). Refuses while the outbox holds changes the server has not confirmed:
 * wiping them would lose a person's work. The device id survives: it names the hardware.
 */
import { entityTables, type RoundsDb } from './db';

export type ClearResult = { readonly ok: true } | { readonly ok: false; readonly code: 'unsynced_changes'; readonly pending: number };

export async function clearLocalData(db: RoundsDb): Promise<ClearResult> {
  return db.transaction('rw', [...entityTables(db), db.meta, db.outbox, db.plans], async () => {
    const pending = await db.outbox.count();
    if (pending > 0) return { ok: false, code: 'unsynced_changes', pending } as const;
    await Promise.all(entityTables(db).map((t) => t.clear()));
    // Day plans hold patients' ids and where they live.
    await db.plans.clear();
    await db.meta.bulkDelete(['session', 'pullCursor', 'syncStatus', 'leavingPatients']);
    return { ok: true } as const;
  });
}
