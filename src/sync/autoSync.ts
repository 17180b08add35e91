/**
 * When to sync without being asked: soon after a local change, when the network comes back,
 * at the end of the working day, and, while changes are still pending after a failure, again
 * and again with exponential backoff and full jitter (so a fleet of tablets returning to the
 * office does not hit the server in lockstep). `navigator.onLine` is never trusted; only a
 * sync attempt tells.
 */
import { isTransientSyncError } from '../domain/syncStatus';
import type { SyncResult } from './syncNow';

export interface AutoSyncDeps {
  readonly sync: () => Promise<SyncResult>;
  readonly pending: () => Promise<number>;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly random: () => number;
  readonly now: () => Date;
}

export const AUTO_SYNC = {
  /** Wait this long after a local change, so a burst of edits goes in one push. */
  afterChangeMs: 2_000,
  firstRetryMs: 5_000,
  maxRetryMs: 5 * 60_000,
  /** Local time of the end-of-day sync, minutes after midnight. */
  endOfDayMinute: 17 * 60,
} as const;

export function backoffDelay(attempt: number, random: () => number): number {
  const cap = Math.min(AUTO_SYNC.maxRetryMs, AUTO_SYNC.firstRetryMs * 2 ** attempt);
  return Math.round(random() * cap);
}

export function msUntilEndOfDay(now: Date): number {
  const target = new Date(now);
  target.setHours(0, AUTO_SYNC.endOfDayMinute, 0, 0);
  if (target.getTime() <= now.getTime()) target.setDate(target.getDate() + 1);
  return target.getTime() - now.getTime();
}

export interface AutoSync {
  /** Sync as soon as possible (online event, app shown, end of day). */
  now(): void;
  /** A local change was written: sync shortly. */
  changed(): void;
  stop(): void;
}

export function createAutoSync(deps: AutoSyncDeps): AutoSync {
  let timer: unknown = null;
  let endOfDay: unknown = null;
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void run();
    }, ms);
  };

  async function run(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const res = await deps.sync();
      const pending = await deps.pending();
      if (res.ok) failures = 0;
      else if (isTransientSyncError(res.code)) failures += 1;
      if (!res.ok && pending > 0 && failures > 0) schedule(backoffDelay(failures - 1, deps.random));
      else if (res.ok && pending > 0) again = true;
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      schedule(AUTO_SYNC.afterChangeMs);
    }
  }

  const planEndOfDay = () => {
    if (stopped) return;
    endOfDay = deps.setTimer(() => {
      void run();
      planEndOfDay();
    }, msUntilEndOfDay(deps.now()));
  };
  planEndOfDay();

  return {
    now: () => schedule(0),
    changed: () => schedule(AUTO_SYNC.afterChangeMs),
    stop: () => {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      if (endOfDay !== null) deps.clearTimer(endOfDay);
    },
  };
}
