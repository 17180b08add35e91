/**
 * The real worker API running in the test's own thread, on the test's database, so component
 * tests prove what a tap writes (record and outbox row) rather than what a mock was told.
 * Screens read through it as in the app: `watch` runs the named read here and calls the
 * screen's callback directly (no Comlink needed; `proxy` only marks the function).
 * Lives here because the UI's lint boundary lets src/ui import the worker only through
 * worker/client; the network is refused (no test here may sync).
 */
import { localLock } from '../../src/sync/deps';
import { plainCodec } from '../../src/storage/codec';
import type { RoundsDb } from '../../src/storage/db';
import { createWorkerApi } from '../../src/worker/api';
import { createDeviceLock, type DeviceLock } from '../../src/worker/keys/deviceLock';

export type { DeviceLock };

/** The real device lock for component tests: real WebCrypto, a low PBKDF2 cost, no timer. */
export function createTestLock(db: RoundsDb): DeviceLock {
  return createDeviceLock({ db, now: () => Date.now(), setTimer: () => null, clearTimer: () => undefined, iterations: 1000 });
}
import type { WorkerClient } from '../../src/worker/client';

export const TEST_NOW = new Date('2026-11-22T15:00:00Z');

/**
 * `lock`: the real device lock (encrypted bodies, lock states); without it bodies stay plain
 * and the device counts as unlocked, for tests of features that read the database directly.
 */
export function createInProcessWorker(db: RoundsDb, now: () => Date = () => TEST_NOW, lock: DeviceLock | null = null): WorkerClient {
  const api = createWorkerApi(
    {
      db,
      codec: plainCodec,
      fetch: () => Promise.reject(new TypeError('tests never reach the network')),
      baseUrl: '',
      now,
      newId: () => crypto.randomUUID(),
      withSyncLock: localLock(),
    },
    {},
    lock,
  );
  // Comlink's Remote<T> only wraps results in promises; every method here already returns one.
  return api as unknown as WorkerClient;
}

export interface OnlineWorkerOptions {
  readonly db: RoundsDb;
  readonly lock: DeviceLock | null;
  /** The test's stand-in for the server. */
  readonly fetch: typeof fetch;
  readonly now?: () => Date;
}

/** The real worker API in-process, as above, whose network is the test's own `fetch`. */
export function createOnlineInProcessWorker({ db, lock, fetch, now = () => TEST_NOW }: OnlineWorkerOptions): WorkerClient {
  const api = createWorkerApi(
    { db, codec: plainCodec, fetch, baseUrl: '', now, newId: () => crypto.randomUUID(), withSyncLock: localLock() },
    {},
    lock,
  );
  return api as unknown as WorkerClient;
}
