import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from './model';
import { planar } from './testkit';
import { gapLatestDepart, gapReady, latestServiceStart, serviceStart } from './timing';

const model = compileProblem(
  planar([{ id: 'a', at: { x: 1, y: 0 }, serviceMinutes: 10, windows: [{ start: 100, end: 120 }, { start: 200, end: 220 }] }], {
    breaks: [
      { earliest: 300, latest: 330, minutes: 30 },
      { earliest: 400, latest: 450, minutes: 15 },
    ],
  }),
);

describe('windows', () => {
  it.each([
    [50, 100],
    [110, 110],
    [150, 200],
    [220, 220],
    [221, Infinity],
  ])('ready at %d starts service at %d', (ready, start) => {
    expect(serviceStart(model, 2, ready)).toBe(start);
  });

  it.each([
    [1000, 220],
    [215, 205],
    [205, 120],
    [105, -Infinity],
  ])('latest departure %d allows a start at %d at the latest', (dep, start) => {
    expect(latestServiceStart(model, 2, dep)).toBe(start);
  });
});

describe('breaks in a gap', () => {
  it('drives first, then waits for the break and takes it on arrival', () => {
    expect(gapReady(model, 250, 20, 0, 1)).toBe(330); // arrive 270, lunch 300-330
  });
  it('pulls over at the latest start when the drive is long', () => {
    expect(gapReady(model, 320, 60, 0, 1)).toBe(410); // drive 10, lunch 330-360, drive 50
  });
  it('cannot take a break whose latest start has passed', () => {
    expect(gapReady(model, 331, 5, 0, 1)).toBe(Infinity);
  });

  it('gapLatestDepart is the exact inverse of gapReady', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (latest, travel, a, b) => {
        const k0 = Math.min(a, b);
        const k1 = Math.max(a, b);
        const d = gapLatestDepart(model, latest, travel, k0, k1);
        if (d === -Infinity) {
          // Even departing very early cannot make it.
          expect(gapReady(model, -1e6, travel, k0, k1)).toBeGreaterThan(latest);
        } else {
          expect(gapReady(model, d, travel, k0, k1)).toBeLessThanOrEqual(latest + 1e-9);
          expect(gapReady(model, d + 0.01, travel, k0, k1)).toBeGreaterThan(latest);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
