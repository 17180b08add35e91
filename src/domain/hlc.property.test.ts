/**
 * The clock under any interleaving of local writes and remote stamps, with a wall clock that
 * jumps forwards and backwards and remote counters at the top of their range: every local stamp
 * sorts, as a plain string, after the stamp before it and after every remote stamp observed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc, HLC_COUNTER_MAX, observeHlc, tickHlc, type HlcState } from './hlc';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

// A narrow band of wall times makes equal and backwards clocks common; the wide one covers real dates.
const wall = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2_000_000_000_000 }));
const counter = fc.oneof(fc.integer({ min: 0, max: HLC_COUNTER_MAX }), fc.constantFrom(HLC_COUNTER_MAX, HLC_COUNTER_MAX - 1, 0));

type Step = { op: 'tick'; now: number } | { op: 'observe'; now: number; remote: HlcState };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('tick' as const), now: wall }),
  fc.record({ op: fc.constant('observe' as const), now: wall, remote: fc.record({ wallMs: wall, counter }) }),
);

describe(`hybrid logical clock properties (seed ${seed})`, () => {
  console.log(`hlc property seed: ${seed}`);

  it('stamps from any sequence of ticks and observes strictly increase as strings', () => {
    fc.assert(
      fc.property(fc.record({ wallMs: wall, counter }), fc.array(step, { minLength: 1, maxLength: 60 }), (start, steps) => {
        let state: HlcState = start;
        let last = encodeHlc(state, 'node');
        for (const s of steps) {
          if (s.op === 'observe') {
            // The remote node id sorts after ours, so only (wallMs, counter) can put us after it.
            const remote = encodeHlc(s.remote, 'zzzz');
            state = observeHlc(state, remote, s.now);
            const seen = encodeHlc(state, 'node');
            expect(seen > last && seen > remote).toBe(true);
            last = seen;
          }
          state = tickHlc(state, s.now);
          const stamp = encodeHlc(state, 'node');
          expect(stamp > last).toBe(true);
          last = stamp;
        }
      }),
      { seed, numRuns: 500 },
    );
  });
});
