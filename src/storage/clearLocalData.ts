/**
 * Removes every patient record, day plan and the session from the device (sign-out, or a different
 * person signing in). Refuses while the outbox holds changes the server has not confirmed:
 * wiping them would lose a person's work. The device id survives: it names the hardware. The
 * wrapped data keys and the PIN check go too: the next person starts with a key of their own.
 */
import { entityTables, type RoundsDb } from './db';

/** What only a signed-in person's device holds in meta. */
export const SIGNED_IN_META = [
  'session',
  'pullCursor',
  'syncStatus',
  'leavingPatients',
  'keyWrap',
  'keyRecovery',
  'keyOwner',
  'pinVerifier',
  'passwordFailures',
  'backgroundPush',
] as const;

export type ClearResult = { readonly ok: true } | { readonly ok: false; readonly code: 'unsynced_changes'; readonly pending: number };

export async function clearLocalData(db: RoundsDb): Promise<ClearResult> {
  return db.transaction('rw', [...entityTables(db), db.meta, db.outbox, db.rejections, db.plans], async () => {
    const pending = await db.outbox.count();
    if (pending > 0) return { ok: false, code: 'unsynced_changes', pending } as const;
    await Promise.all(entityTables(db).map((t) => t.clear()));
    // Day plans hold patients' ids and where they live.
    await db.plans.clear();
    // Refusals are sealed with the key that goes now; the sign-out dialog counted them.
    await db.rejections.clear();
    await db.meta.bulkDelete([...SIGNED_IN_META]);
    return { ok: true } as const;
  });
}
