/**
 * Everything sync needs from the outside world, passed in one object so tests can hand in
 * doubles (a fetch bound to an in-process server, a fixed clock, a fake-indexeddb database).
 */
import type { RecordCodec } from '../storage/codec';
import type { RoundsDb } from '../storage/db';

export interface SyncDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
  readonly fetch: typeof fetch;
  /** Origin of the API, e.g. `http://127.0.0.1:8080`; empty string means same origin. */
  readonly baseUrl: string;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Runs `fn` while holding the device-wide sync lock (Web Locks in browsers). */
  readonly withSyncLock: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** A lock for environments without Web Locks: serialises callers within this context only. */
export function localLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
