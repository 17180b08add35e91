/**
 * A device for contract tests: the real worker API (createWorkerApi) with a real device lock,
 * on a fake-indexeddb database, talking to a real server over loopback. Its database outlives
 * `start()`, and each `start()` is a new worker (no key in memory), as after a restart.
 * `net.online = false` makes every request fail as with no network.
 */
import { plainCodec } from '../../src/storage/codec';
import { openRoundsDb, type RoundsDb } from '../../src/storage/db';
import { localLock } from '../../src/sync/deps';
import { createWorkerApi } from '../../src/worker/api';
import { createDeviceLock } from '../../src/worker/keys/deviceLock';

export interface WorkerDeviceOptions {
  readonly serverUrl: string;
  /** The database's name, unique per device. */
  readonly name: string;
  /** Sees every answer that arrived (before the worker reads it). */
  readonly observe?: (input: RequestInfo | URL, res: Response) => Promise<void>;
}

export function workerDevice({ serverUrl, name, observe }: WorkerDeviceOptions) {
  const db: RoundsDb = openRoundsDb(name);
  const net = { online: true };
  const fetchImpl: typeof fetch = async (input, init) => {
    if (!net.online) throw new TypeError('Failed to fetch');
    const res = await fetch(input, init);
    await observe?.(input, res);
    return res;
  };
  let ids = 0;
  const start = () => {
    // Few PBKDF2 iterations: the tests are about behaviour, not the cost of a guess.
    const lock = createDeviceLock({ db, now: () => Date.now(), setTimer: () => null, clearTimer: () => undefined, iterations: 2000 });
    return createWorkerApi(
      { db, codec: plainCodec, fetch: fetchImpl, baseUrl: serverUrl, now: () => new Date(), newId: () => `${name}-${++ids}-abcdef`, withSyncLock: localLock() },
      {},
      lock,
    );
  };
  return { db, net, start };
}
