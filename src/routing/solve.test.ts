import { describe, expect, it } from 'vitest';
import { checkPlan } from './checkPlan';
import { solve } from './solve';
import { planar } from './testkit';
import type { Plan } from './types';

const ids = (plan: Plan): string[] => plan.visits.map((v) => v.id);

describe('solve: semantics', () => {
  it('an empty day goes straight from start to end', () => {
    const plan = solve(planar([], { end: { x: 3, y: 4 } }));
    expect(plan).toMatchObject({ feasible: true, visits: [], travelMinutes: 5, returnAt: 5, provenOptimal: true });
  });

  it('serves the highest total priority, then the shortest route', () => {
    // b and c together are worth more than a, which fits only alone.
    const p = planar(
      [
        { id: 'a', at: { x: 0, y: -45 }, priority: 5 },
        { id: 'b', at: { x: 0, y: 20 }, priority: 3 },
        { id: 'c', at: { x: 20, y: 0 }, priority: 3 },
      ],
      { shift: { start: 0, end: 100 } },
    );
    const plan = solve(p);
    expect(new Set(ids(plan))).toEqual(new Set(['b', 'c']));
    expect(plan.skipped).toEqual([{ id: 'a', reason: 'lower_priority' }]);
    expect(plan.travelMinutes).toBeCloseTo(40 + Math.hypot(20, 20), 9);
    expect(plan.provenOptimal).toBe(true);
  });

  it('waits for a window and starts service inside it', () => {
    const plan = solve(planar([{ id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 15, windows: [{ start: 60, end: 70 }], priority: 1 }]));
    expect(plan.visits[0]).toEqual({ id: 'a', arrive: 10, start: 60, depart: 75 });
  });

  it('uses the second window when the first is missed', () => {
    const p = planar([{ id: 'a', at: { x: 50, y: 0 }, windows: [{ start: 0, end: 10 }, { start: 100, end: 120 }], priority: 1 }]);
    expect(solve(p).visits[0]?.start).toBe(100);
  });

  it('takes the lunch break inside its window, between services', () => {
    const p = planar(
      [
        { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 60, priority: 1 },
        { id: 'b', at: { x: 20, y: 0 }, serviceMinutes: 60, priority: 1 },
      ],
      { breaks: [{ earliest: 60, latest: 80, minutes: 30 }] },
    );
    const plan = solve(p);
    expect(plan.breaks).toHaveLength(1);
    expect(plan.breaks[0]!.start).toBeGreaterThanOrEqual(60);
    expect(plan.breaks[0]!.start).toBeLessThanOrEqual(80);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('never serves priority-0 optional stops (they only add travel)', () => {
    const plan = solve(planar([{ id: 'z', at: { x: 1, y: 0 }, priority: 0 }]));
    expect(plan.skipped).toEqual([{ id: 'z', reason: 'no_priority' }]);
  });

  it('serves mandatory stops before any priority', () => {
    const p = planar(
      [
        { id: 'must', at: { x: 40, y: 0 }, priority: 0, mandatory: true },
        { id: 'rich', at: { x: -40, y: 0 }, priority: 100 },
      ],
      { shift: { start: 0, end: 100 } },
    );
    const plan = solve(p);
    expect(ids(plan)).toEqual(['must']);
    expect(plan.feasible).toBe(true);
  });
});

describe('solve: infeasible days say why', () => {
  it('[R1] a mandatory stop unreachable even alone', () => {
    const p = planar([
      { id: 'late', at: { x: 10, y: 0 }, windows: [{ start: 2000, end: 2100 }], mandatory: true },
      { id: 'ok', at: { x: 10, y: 0 }, priority: 1 },
    ]);
    const plan = solve(p);
    expect(plan.feasible).toBe(false);
    expect(plan.reasons).toMatchObject([{ code: 'mandatory_unreachable', ids: ['late'] }]);
    expect(plan.skipped).toContainEqual({ id: 'late', reason: 'window_unreachable' });
    expect(ids(plan)).toEqual(['ok']);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('[R2] mandatory stops that fit alone but not together: serve as many as possible', () => {
    const p = planar(
      [
        { id: 'east', at: { x: 40, y: 0 }, windows: [{ start: 40, end: 45 }], mandatory: true },
        { id: 'west', at: { x: -40, y: 0 }, windows: [{ start: 40, end: 45 }], mandatory: true },
        { id: 'near', at: { x: 41, y: 0 }, mandatory: true },
      ],
      { shift: { start: 0, end: 200 } },
    );
    const plan = solve(p);
    expect(plan.feasible).toBe(false);
    expect(plan.visits).toHaveLength(2);
    expect(plan.reasons[0]).toMatchObject({ code: 'mandatory_conflict' });
    expect(plan.reasons[0]!.message).toContain('2 of 3');
  });

  it('[R3] breaks that cannot fit in the shift at all', () => {
    const p = planar([{ id: 'a', at: { x: 1, y: 0 } }], { shift: { start: 0, end: 100 }, breaks: [{ earliest: 90, latest: 95, minutes: 30 }] });
    const plan = solve(p);
    expect(plan).toMatchObject({ feasible: false, visits: [], reasons: [{ code: 'breaks_unschedulable' }] });
  });
});

describe('solve: control', () => {
  const big = planar(
    Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      at: { x: (i * 37) % 100, y: (i * 53) % 100 },
      serviceMinutes: 10,
      priority: 1 + (i % 5),
      windows: i % 3 === 0 ? [{ start: (i * 17) % 300, end: ((i * 17) % 300) + 120 }] : [],
    })),
    { shift: { start: 0, end: 480 } },
  );

  it('is deterministic for a seed and an iteration budget', () => {
    const a = solve(big, { seed: 7, maxIterations: 150 });
    const b = solve(big, { seed: 7, maxIterations: 150 });
    expect(a).toEqual(b);
    expect(checkPlan(big, a)).toEqual([]);
  });

  it('reports progress and stops on cancel with the best plan so far', () => {
    const seen: Plan[] = [];
    let calls = 0;
    const plan = solve(big, { maxIterations: 100000, onProgress: (p) => seen.push(p), shouldStop: () => ++calls > 50 });
    expect(seen.length).toBeGreaterThan(0);
    expect(plan.totalPriority).toBe(seen[seen.length - 1]!.totalPriority);
    expect(checkPlan(big, plan)).toEqual([]);
  });

  it('honours an abort signal', () => {
    const plan = solve(big, { signal: { aborted: true }, maxIterations: 1e9 });
    expect(checkPlan(big, plan)).toEqual([]);
  });

  it('stops at the time limit of an injected clock', () => {
    let t = 0;
    const plan = solve(big, { now: () => (t += 1), timeLimitMs: 200 });
    expect(t).toBeLessThan(400);
    expect(checkPlan(big, plan)).toEqual([]);
  });
});

describe('solve: regressions found by the property tests', () => {
  // Travel matrices need not obey the triangle inequality: a detour via another stop can be
  // quicker than the direct leg, so "cannot be served alone" must not mean "cannot be served".
  const matrixDay = (minutes: number[][], stops: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    planar(stops, { travel: { kind: 'matrix', minutes }, shift: { start: 0, end: 60 }, ...extra });

  it('a stop that only fits via a detour is still planned', () => {
    const p = matrixDay(
      [
        [0, 0, 0, 2],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 59, 0, 0],
      ],
      [
        { id: 's0', at: { x: 0, y: 0 }, priority: 1 },
        { id: 's1', at: { x: 0, y: 0 }, priority: 1 },
      ],
    );
    const plan = solve(p);
    expect(plan.totalPriority).toBe(2);
    expect(plan.visits.map((v) => v.id)).toEqual(['s1', 's0']);
  });

  it('an empty day that cannot fit its break is not hopeless if a detour can', () => {
    const p = matrixDay(
      [
        [0, 27, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      [{ id: 's0', at: { x: 0, y: 0 }, mandatory: true }],
      { breaks: [{ earliest: 0, latest: 0, minutes: 34 }] },
    );
    const plan = solve(p);
    expect(plan.feasible).toBe(true);
    expect(checkPlan(p, plan)).toEqual([]);
  });

  it('the exact bound must allow reaching a window through other stops', () => {
    const p = matrixDay(
      [
        [0, 0, 0, 2, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 18],
        [0, 0, 0, 1, 0, 0],
        [0, 0, 0, 35, 34, 0],
      ],
      [
        { id: 's0', at: { x: 0, y: 0 }, windows: [{ start: 0, end: 0 }] },
        { id: 's1', at: { x: 0, y: 0 }, mandatory: true },
        { id: 's2', at: { x: 0, y: 0 }, mandatory: true },
        { id: 's3', at: { x: 0, y: 0 }, serviceMinutes: 8, windows: [{ start: 18, end: 18 }], priority: 1 },
      ],
    );
    expect(solve(p).totalPriority).toBe(1);
  });
});

describe('solve: engines agree', () => {
  it('the TSP engine finds the proven shortest tour of a 14-stop day', () => {
    const stops = Array.from({ length: 14 }, (_, i) => ({ id: `c${i}`, at: { x: (i * 71) % 97, y: (i * 43) % 89 }, mandatory: true }));
    const p = planar(stops, { shift: { start: 0, end: 10000 } });
    const exact = solve(p);
    const heuristic = solve(p, { exactMaxLog2States: -1, maxIterations: 300 });
    expect(exact.provenOptimal).toBe(true);
    expect(heuristic.provenOptimal).toBe(false);
    expect(heuristic.travelMinutes).toBeCloseTo(exact.travelMinutes, 6);
  });

  it('the local search reaches the proven optimum of a 16-candidate day with windows and lunch', () => {
    const stops = Array.from({ length: 16 }, (_, i) => ({
      id: `p${i}`,
      at: { x: (i * 37) % 50, y: (i * 23) % 50 },
      serviceMinutes: 20 + (i % 3) * 10,
      priority: 1 + ((i * 7) % 10),
      windows: i % 4 === 0 ? [{ start: 60 * (i % 5), end: 60 * (i % 5) + 45 }] : [],
    }));
    const p = planar(stops, { shift: { start: 0, end: 420 }, breaks: [{ earliest: 180, latest: 240, minutes: 30 }] });
    const exact = solve(p);
    const heuristic = solve(p, { exactMaxLog2States: -1, maxIterations: 2000 });
    expect(exact.provenOptimal).toBe(true);
    expect(heuristic.totalPriority).toBe(exact.totalPriority);
  });
});

describe('solve: two breaks whose windows overlap', () => {
  it('returns a plan the timing DP and the checker accept (the local search once offered one they did not)', () => {
    const p = planar(
      [
        { id: 's0', at: { x: 6, y: 17 }, serviceMinutes: 25, priority: 5 },
        { id: 's1', at: { x: 18, y: 16 }, serviceMinutes: 24, priority: 3 },
      ],
      {
        shift: { start: 480, end: 610 },
        breaks: [
          { earliest: 559, latest: 602, minutes: 12 },
          { earliest: 580, latest: 581, minutes: 4 },
        ],
      },
    );
    const plan = solve(p);
    expect(checkPlan(p, plan)).toEqual([]);
  });
});
