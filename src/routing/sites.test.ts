import { describe, expect, it } from 'vitest';
import { checkPlan } from './checkPlan';
import { stateSpaceLog2 } from './exact';
import { compileProblem } from './model';
import { parseProblem } from './problem';
import { scheduleRoute } from './schedule';
import { gatherSites, sitesContiguous } from './sites';
import { solve } from './solve';
import { planar } from './testkit';
import type { Minutes, Plan, PlannedVisit, StopId } from './types';

const visit = (id: string, arrive: number, start: number, depart: number): PlannedVisit => ({
  id: id as StopId,
  arrive: arrive as Minutes,
  start: start as Minutes,
  depart: depart as Minutes,
});

const HOME = { x: 30, y: 0 };
const resident = (id: string, priority: number, extra: Record<string, unknown> = {}) => ({ id, at: HOME, serviceMinutes: 30, priority, site: 'oak-house', ...extra });

describe('care homes as one stop', () => {
  it('serves the residents one after another with one drive in and one drive out', () => {
    const p = planar([resident('r1', 5), { id: 'x', at: { x: 30, y: 10 }, serviceMinutes: 20, priority: 4 }, resident('r2', 5), resident('r3', 5)]);
    const plan = solve(p);
    expect(checkPlan(p, plan)).toEqual([]);
    const order = plan.visits.map((v) => v.id as string);
    const first = order.indexOf('r1');
    expect(order.slice(first, first + 3).sort()).toEqual(['r1', 'r2', 'r3']);
    // Residents after the first are reached without driving: they arrive as the previous leaves.
    const at = (id: string) => plan.visits.find((v) => v.id === id)!;
    const inBlock = order.slice(first, first + 3).map(at);
    expect(inBlock[1]!.arrive).toBe(inBlock[0]!.depart);
    expect(inBlock[2]!.arrive).toBe(inBlock[1]!.depart);
  });

  it('chooses which residents fit the visiting hours, highest priority first', () => {
    // Visiting hours allow starts 30..90: three 30-minute visits fit (30, 60, 90), a fourth does not.
    const hours = { windows: [{ start: 30, end: 90 }] };
    const p = planar([resident('low', 1, hours), resident('a', 6, hours), resident('b', 5, hours), resident('c', 4, hours)]);
    const plan = solve(p);
    expect(checkPlan(p, plan)).toEqual([]);
    expect(plan.visits.map((v) => v.id).sort()).toEqual(['a', 'b', 'c']);
    expect(plan.skipped).toEqual([{ id: 'low', reason: 'lower_priority' }]);
    expect(plan.provenOptimal).toBe(true);
  });

  it('the checker refuses a plan that leaves a care home and comes back (C7)', () => {
    const p = planar([resident('r1', 5), { id: 'x', at: { x: 30, y: 10 }, serviceMinutes: 0, priority: 4 }, resident('r2', 5)], { shift: { start: 0, end: 1000 } });
    const split: Plan = {
      feasible: true,
      visits: [visit('r1', 30, 30, 60), visit('x', 70, 70, 70), visit('r2', 80, 80, 110)],
      breaks: [],
      skipped: [],
      totalPriority: 14,
      travelMinutes: 80 as Minutes,
      returnAt: 140 as Minutes,
      reasons: [],
      provenOptimal: false,
    };
    expect(checkPlan(p, split)).toContain('[C7] r2: site oak-house is visited in more than one block');
  });

  it('gatherSites joins a split care home into one block, or keeps the better part', () => {
    const p = planar([resident('r1', 5), { id: 'x', at: { x: 30, y: 10 }, serviceMinutes: 10, priority: 4 }, resident('r2', 5)]);
    const m = compileProblem(p);
    expect(sitesContiguous(m, [2, 3, 4])).toBe(false);
    expect(sitesContiguous(m, [2, 4, 3])).toBe(true);
    const scoreOf = (seq: readonly number[]) => {
      const tl = scheduleRoute(m, seq);
      return tl ? { mandatory: 0, priority: seq.reduce((s, j) => s + m.priority[j]!, 0), travel: tl.travel, returnAt: tl.returnAt } : null;
    };
    const gathered = gatherSites(m, [2, 3, 4], scoreOf)!;
    expect(sitesContiguous(m, gathered.seq)).toBe(true);
    expect(gathered.seq).toHaveLength(3);
  });

  it('a site is one place: its stops must share their place', () => {
    const r = parseProblem({
      start: { x: 0, y: 0 },
      end: { x: 0, y: 0 },
      shift: { start: 0, end: 100 },
      travel: { kind: 'euclidean' },
      stops: [
        { id: 'a', at: { x: 1, y: 1 }, site: 'home' },
        { id: 'b', at: { x: 2, y: 1 }, site: 'home' },
      ],
    });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain('stops[1].at');
  });
});

describe('state space estimate', () => {
  it('grows as 2^n for stops that fit any time, stays small for booked slots', () => {
    const wide = planar(Array.from({ length: 20 }, (_, i) => ({ id: `w${i}`, at: { x: i, y: 1 }, serviceMinutes: 10, priority: 1 })));
    const tight = planar(Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, at: { x: i, y: 1 }, serviceMinutes: 10, priority: 1, windows: [{ start: 15 * i, end: 15 * i + 5 }] })));
    const all = (n: number) => Array.from({ length: n }, (_, i) => i + 2);
    expect(stateSpaceLog2(compileProblem(wide), all(20))).toBeCloseTo(19 + Math.log2(20), 6);
    expect(stateSpaceLog2(compileProblem(tight), all(60))).toBeLessThan(12);
  });
});
