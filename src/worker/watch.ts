/**
 * Live reads for the UI, run in the worker: `watch(name, args, onValue)` runs a named read
 * (worker/reads.ts) as a Dexie live query here, decodes each result with the worker's codec and
 * calls `onValue` with the decoded value. The UI never opens the database or holds the key.
 *
 * Invariants:
 * - Every result carries a `seq` that grows per watch; a slower decode of an older result is
 *   dropped once a newer one was delivered, so a stale value never overwrites a newer one.
 * - A read that fails reaches the subscriber as `{ status: 'error' }` (or `'locked'` when the
 *   codec holds no key), never as silence; the watch stays live and answers again on the next
 *   change or `refreshAll()`.
 * - `onValue` is a Comlink `proxy` callback from the UI or, in tests, a plain function; both
 *   are called the same way. `unwatch` stops the live query and releases the proxy.
 */
import { releaseProxy } from 'comlink';
import { liveQuery, type Subscription } from 'dexie';
import { isLocked, type RecordCodec } from '../storage/codec';
import type { RoundsDb } from '../storage/db';
import { READS, type ReadArgs, type ReadName, type ReadValue } from './reads';

export type WatchEvent<T> =
  | { readonly seq: number; readonly status: 'ok'; readonly value: T }
  /** The codec holds no key: the device is locked. The watch answers again after `refreshAll()`. */
  | { readonly seq: number; readonly status: 'locked' }
  /** The read failed; `name`/`message` come from the error (no record content is put there). */
  | { readonly seq: number; readonly status: 'error'; readonly name: string; readonly message: string };

export type WatchCallback<T> = (event: WatchEvent<T>) => unknown;

export interface WatchDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
}

/** The shortest pause between two reads of one watch during a burst of changes. */
const MIN_GAP_MS = 100;

interface LiveWatch {
  restart(): void;
  stop(): void;
}

function failure(seq: number, e: unknown): WatchEvent<never> {
  if (isLocked(e)) return { seq, status: 'locked' };
  const err = e instanceof Error ? e : new Error(String(e));
  return { seq, status: 'error', name: err.name, message: err.message };
}

export function createWatches(deps: WatchDeps) {
  const live = new Map<number, LiveWatch>();
  let nextId = 1;

  function start<N extends ReadName>(name: N, args: ReadArgs<N>, onValue: WatchCallback<ReadValue<N>>): LiveWatch {
    const def = READS[name] as unknown as {
      query(db: RoundsDb, ...a: readonly unknown[]): Promise<unknown>;
      open(raw: unknown, codec: RecordCodec): Promise<ReadValue<N>>;
    };
    let seq = 0;
    let delivered = 0;
    let stopped = false;
    let sub: Subscription | null = null;
    const deliver = (event: WatchEvent<ReadValue<N>>) => {
      if (stopped || event.seq <= delivered) return;
      delivered = event.seq;
      try {
        // A Comlink callback returns a promise; a UI that went away must not break the worker.
        void Promise.resolve(onValue(event)).catch(() => undefined);
      } catch {
        // A plain callback that throws is the subscriber's problem, not the read's.
      }
    };
    // Bursts of changes (a territory download commits page after page) would re-read the whole
    // read after every commit, on the thread that is applying the pages. After the second
    // change inside `gap()` the live query stops and starts again (one fresh read) once the
    // gap has passed: a watch takes at most about a third of the worker's time, and a lone
    // change is still read at once.
    let lastCost = 0;
    let lastAt = Number.NEGATIVE_INFINITY;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const gap = () => Math.max(MIN_GAP_MS, 2 * lastCost);
    const subscribe = () => {
      let initial = true;
      let queryMs = 0;
      const current = liveQuery(async () => {
        const t0 = performance.now();
        const raw = await def.query(deps.db, ...(args as readonly unknown[]));
        queryMs = performance.now() - t0;
        return raw;
      }).subscribe({
        next: (raw) => {
          const mine = ++seq;
          const t = performance.now();
          if (!initial && t - lastAt < gap()) {
            current.unsubscribe();
            if (sub === current) sub = null;
            timer = setTimeout(() => {
              timer = null;
              if (!stopped) subscribe();
            }, gap());
          }
          initial = false;
          lastAt = t;
          def.open(raw, deps.codec).then(
            (value) => {
              lastCost = queryMs + (performance.now() - t);
              deliver({ seq: mine, status: 'ok', value });
            },
            (e: unknown) => deliver(failure(mine, e)),
          );
        },
        // Dexie ends a live query after an error; `refreshAll()` (or a new watch) starts it again.
        error: (e: unknown) => deliver(failure(++seq, e)),
      });
      sub = current;
    };
    const cancelTimer = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    subscribe();
    return {
      restart() {
        if (stopped) return;
        cancelTimer();
        sub?.unsubscribe();
        subscribe();
      },
      stop() {
        stopped = true;
        cancelTimer();
        sub?.unsubscribe();
        const release = (onValue as unknown as { [releaseProxy]?: unknown })[releaseProxy];
        if (typeof release === 'function') (release as () => void)();
      },
    };
  }

  return {
    /**
     * Starts a live read; resolves to the id to pass to `unwatch`. The first value (or error)
     * follows as soon as the read has run once.
     */
    watch<N extends ReadName>(name: N, args: ReadArgs<N>, onValue: WatchCallback<ReadValue<N>>): number {
      if (!Object.hasOwn(READS, name)) throw new Error(`No read named "${String(name)}"`);
      const id = nextId++;
      live.set(id, start(name, args, onValue));
      return id;
    },
    /** Stops a watch; unknown or already stopped ids are ignored. */
    unwatch(id: number): void {
      live.get(id)?.stop();
      live.delete(id);
    },
    /** Re-runs every live watch, e.g. when the key became available or was dropped. */
    refreshAll(): void {
      for (const w of live.values()) w.restart();
    },
    /** How many watches are live (for tests and diagnostics). */
    liveCount(): number {
      return live.size;
    },
  };
}

export type Watches = ReturnType<typeof createWatches>;
