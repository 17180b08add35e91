import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HLC_COUNTER_MAX, HLC_ZERO, observeHlc, tickHlc, type HlcState } from './hlc';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

describe('hybrid logical clock', () => {
  it('encodes so that string order is stamp order', () => {
    const a = encodeHlc({ wallMs: 999, counter: 5 }, 'a');
    const b = encodeHlc({ wallMs: 1000, counter: 0 }, 'a');
    const c = encodeHlc({ wallMs: 1000, counter: 0 }, 'b');
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(decodeHlc(c)).toEqual({ wallMs: 1000, counter: 0, nodeId: 'b' });
  });

  it(`local stamps strictly increase whatever the wall clock does (seed ${seed})`, () => {
    console.log(`hlc property seed: ${seed}`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 50 }), (clock) => {
        let state: HlcState = HLC_ZERO;
        let last = '';
        for (const now of clock) {
          state = tickHlc(state, now);
          const stamp = encodeHlc(state, 'node');
          expect(stamp > last).toBe(true);
          last = stamp;
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it(`after observing a remote stamp, the next local stamp sorts after it (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1e12 }),
        (localWall, remoteWall, remoteCounter, now) => {
          const remote = encodeHlc({ wallMs: remoteWall, counter: remoteCounter }, 'zzz');
          const state = tickHlc(observeHlc({ wallMs: localWall, counter: 0 }, remote, now), now);
          const mine = decodeHlc(encodeHlc(state, 'aaa'));
          const after = mine.wallMs > remoteWall || (mine.wallMs === remoteWall && mine.counter > remoteCounter);
          expect(after).toBe(true);
        },
      ),
      { seed, numRuns: 200 },
    );
  });
});

describe('hybrid logical clock at the top of its counter', () => {
  const full = { wallMs: 5_000, counter: HLC_COUNTER_MAX };

  it('a full counter moves the stamp to the next millisecond instead of widening', () => {
    const next = tickHlc(full, 1_000);
    expect(next).toEqual({ wallMs: 5_001, counter: 0 });
    expect(encodeHlc(next, 'a') > encodeHlc(full, 'a')).toBe(true);
  });

  it('observing a remote stamp with a full counter sorts after it', () => {
    const remote = encodeHlc(full, 'zzz');
    expect(decodeHlc(remote)).toEqual({ ...full, nodeId: 'zzz' });
    const state = observeHlc({ wallMs: 5_000, counter: 3 }, remote, 4_000);
    expect(state).toEqual({ wallMs: 5_001, counter: 0 });
    expect(encodeHlc(state, 'aaa') > remote).toBe(true);
  });

  it('a stored counter already past the limit heals on the next tick', () => {
    expect(tickHlc({ wallMs: 7, counter: 1_000_000 }, 0)).toEqual({ wallMs: 8, counter: 0 });
  });

  it('refuses to encode a counter the fixed width cannot hold', () => {
    expect(() => encodeHlc({ wallMs: 1, counter: HLC_COUNTER_MAX + 1 }, 'a')).toThrow(RangeError);
  });
});
