/**
 * Property tests of the day planner against an independent brute force. The seed is printed;
 * rerun a failure with FC_SEED=<seed> and turn it into a named test in src/routing.
 *
 * The brute force shares nothing with the solver but the travel model: it enumerates every
 * ordered subset of stops and every gap for the (at most one) break, timing each with the
 * closed form of the break rule: leaving at d with t to drive and a break [e, l] of m minutes
 * in the gap, service can begin at max(d + t, e) + m, provided max(d, e) <= l.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/routing/checkPlan';
import { parseProblem } from '../../src/routing/problem';
import { solve } from '../../src/routing/solve';
import { nodeTravel } from '../../src/routing/travel';
import type { Plan, Problem } from '../../src/routing/types';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`routing property tests: FC_SEED=${seed}`);

const TOL = 1e-6;

interface Best {
  mandatory: number;
  priority: number;
  travel: number;
  returnAt: number;
}

function better(a: Best, b: Best): boolean {
  if (a.mandatory !== b.mandatory) return a.mandatory > b.mandatory;
  if (Math.abs(a.priority - b.priority) > TOL) return a.priority > b.priority;
  if (Math.abs(a.travel - b.travel) > TOL) return a.travel < b.travel;
  return a.returnAt < b.returnAt - TOL;
}

/** Earliest return of `order` with the break in gap `g` (or no break), or null if infeasible. */
function simulate(p: Problem, order: number[], g: number): { travel: number; returnAt: number } | null {
  const br = p.breaks[0];
  let d: number = p.shift.start;
  let prev = 0;
  let travel = 0;
  const legs = [...order, 1];
  for (let i = 0; i < legs.length; i++) {
    const node = legs[i]!;
    const t = nodeTravel(p, prev, node);
    travel += t;
    let ready = d + t;
    if (br && i === g) {
      if (Math.max(d, br.earliest) > br.latest + TOL) return null;
      ready = Math.max(d + t, br.earliest) + br.minutes;
    }
    if (node === 1) return ready <= p.shift.end + TOL ? { travel, returnAt: ready } : null;
    const stop = p.stops[node - 2]!;
    let start = ready;
    if (stop.windows.length > 0) {
      const w = [...stop.windows].sort((a, b) => a.start - b.start).find((x) => x.end >= ready - TOL);
      if (!w) return null;
      start = Math.max(ready, w.start);
    }
    d = start + stop.serviceMinutes;
    prev = node;
  }
  return null;
}

/** True when each site's stops form one run in `order` (rule C7). */
function sitesInOneBlock(p: Problem, order: readonly number[]): boolean {
  const left = new Set<string>();
  for (let i = 0; i < order.length; i++) {
    const site = p.stops[order[i]! - 2]!.site;
    if (site === undefined) continue;
    if (left.has(site)) return false;
    const next = order[i + 1];
    if (next === undefined || p.stops[next - 2]!.site !== site) left.add(site);
  }
  return true;
}

function bruteForce(p: Problem): Best | null {
  const n = p.stops.length;
  let best: Best | null = null;
  const order: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const visit = (): void => {
    const gaps = p.breaks.length === 0 ? [-1] : Array.from({ length: order.length + 1 }, (_, i) => i);
    for (const g of sitesInOneBlock(p, order) ? gaps : []) {
      const r = simulate(p, order, g);
      if (!r) continue;
      const cand: Best = {
        mandatory: order.filter((j) => p.stops[j - 2]!.mandatory).length,
        priority: order.reduce((s, j) => s + p.stops[j - 2]!.priority, 0),
        ...r,
      };
      if (!best || better(cand, best)) best = cand;
    }
    for (let k = 0; k < n; k++) {
      // By definition an optional stop with priority 0 is never planned (it could only save
      // travel on a matrix without the triangle inequality, which would surprise a person).
      if (used[k] || (!p.stops[k]!.mandatory && p.stops[k]!.priority === 0)) continue;
      used[k] = true;
      order.push(k + 2);
      visit();
      order.pop();
      used[k] = false;
    }
  };
  visit();
  return best;
}

const windowArb = fc.integer({ min: 0, max: 400 }).chain((s) => fc.integer({ min: 0, max: 120 }).map((len) => ({ start: s, end: s + len })));

const stopArb = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  serviceMinutes: fc.integer({ min: 0, max: 40 }),
  windows: fc.oneof(fc.constant([]), fc.array(windowArb, { minLength: 1, maxLength: 2 })),
  priority: fc.integer({ min: 0, max: 10 }),
  mandatory: fc.boolean(),
  /** Stops with the same site are residents of one care home, at its place. */
  site: fc.constantFrom(undefined, undefined, undefined, 'A', 'B'),
});

const SITE_PLACE: Record<string, { x: number; y: number }> = { A: { x: 20, y: 70 }, B: { x: 80, y: 30 } };

