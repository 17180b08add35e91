/**
 * The real browser dependencies of sync, in one place for the two contexts that run it: the
 * app's web worker and the service worker (background sync). Both open the same device
 * database and take the same device-wide lock, so they never sync at the same time (S17).
 * The codec is the caller's: the app's worker passes its device lock's (it holds the data
 * key); the service worker passes `keylessCodec()`, which opens nothing sealed and seals
 * nothing, so a background sync can neither read records nor lay any down in clear: it sends
 * only what was sealed for the server (pushSealedOutbox.ts).
 */
import { Locked, type RecordCodec } from '../storage/codec';
import { createAesGcmCodec } from '../storage/crypto/aesGcmCodec';
import { openRoundsDb } from '../storage/db';
import { localLock, type SyncDeps } from './deps';

/** The Web Lock every context takes around a sync and around sign-out. */
export const SYNC_LOCK = 'rounds-sync';

/** A codec with no key, ever: every seal and every open of a sealed body throws `Locked`. */
export function keylessCodec(): RecordCodec {
  const codec = createAesGcmCodec(() => null);
  return { name: 'keyless', seal: () => Promise.reject(new Locked()), open: codec.open };
}

export function browserSyncDeps(codec: RecordCodec): SyncDeps {
  const fallbackLock = localLock();
  // Web Locks span every tab, worker and the service worker of this origin; a context
  // without them (none we ship to) serialises only its own callers.
  const withSyncLock = <T>(fn: () => Promise<T>): Promise<T> =>
    typeof navigator !== 'undefined' && 'locks' in navigator
      ? (navigator.locks.request(SYNC_LOCK, fn) as Promise<T>)
      : fallbackLock(fn);
  return {
    db: openRoundsDb(),
    codec,
    fetch: (input, init) => fetch(input, init),
    baseUrl: '',
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    withSyncLock,
  };
}
