/**
 * Remote wipe: when the server says this device was revoked (lost or stolen), everything it
 * holds goes, unsynced changes included; keeping patient data on a device nobody controls is
 * the greater harm. Only the reason is kept, so the sign-in screen can say what happened.
 */
import { INITIAL_SYNC_STATUS } from '../domain/syncStatus';
import type { RoundsDb } from './db';
import { setMeta } from './meta';

export async function wipeDevice(db: RoundsDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await setMeta(db, 'syncStatus', { ...INITIAL_SYNC_STATUS, lastError: 'device_revoked' });
  });
}
