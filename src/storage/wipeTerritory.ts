/**
 * The wipe after ten wrong passwords in a row (someone is guessing on a device that may be
 * stolen): every patient record, plan, conflict, the session, the password-wrapped key and the
 * push token go (no more sending in the background on this person's behalf).
 * Kept: the outbox and refusals (sealed; only the data key opens them), the device id, the
 * clock, the mutation numbering, the recovery wrap and whose key it is. So the same person,
 * signing in online, gets the data key back with the server's device key and sends their
 * unsynced work; nobody else can open it.
 */
import { entityTables, type RoundsDb } from './db';

export async function wipeTerritory(db: RoundsDb): Promise<void> {
  await db.transaction('rw', [...entityTables(db), db.plans, db.meta], async () => {
    await Promise.all(entityTables(db).map((t) => t.clear()));
    await db.plans.clear();
    await db.meta.bulkDelete(['session', 'keyWrap', 'pinVerifier', 'passwordFailures', 'pullCursor', 'syncStatus', 'leavingPatients', 'backgroundPush']);
    await db.meta.put({ key: 'wipedAfterWrongPasswords', value: true });
  });
}
