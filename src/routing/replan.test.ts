import { describe, expect, it } from 'vitest';
import { checkPlan } from './checkPlan';
import { remainingProblem, replan } from './replan';
import { solve } from './solve';
import { planar } from './testkit';
import type { Minutes, StopId } from './types';

const day = planar(
  [
    { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 3 },
    { id: 'b', at: { x: 20, y: 0 }, serviceMinutes: 30, priority: 3 },
    { id: 'c', at: { x: 20, y: 10 }, serviceMinutes: 30, priority: 3, windows: [{ start: 200, end: 260 }] },
    { id: 'd', at: { x: 0, y: 10 }, serviceMinutes: 30, priority: 3, mandatory: true },
  ],
  { shift: { start: 0, end: 400 }, breaks: [{ earliest: 120, latest: 180, minutes: 30 }] },
);

describe('replan', () => {
  it('keeps done visits, drops "not home", and plans the rest from here and now', () => {
    const first = solve(day);
    const done = first.visits.slice(0, 1);
    const here = done[0]!;
    const progress = {
      done,
      breaksTaken: [],
      unavailable: ['b' as StopId],
      now: (here.depart + 5) as Minutes,
      at: { stopId: here.id },
    };
    const plan = replan(day, progress);
    expect(plan.visits[0]).toEqual(here);
    const rest = plan.visits.slice(1);
    expect(rest.every((v) => v.start >= here.depart + 5)).toBe(true);
    expect(rest.map((v) => v.id)).not.toContain('b');
    expect(plan.skipped).toContainEqual({ id: 'b', reason: 'unavailable' });
    // The part still to drive is a valid plan of the remaining problem.
    const sub = remainingProblem(day, progress).problem;
    expect(checkPlan(sub, { ...plan, visits: rest, skipped: plan.skipped.filter((s) => s.id !== 'b'), totalPriority: plan.totalPriority - 3, travelMinutes: solve(sub).travelMinutes })).toEqual([]);
  });

  it('drops a break whose latest start has passed and moves an open one to now', () => {
    const sub = remainingProblem(day, { done: [], breaksTaken: [], unavailable: [], now: 150 as Minutes, at: 'start' }).problem;
    expect(sub.breaks).toEqual([{ earliest: 150, latest: 180, minutes: 30 }]);
    const later = remainingProblem(day, { done: [], breaksTaken: [], unavailable: [], now: 200 as Minutes, at: { place: { x: 5, y: 5 } } }).problem;
    expect(later.breaks).toEqual([]);
    expect(later.start).toEqual({ x: 5, y: 5 });
  });

  it('re-indexes a travel matrix around the current stop', () => {
    const m = [
      [0, 1, 2, 3],
      [1, 0, 4, 5],
      [2, 4, 0, 6],
      [3, 5, 7, 0],
    ];
    const p = { ...day, travel: { kind: 'matrix' as const, minutes: m }, stops: day.stops.slice(0, 2), breaks: [] };
    const done = [{ id: 'b' as StopId, arrive: 3 as Minutes, start: 3 as Minutes, depart: 10 as Minutes }];
    const sub = remainingProblem(p, { done, breaksTaken: [], unavailable: [], now: 10 as Minutes, at: { stopId: 'b' as StopId } }).problem;
    // b is done: new rows are the current place (old node 3), the end (1), then stop a (old node 2).
    expect(sub.travel).toEqual({ kind: 'matrix', minutes: [[0, 5, 7], [5, 0, 4], [6, 4, 0]] });
  });
});
