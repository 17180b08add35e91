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
import type { WorkerClient } from '../../src/worker/client';

export const TEST_NOW = new Date('2026-11-22T15:00:00Z');

export function createInProcessWorker(db: RoundsDb, now: () => Date = () => TEST_NOW): WorkerClient {
  const api = createWorkerApi({
    db,
    codec: plainCodec,
    fetch: () => Promise.reject(new TypeError('tests never reach the network')),
    baseUrl: '',
    now,
    newId: () => crypto.randomUUID(),
    withSyncLock: localLock(),
  });
  // Comlink's Remote<T> only wraps results in promises; every method here already returns one.
  return api as unknown as WorkerClient;
}
