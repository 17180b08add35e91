import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTO_SYNC, backoffDelay, createAutoSync, msUntilEndOfDay } from './autoSync';
import type { SyncResult } from './syncNow';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

function harness(results: SyncResult[], pending: number[]) {
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let id = 0;
  let calls = 0;
  const auto = createAutoSync({
    sync: async () => results[Math.min(calls++, results.length - 1)] as SyncResult,
    pending: async () => pending[Math.min(calls - 1, pending.length - 1)] ?? 0,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms, id: ++id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    random: () => 1,
    now: () => new Date(2026, 10, 22, 9, 0, 0),
  });
  const fire = async (ms: number) => {
    const t = timers.find((x) => x.ms === ms);
    if (!t) throw new Error(`no timer of ${ms} ms among ${timers.map((x) => x.ms).join(', ')}`);
    timers.splice(timers.indexOf(t), 1);
    t.fn();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { auto, timers, fire, calls: () => calls };
}

describe('automatic sync', () => {
  it('a local change is synced after a short pause', async () => {
    const h = harness([{ ok: true, sent: 1, rejected: 0, received: 0 }], [0]);
    h.auto.changed();
    await h.fire(AUTO_SYNC.afterChangeMs);
    expect(h.calls()).toBe(1);
  });

  it('while changes are pending and the network fails, it retries with growing delays', async () => {
    const h = harness([{ ok: false, code: 'offline' }], [3]);
    h.auto.now();
    await h.fire(0);
    await h.fire(AUTO_SYNC.firstRetryMs);
    await h.fire(AUTO_SYNC.firstRetryMs * 2);
    await h.fire(AUTO_SYNC.firstRetryMs * 4);
    expect(h.calls()).toBe(4);
  });

  it('does not retry on its own when nothing is pending', async () => {
    const h = harness([{ ok: false, code: 'offline' }], [0]);
    h.auto.now();
    await h.fire(0);
    expect(h.timers.map((t) => t.ms)).toEqual([msUntilEndOfDay(new Date(2026, 10, 22, 9, 0, 0))]);
  });

  it('schedules the end-of-day sync for 17:00 local time', () => {
    expect(msUntilEndOfDay(new Date(2026, 10, 22, 16, 0, 0))).toBe(60 * 60_000);
    expect(msUntilEndOfDay(new Date(2026, 10, 22, 18, 0, 0))).toBe(23 * 60 * 60_000);
  });

  it(`backoff stays within [0, cap] and the cap never exceeds five minutes (seed ${seed})`, () => {
    console.log(`backoff property seed: ${seed}`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(AUTO_SYNC.maxRetryMs);
      }),
      { seed, numRuns: 200 },
    );
  });
});