function problemArb(maxStops: number): fc.Arbitrary<Problem> {
  return fc
    .record({
      stops: fc.array(stopArb, { minLength: 0, maxLength: maxStops }),
      horizon: fc.integer({ min: 60, max: 500 }),
      unitsPerMinute: fc.constantFrom(1, 2),
      useMatrix: fc.boolean(),
      matrixSeed: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 100, maxLength: 100 }),
      breaks: fc.oneof(
        fc.constant([]),
        fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 40 })).map(([e, w, m]) => [{ earliest: e, latest: e + w, minutes: m }]),
      ),
    })
    .map(({ stops, horizon, unitsPerMinute, useMatrix, matrixSeed, breaks }) => {
      const size = stops.length + 2;
      // Random asymmetric matrix, no triangle inequality: the hard case for removals.
      const minutes = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 0 : matrixSeed[(i * 7 + j * 3) % 100]!)));
      const r = parseProblem({
        start: { x: 50, y: 50 },
        end: { x: 50, y: 50 },
        shift: { start: 0, end: horizon },
        travel: useMatrix ? { kind: 'matrix', minutes } : { kind: 'euclidean', unitsPerMinute },
        breaks,
        stops: stops.map((s, i) => ({
          id: `s${i}`,
          at: s.site ? SITE_PLACE[s.site] : { x: s.x, y: s.y },
          serviceMinutes: s.serviceMinutes,
          windows: s.windows,
          priority: s.priority,
          mandatory: s.mandatory,
          ...(s.site ? { site: s.site } : {}),
        })),
      });
      if (!r.ok) throw new Error(r.message);
      return r.problem;
    });
}

function scoreOf(p: Problem, plan: Plan): Best {
  const served = new Set(plan.visits.map((v) => v.id as string));
  return {
    mandatory: p.stops.filter((s) => s.mandatory && served.has(s.id)).length,
    priority: plan.totalPriority,
    travel: plan.travelMinutes,
    returnAt: plan.returnAt,
  };
}

describe('routing properties', () => {
  it('[P1][P2][P3] exact plans are feasible and match brute force on small days', () => {
    fc.assert(
      fc.property(problemArb(7), (p) => {
        const plan = solve(p);
        expect(checkPlan(p, plan)).toEqual([]);
        const bf = bruteForce(p);
        if (!bf) {
          expect(plan.reasons.map((r) => r.code)).toContain('breaks_unschedulable');
          return;
        }
        const got = scoreOf(p, plan);
        // Mandatory first: every mandatory stop is served whenever that is possible at all.
        expect(plan.feasible).toBe(bf.mandatory === p.stops.filter((s) => s.mandatory).length);
        expect(got.mandatory).toBe(bf.mandatory);
        expect(got.priority).toBeCloseTo(bf.priority, 6);
        expect(got.travel).toBeCloseTo(bf.travel, 6);
        expect(got.returnAt).toBeCloseTo(bf.returnAt, 6);
        expect(plan.provenOptimal).toBe(true);
      }),
      { seed, numRuns: 250 },
    );
    // Brute force on 250 days: a few seconds alone, longer when the machine is shared.
  }, 60_000);

  it('[P1] heuristic plans are feasible and never beat brute force', () => {
    fc.assert(
      fc.property(problemArb(6), fc.integer({ min: 0, max: 1000 }), (p, s) => {
        const plan = solve(p, { exactMaxLog2States: -1, maxIterations: 60, seed: s });
        expect(checkPlan(p, plan)).toEqual([]);
        const bf = bruteForce(p);
        if (bf) expect(better(scoreOf(p, plan), bf)).toBe(false);
      }),
      { seed: seed + 1, numRuns: 150 },
    );
  });

  it('[P2] tight-window days of 25-40 stops are proven optimal, and no local search beats the proof', () => {
    const tightStop = fc.record({
      x: fc.integer({ min: 0, max: 100 }),
      y: fc.integer({ min: 0, max: 100 }),
      serviceMinutes: fc.integer({ min: 10, max: 40 }),
      open: fc.integer({ min: 0, max: 460 }),
      width: fc.integer({ min: 0, max: 30 }),
      priority: fc.integer({ min: 1, max: 10 }),
      site: fc.constantFrom(undefined, undefined, undefined, undefined, 'A'),
    });
    fc.assert(
      fc.property(fc.array(tightStop, { minLength: 25, maxLength: 40 }), fc.integer({ min: 0, max: 1000 }), (stops, s) => {
        const r = parseProblem({
          start: { x: 50, y: 50 },
          end: { x: 50, y: 50 },
          shift: { start: 0, end: 540 },
          travel: { kind: 'euclidean', unitsPerMinute: 1 },
          breaks: [{ earliest: 200, latest: 300, minutes: 30 }],
          stops: stops.map((t, i) => ({
            id: `t${i}`,
            at: t.site ? SITE_PLACE[t.site] : { x: t.x, y: t.y },
            serviceMinutes: t.serviceMinutes,
            windows: [{ start: t.open, end: t.open + t.width }],
            priority: t.priority,
            ...(t.site ? { site: t.site } : {}),
          })),
        });
        if (!r.ok) throw new Error(r.message);
        const exact = solve(r.problem, { maxIterations: 100, seed: s });
        expect(checkPlan(r.problem, exact)).toEqual([]);
        expect(exact.provenOptimal).toBe(true);
        const local = solve(r.problem, { exactMaxLog2States: -1, maxIterations: 400, seed: s });
        expect(checkPlan(r.problem, local)).toEqual([]);
        expect(better(scoreOf(r.problem, local), scoreOf(r.problem, exact))).toBe(false);
      }),
      { seed: seed + 3, numRuns: 25 },
    );
  }, 60_000);

  it('[P1][P4] bigger days: feasible, and the same seed gives the same plan', () => {
    fc.assert(
      fc.property(problemArb(30), fc.integer({ min: 0, max: 1000 }), (p, s) => {
        const a = solve(p, { maxIterations: 40, seed: s, exactMaxLog2States: 12 });
        expect(checkPlan(p, a)).toEqual([]);
        expect(solve(p, { maxIterations: 40, seed: s, exactMaxLog2States: 12 })).toEqual(a);
      }),
      { seed: seed + 2, numRuns: 60 },
    );
  });
});
