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
 * - Watches of the same read with the same arguments share one live query; a newcomer gets
 *   the last value at once. `prefetch` starts a read before anyone watches it (start-up).
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
/** How many quick changes in a row make a burst. */
const BURST = 3;

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
        onValue(event);
      } catch {
        // A subscriber that throws is its own problem, not the read's.
      }
    };
    // Bursts of changes (a territory download commits page after page) would re-read the whole
    // read after every commit, on the thread that is applying the pages. After `BURST` changes
    // in a row, each inside `gap()` of the one before, the live query stops and starts again
    // (one fresh read) once the gap has passed: during a download a watch takes at most about
    // a third of the worker's time, while a tap's one or two commits are still read at once.
    let lastCost = 0;
    let quick = 0;
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
          quick = !initial && t - lastAt < gap() ? quick + 1 : 0;
          if (quick >= BURST) {
            quick = 0;
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
      },
    };
  }

  /**
   * One live read per name and arguments, shared by everyone watching it: a second screen (or
   * a second hook on one screen) gets the last value at once and costs no second read.
   */
  interface Shared {
    readonly live: LiveWatch;
    readonly subscribers: Map<number, WatchCallback<unknown>>;
    last: WatchEvent<unknown> | null;
    held: boolean;
  }
  const shared = new Map<string, Shared>();
  const byId = new Map<number, string>();
  let nextId = 1;

  const send = (cb: WatchCallback<unknown>, event: WatchEvent<unknown>) => {
    try {
      // A Comlink callback returns a promise; a UI that went away must not break the worker.
      void Promise.resolve(cb(event)).catch(() => undefined);
    } catch {
      // A plain callback that throws is the subscriber's problem, not the read's.
    }
  };

  function entryFor<N extends ReadName>(name: N, args: ReadArgs<N>): Shared {
    if (!Object.hasOwn(READS, name)) throw new Error(`No read named "${String(name)}"`);
    const key = JSON.stringify([name, args]);
    const found = shared.get(key);
    if (found) return found;
    const subscribers = new Map<number, WatchCallback<unknown>>();
    const entry: Shared = {
      subscribers,
      last: null,
      held: false,
      live: start(name, args, (event) => {
        entry.last = event;
        for (const cb of subscribers.values()) send(cb, event);
      }),
    };
    shared.set(key, entry);
    return entry;
  }

  function dropIfUnused(key: string) {
    const entry = shared.get(key);
    if (entry && entry.subscribers.size === 0 && !entry.held) {
      entry.live.stop();
      shared.delete(key);
    }
  }

  return {
    /**
     * Starts watching a read; answers the id to pass to `unwatch`. The first value (or error)
     * follows as soon as the read has run once, or at once when someone already watches it.
     */
    watch<N extends ReadName>(name: N, args: ReadArgs<N>, onValue: WatchCallback<ReadValue<N>>): number {
      const entry = entryFor(name, args);
      const id = nextId++;
      entry.subscribers.set(id, onValue as WatchCallback<unknown>);
      byId.set(id, JSON.stringify([name, args]));
      // A remembered failure is not handed to a newcomer (a screen trying again): it reads afresh.
      if (entry.last?.status === 'ok') send(onValue as WatchCallback<unknown>, entry.last);
      else if (entry.last) entry.live.restart();
      return id;
    },
    /** Stops a watch and releases its callback; unknown or already stopped ids are ignored. */
    unwatch(id: number): void {
      const key = byId.get(id);
      if (key === undefined) return;
      byId.delete(id);
      const entry = shared.get(key);
      const cb = entry?.subscribers.get(id);
      entry?.subscribers.delete(id);
      const release = (cb as unknown as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
      if (typeof release === 'function') (release as () => void)();
      dropIfUnused(key);
    },
    /**
     * Starts a read before anyone asks for it and keeps it live for `ms`, so the first screen
     * finds its value ready (start-up: the worker reads the territory while the page loads).
     */
    prefetch<N extends ReadName>(name: N, args: ReadArgs<N>, ms: number): void {
      const entry = entryFor(name, args);
      entry.held = true;
      setTimeout(() => {
        entry.held = false;
        dropIfUnused(JSON.stringify([name, args]));
      }, ms);
    },
    /** Re-runs every live read, e.g. when the key became available or was dropped. */
    refreshAll(): void {
      for (const entry of shared.values()) entry.live.restart();
    },
    /** How many watches are live (for tests and diagnostics). */
    liveCount(): number {
      return byId.size;
    },
    /** How many reads run for them (shared reads count once). */
    readCount(): number {
      return shared.size;
    },
  };
}

export type Watches = ReturnType<typeof createWatches>;
