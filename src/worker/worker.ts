/**
 * The web worker entry: wires the real browser dependencies into the worker API and exposes
 * it with Comlink. Network and database work happens here, off the UI thread.
 */
import { expose } from 'comlink';
import { plainCodec } from '../storage/codec';
import { openRoundsDb } from '../storage/db';
import { pendingCount } from '../storage/outbox';
import { createAutoSync } from '../sync/autoSync';
import { localLock, type SyncDeps } from '../sync/deps';
import { syncNow } from '../sync/syncNow';
import { createWorkerApi } from './api';

const SYNC_LOCK = 'rounds-sync';
const fallbackLock = localLock();

// Web Locks make the lock device-wide: two tabs (two workers) never sync at once.
const withSyncLock = <T>(fn: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? (navigator.locks.request(SYNC_LOCK, fn) as Promise<T>)
    : fallbackLock(fn);

const deps: SyncDeps = {
  db: openRoundsDb(),
  codec: plainCodec,
  fetch: (input, init) => fetch(input, init),
  baseUrl: '',
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
  withSyncLock,
};

const auto = createAutoSync({
  sync: () => syncNow(deps),
  pending: () => pendingCount(deps.db),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: Math.random,
  now: () => new Date(),
});
// The network coming back is a hint worth acting on; the sync itself finds out the truth.
self.addEventListener('online', () => auto.now());
auto.now();

expose(createWorkerApi(deps, { onLocalChange: () => auto.changed() }));
