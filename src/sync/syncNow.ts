/**
 * One full sync: push everything in the outbox, then pull what changed, under the device-wide
 * sync lock (S17). The last-sync time moves only when the server confirmed both (S18).
 *
 * Without the data key (the service worker; a device waiting for its password) the session
 * cannot be read, so the sync is only the sealed push (pushSealedOutbox.ts): the changes
 * sealed for the server go, nothing is pulled (pulled records could not be sealed here), and
 * the app pulls once unlocked.
 */
import { asIsoDateTime } from '../domain/ids';
import type { SyncErrorCode } from '../domain/syncStatus';
import { updateSyncStatus } from '../storage/meta';
import { wipeDevice } from '../storage/wipeDevice';
import type { SyncDeps } from './deps';
import { pullUnderLock } from './pullTerritory';
import { pushOutbox } from './pushOutbox';
import { pushSealedOutbox } from './pushSealedOutbox';

export type SyncResult =
  | { readonly ok: true; readonly sent: number; readonly rejected: number; readonly received: number }
  | { readonly ok: false; readonly code: SyncErrorCode | 'signed_out' };

export function syncNow(deps: SyncDeps): Promise<SyncResult> {
  return deps.withSyncLock(async () => {
    let res = await settled(deps, () => pushThenPull(deps));
    if (!res.ok && res.code === 'signed_out') res = await settled(deps, () => pushSealed(deps));
    if (!res.ok && res.code === 'device_revoked') await wipeDevice(deps.db);
    return res;
  });
}

/**
 * Every attempt ends in a settled status (STYLE 13): whatever throws on the way (the device's
 * database, a bug), the phase returns to idle with a closed error code, so "Sync now" is never
 * stuck disabled and automatic sync tries again later.
 */
async function settled(deps: SyncDeps, attempt: () => Promise<SyncResult>): Promise<SyncResult> {
  let res: SyncResult = { ok: false, code: 'device_error' };
  try {
    res = await attempt();
  } catch (error) {
    // The error's name only: a message may quote the data being written.
    const name = error instanceof Error ? error.name : typeof error;
    // No data key here (the service worker, or a device waiting for its password): nothing
    // can be read or written, quietly; syncNow then tries the sealed push.
    if (name === 'Locked') res = { ok: false, code: 'signed_out' };
    else {
      res = { ok: false, code: name === 'QuotaExceededError' ? 'storage_full' : 'device_error' };
      console.error(`sync failed on this device: ${name}`);
    }
  } finally {
    const failure = !res.ok && res.code !== 'signed_out' ? { lastError: res.code } : {};
    await updateSyncStatus(deps.db, { phase: 'idle', ...failure }).catch(() => undefined);
  }
  return res;
}

async function pushSealed(deps: SyncDeps): Promise<SyncResult> {
  await updateSyncStatus(deps.db, { phase: 'uploading', lastAttemptAt: asIsoDateTime(deps.now().toISOString()) });
  const pushed = await pushSealedOutbox(deps);
  return pushed.ok ? { ...pushed, received: 0 } : pushed;
}

async function pushThenPull(deps: SyncDeps): Promise<SyncResult> {
  await updateSyncStatus(deps.db, { phase: 'uploading', lastAttemptAt: asIsoDateTime(deps.now().toISOString()) });
  const pushed = await pushOutbox(deps);
  if (!pushed.ok) return pushed;
  const pulled = await pullUnderLock(deps);
  if (!pulled.ok) return pulled;
  return { ok: true, sent: pushed.sent, rejected: pushed.rejected, received: pulled.received };
}
