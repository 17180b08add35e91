import { describe, expect, it } from 'vitest';
import { checkPlan } from './checkPlan';
import { planar } from './testkit';
import type { Minutes, Plan, StopId } from './types';

const m = (x: number): Minutes => x as Minutes;
const id = (x: string): StopId => x as StopId;

const problem = planar(
  [
    { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 20, windows: [{ start: 30, end: 40 }], priority: 3, mandatory: true },
    { id: 'b', at: { x: 10, y: 10 }, serviceMinutes: 5, priority: 2 },
  ],
  { shift: { start: 0, end: 200 }, breaks: [{ earliest: 60, latest: 90, minutes: 30 }] },
);

// start -> a (10 min, wait to 30, serve to 50) -> b (10 min, arrive 60, lunch 60-90, serve 90-95) -> home (14.14)
const good: Plan = {
  feasible: true,
  visits: [
    { id: id('a'), arrive: m(10), start: m(30), depart: m(50) },
    { id: id('b'), arrive: m(60), start: m(90), depart: m(95) },
  ],
  breaks: [{ start: m(60), end: m(90) }],
  skipped: [],
  totalPriority: 5,
  travelMinutes: m(20 + Math.hypot(10, 10)),
  returnAt: m(95 + Math.hypot(10, 10)),
  reasons: [],
  provenOptimal: false,
};

describe('checkPlan', () => {
  it('accepts a plan that can be driven as printed', () => {
    expect(checkPlan(problem, good)).toEqual([]);
  });

  // One row per broken rule: the checker must name it.
  const broken: [string, Partial<Plan>, string][] = [
    ['a stop missing', { visits: good.visits.slice(0, 1), totalPriority: 3 }, '[C1]'],
    ['a stop twice', { skipped: [{ id: id('a'), reason: 'lower_priority' }] }, '[C1]'],
    ['service too short', { visits: [{ ...good.visits[0]!, depart: m(45) }, good.visits[1]!] }, '[C2]'],
    ['start outside the window', { visits: [{ id: id('a'), arrive: m(10), start: m(20), depart: m(40) }, good.visits[1]!] }, '[C2]'],
    ['break too late', { breaks: [{ start: m(95), end: m(125) }] }, '[C3]'],
    ['break over a service', { breaks: [{ start: m(70), end: m(100) }] }, '[C3]'],
    ['driving faster than travel', { visits: [{ id: id('a'), arrive: m(5), start: m(5), depart: m(25) }, good.visits[1]!] }, '[C2]'],
    ['no time to drive around the break', { visits: [good.visits[0]!, { id: id('b'), arrive: m(55), start: m(90), depart: m(95) }] }, '[C4]'],
    ['late home', { returnAt: m(300) }, '[C5]'],
    ['wrong priority total', { totalPriority: 4 }, '[C6]'],
    ['claims feasible without a mandatory stop', { visits: [good.visits[1]!], skipped: [{ id: id('a'), reason: 'lower_priority' }], totalPriority: 2 }, '[C6]'],
  ];
  it.each(broken)('rejects %s', (_name, change, rule) => {
    const errors = checkPlan(problem, { ...good, ...change });
    expect(errors.some((e) => e.startsWith(rule)), errors.join('\n')).toBe(true);
  });
});
