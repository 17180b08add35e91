import { describe, expect, it } from 'vitest';
import { checkPlan } from './checkPlan';
import { applyDayEvent, startProgress, type DayEvent, type VanProgress } from './dayProgress';
import { remainingProblem, replan } from './replan';
import { solve } from './solve';
import { planar } from './testkit';
import type { Minutes, Plan, StopId } from './types';

const m = (n: number) => n as Minutes;
const id = (s: string) => s as StopId;
// Shift 100-600; lunch 250-300 for 30; stop "c" only from 400.
const day = planar(
  [
    { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 3 },
    { id: 'b', at: { x: 20, y: 0 }, serviceMinutes: 30, priority: 3 },
    { id: 'c', at: { x: 20, y: 10 }, serviceMinutes: 20, priority: 3, windows: [{ start: 400, end: 450 }] },
  ],
  { shift: { start: 100, end: 600 }, breaks: [{ earliest: 250, latest: 300, minutes: 30 }] },
);
const plan: Plan = { ...solve(day), breaks: [{ start: m(260), end: m(290) }] };
const fresh = startProgress(day);
const after = (events: DayEvent[], from: VanProgress = fresh) => events.reduce((p, e) => applyDayEvent(day, plan, p, e), from);

describe('applyDayEvent: one row per rule', () => {
  const rows: { name: string; events: DayEvent[]; expect: Partial<VanProgress> }[] = [
    {
      name: 'arrived: the visit is under way and the rest is planned from its expected end',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }],
      expect: { arrived: id('a'), at: { stopId: id('a') }, now: m(145), done: [{ id: id('a'), arrive: m(115), start: m(115), depart: m(145) }] },
    },
    {
      name: 'arrived before the window opens: service starts when it opens',
      events: [{ kind: 'arrived', stopId: id('c'), at: m(380) }],
      expect: { now: m(420), done: [{ id: id('c'), arrive: m(380), start: m(400), depart: m(420) }] },
    },
    {
      name: 'done after arrived: the real end replaces the expected one',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }, { kind: 'done', stopId: id('a'), at: m(140) }],
      expect: { arrived: null, now: m(140), done: [{ id: id('a'), arrive: m(115), start: m(115), depart: m(140) }] },
    },
    {
      name: 'done without arrived: the visit is taken to have lasted its service time',
      events: [{ kind: 'done', stopId: id('a'), at: m(160) }],
      expect: { now: m(160), done: [{ id: id('a'), arrive: m(130), start: m(130), depart: m(160) }] },
    },
    {
      name: 'not home: the stop leaves the day and the rest starts at its door',
      events: [{ kind: 'not_home', stopId: id('b'), at: m(130) }],
      expect: { unavailable: [id('b')], at: { stopId: id('b') }, now: m(130), done: [] },
    },
    {
      name: 'not home after arrived: the visit did not happen',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }, { kind: 'not_home', stopId: id('a'), at: m(118) }],
      expect: { unavailable: [id('a')], arrived: null, done: [], now: m(118) },
    },
    {
      name: 'running late pushes the rest back, and presses add up',
      events: [{ kind: 'running_late', minutes: m(15), at: m(50) }, { kind: 'running_late', minutes: m(15), at: m(60) }],
      expect: { now: m(130), at: 'start', lastEventAt: m(100) },
    },
    {
      name: 'an event before the shift counts at the shift start; time never runs backwards',
      events: [{ kind: 'not_home', stopId: id('a'), at: m(200) }, { kind: 'not_home', stopId: id('b'), at: m(150) }],
      expect: { now: m(200), lastEventAt: m(200) },
    },
    {
      name: 'an event after the shift counts at its end',
      events: [{ kind: 'not_home', stopId: id('a'), at: m(900) }],
      expect: { now: m(600) },
    },
    {
      name: 'a planned lunch that should have started is taken when the person was free for it',
      // Arrived at c after lunch: nothing recorded overlaps 260-290.
      events: [{ kind: 'arrived', stopId: id('c'), at: m(295) }],
      expect: { breaksTaken: [{ start: m(260), end: m(290) }] },
    },
    {
      name: '[R2] a planned lunch a visit ran through is not taken: it stays to come and is planned again',
      // "done" with b at 270 means b ran 240-270, through the planned lunch 260-290.
      events: [{ kind: 'done', stopId: id('b'), at: m(270) }],
      expect: { breaksTaken: [], now: m(270) },
    },
    {
      name: '[R2] a lunch with an arrival in the middle of it is not taken',
      events: [{ kind: 'not_home', stopId: id('b'), at: m(275) }],
      expect: { breaksTaken: [], now: m(275) },
    },
    {
      name: '[R3] running late during lunch: the lunch is taken and the rest starts after it',
      events: [{ kind: 'running_late', minutes: m(0), at: m(270) }],
      expect: { breaksTaken: [{ start: m(260), end: m(290) }], now: m(290) },
    },
    {
      name: '[R2] a visit under way keeps the person busy past its forecast end: lunch due meanwhile is not taken',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(200) }, { kind: 'running_late', minutes: m(0), at: m(270) }],
      expect: { breaksTaken: [], arrived: id('a') },
    },
    {
      name: '[R2] "done" without "arrived" is not placed inside a lunch already taken',
      events: [{ kind: 'running_late', minutes: m(0), at: m(270) }, { kind: 'done', stopId: id('b'), at: m(300) }],
      expect: { breaksTaken: [{ start: m(260), end: m(290) }], done: [{ id: id('b'), arrive: m(290), start: m(290), depart: m(300) }] },
    },
    {
      name: '[R1] arriving elsewhere ends the visit under way at that time',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }, { kind: 'arrived', stopId: id('b'), at: m(125) }],
      expect: { arrived: id('b'), done: [{ id: id('a'), arrive: m(115), start: m(115), depart: m(125) }, { id: id('b'), arrive: m(125), start: m(125), depart: m(155) }] },
    },
    {
      name: '[R1] "not home" elsewhere ends the visit under way; it stays done',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }, { kind: 'not_home', stopId: id('b'), at: m(120) }],
      expect: { arrived: null, now: m(120), done: [{ id: id('a'), arrive: m(115), start: m(115), depart: m(120) }] },
    },
    {
      name: '[R1] "done" elsewhere without "arrived" starts after the visit under way ended',
      events: [{ kind: 'arrived', stopId: id('a'), at: m(115) }, { kind: 'done', stopId: id('b'), at: m(130) }],
      expect: { done: [{ id: id('a'), arrive: m(115), start: m(115), depart: m(130) }, { id: id('b'), arrive: m(130), start: m(130), depart: m(130) }] },
    },
    {
      name: 'a later lunch is still to come',
      events: [{ kind: 'done', stopId: id('b'), at: m(200) }],
      expect: { breaksTaken: [] },
    },
    {
      name: 'done twice changes nothing',
      events: [{ kind: 'done', stopId: id('a'), at: m(160) }, { kind: 'done', stopId: id('a'), at: m(300) }],
      expect: { now: m(160), lastEventAt: m(160) },
    },
  ];
  it.each(rows)('$name', ({ events, expect: shape }) => {
    expect(after(events)).toMatchObject(shape);
  });
});

describe('re-planning after events', () => {
  it('"not home" on the first stop: it is skipped as unavailable, the rest is a valid day', () => {
    const first = plan.visits[0]!.id;
    const progress = after([{ kind: 'not_home', stopId: first, at: plan.visits[0]!.arrive }]);
    const next = replan(day, progress, { maxIterations: 100 });
    expect(next.visits.map((v) => v.id)).not.toContain(first);
    expect(next.skipped).toContainEqual({ id: first, reason: 'unavailable' });
    const rest = remainingProblem(day, progress).problem;
    expect(checkPlan(rest, solve(rest, { maxIterations: 100 }))).toEqual([]);
  });

  it('keeps done visits first, as they happened', () => {
    const progress = after([
      { kind: 'arrived', stopId: id('a'), at: m(112) },
      { kind: 'done', stopId: id('a'), at: m(150) },
    ]);
    const next = replan(day, progress, { maxIterations: 100 });
    expect(next.visits[0]).toEqual({ id: 'a', arrive: 112, start: 112, depart: 150 });
    expect(next.visits.slice(1).every((v) => v.arrive >= 150)).toBe(true);
  });
});
