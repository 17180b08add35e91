/**
 * Removes every patient record and the session from the device (sign-out, or a different
 * person signing in). The device id survives: it names the hardware, not the person.
 */
import type { RoundsDb } from './db';

export async function clearLocalData(db: RoundsDb): Promise<void> {
  await db.transaction('rw', [db.patients, db.facilities, db.careGaps, db.appointments, db.meta], async () => {
    await Promise.all([db.patients.clear(), db.facilities.clear(), db.careGaps.clear(), db.appointments.clear()]);
    await db.meta.bulkDelete(['session', 'pullCursor', 'syncStatus']);
  });
}
