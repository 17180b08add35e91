/**
 * One full sync: push everything in the outbox, then pull what changed, under the device-wide
 * sync lock (S17). The last-sync time moves only when the server confirmed both (S18).
 */
import { asIsoDateTime } from '../domain/ids';
import type { SyncErrorCode } from '../domain/syncStatus';
import { updateSyncStatus } from '../storage/meta';
import { wipeDevice } from '../storage/wipeDevice';
import type { SyncDeps } from './deps';
import { pullUnderLock } from './pullTerritory';
import { pushOutbox } from './pushOutbox';

export type SyncResult =
  | { readonly ok: true; readonly sent: number; readonly rejected: number; readonly received: number }
  | { readonly ok: false; readonly code: SyncErrorCode | 'signed_out' };

export function syncNow(deps: SyncDeps): Promise<SyncResult> {
  return deps.withSyncLock(async () => {
    const res = await pushThenPull(deps);
    if (!res.ok && res.code === 'device_revoked') await wipeDevice(deps.db);
    return res;
  });
}

async function pushThenPull(deps: SyncDeps): Promise<SyncResult> {
  await updateSyncStatus(deps.db, { phase: 'uploading', lastAttemptAt: asIsoDateTime(deps.now().toISOString()) });
  const pushed = await pushOutbox(deps);
  if (!pushed.ok) {
    await updateSyncStatus(deps.db, {
      phase: 'idle',
      ...(pushed.code === 'signed_out' ? {} : { lastError: pushed.code }),
    });
    return pushed;
  }
  const pulled = await pullUnderLock(deps);
  if (!pulled.ok) return pulled;
  return { ok: true, sent: pushed.sent, rejected: pushed.rejected, received: pulled.received };
}
