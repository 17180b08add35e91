/**
 * What the service worker does when the browser fires the background sync (S20): one full
 * sync with the same dependencies and the same lock as the app's worker, so it never runs
 * alongside a tab's sync (S17). Owns only the answer to the browser, "try again later" or
 * "done"; when to ask for the event is the page's business (requestBackgroundSync.ts).
 */
import { isTransientSyncError, type SyncErrorCode } from '../domain/syncStatus';
import type { SyncDeps } from '../sync/deps';
import { syncNow, type SyncResult } from '../sync/syncNow';

/** True when the browser should fire the event again later: the failure may pass by itself. */
export function retryLater(result: SyncResult): result is { readonly ok: false; readonly code: SyncErrorCode } {
  return !result.ok && isTransientSyncError(result.code);
}

/** The rejection that tells the browser to try again later. */
export class RetryLater extends Error {
  constructor(readonly code: SyncErrorCode) {
    super(`background sync failed (${code}); the browser will try again`);
    this.name = 'RetryLater';
  }
}

/**
 * The promise for the sync event's `waitUntil`. A rejected promise is the browser's only
 * "try again later", so a passing failure rejects; a success, or a failure that only a person
 * can fix (signed out, a revoked device that syncNow has already wiped), resolves.
 */
export async function syncInBackground(deps: SyncDeps): Promise<SyncResult> {
  const result = await syncNow(deps);
  if (retryLater(result)) throw new RetryLater(result.code);
  return result;
}
