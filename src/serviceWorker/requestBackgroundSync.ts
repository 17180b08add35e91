/**
 * The page's half of background sync (S20): asks the browser to fire the one-off sync
 * `rounds-sync` in the service worker once it has connectivity, even if no tab is open then.
 * Only Chromium-based browsers have Background Sync; elsewhere this does nothing and the
 * app's own triggers (autoSync, returning to the app) remain the only ones.
 */
import { isTransientSyncError, type SyncErrorCode } from '../domain/syncStatus';
import { BACKGROUND_SYNC_TAG } from './backgroundSyncTag';

export interface DeviceSyncState {
  readonly pending: number;
  /** The browser's `navigator.onLine`: `false` is reliable, `true` is only a hint. */
  readonly online: boolean;
  readonly hidden: boolean;
  readonly lastError: SyncErrorCode | null;
}

/**
 * Ask for a background sync when changes are pending and the open tab may not get them out
 * itself: the browser is offline, the last attempt failed for a reason that passes, or the tab
 * is being hidden (and may be closed or frozen). Not while a healthy tab syncs on its own: an
 * online browser fires the event at once, which would sync on every keystroke of a draft.
 */
export function wantsBackgroundSync(state: DeviceSyncState): boolean {
  if (state.pending === 0) return false;
  return !state.online || state.hidden || (state.lastError !== null && isTransientSyncError(state.lastError));
}

/** The part of `navigator.serviceWorker` this needs. */
export interface ServiceWorkers {
  getRegistration(): Promise<{ readonly sync?: Pick<SyncManager, 'register'> } | undefined>;
}

function browserServiceWorkers(): ServiceWorkers | undefined {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
}

export type BackgroundSyncRequest = 'registered' | 'unsupported' | 'no_service_worker' | 'refused';

/**
 * Registers the tag. Registering a tag that is already waiting changes nothing, so callers
 * need not remember what they asked. `refused` covers a worker not yet active and a site whose
 * background-sync permission the person turned off.
 */
export async function requestBackgroundSync(serviceWorkers: ServiceWorkers | undefined = browserServiceWorkers()): Promise<BackgroundSyncRequest> {
  if (!serviceWorkers) return 'unsupported';
  const registration = await serviceWorkers.getRegistration().catch(() => undefined);
  if (!registration) return 'no_service_worker';
  if (!registration.sync) return 'unsupported';
  try {
    await registration.sync.register(BACKGROUND_SYNC_TAG);
    return 'registered';
  } catch {
    return 'refused';
  }
}
