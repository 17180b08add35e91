/**
 * The web worker entry: wires the real browser dependencies (sync/browserDeps.ts, shared with
 * the service worker) into the worker API and exposes it with Comlink. Network and database
 * work happens here, off the UI thread. The device lock lives here and nowhere else: the data
 * key exists only in this worker's memory.
 */
import '../protocol/jitless';
import { expose } from 'comlink';
import { plainCodec } from '../storage/codec';
import { openRoundsDb } from '../storage/db';
import { pendingCount } from '../storage/outbox';
import { createAutoSync } from '../sync/autoSync';
import { browserSyncDeps } from '../sync/browserDeps';
import { createWorkerApi } from './api';
import { createDeviceLock } from './keys/deviceLock';

// The benchmark's comparison build only (vite.config.ts): no lock, bodies stored in clear. The
// constant is `false` in every other build, so this branch is not in the shipped bundle.
const lock = __BENCH_UNENCRYPTED__
  ? null
  : createDeviceLock({
      db: openRoundsDb(),
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
const deps = lock ? { ...browserSyncDeps(lock.codec), db: lock.db } : browserSyncDeps(plainCodec);

let api: ReturnType<typeof createWorkerApi> | null = null;
const auto = createAutoSync({
  // Through the API: it waits for the key and drops it when the device is revoked.
  sync: () => (api as ReturnType<typeof createWorkerApi>).syncNow(),
  pending: () => pendingCount(deps.db),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: Math.random,
  now: () => new Date(),
});
api = createWorkerApi(deps, { onLocalChange: () => auto.changed(), onUnlock: () => auto.now() }, lock);
// The network coming back is a hint worth acting on; the sync itself finds out the truth.
self.addEventListener('online', () => auto.now());
auto.now();

expose(api);
