import { describe, expect, it } from 'vitest';
import { legMinutes } from './dayProblem';
import { applyDayEvent, startProgress, type DayEvent, type VanProgress } from './dayProgress';
import { replan } from './replan';
import { solve } from './solve';
import { planar } from './testkit';
import { dayTimeline, missedBreaks, type TimelineDrive, type TimelineEntry, type TimelineStop } from './timeline';
import type { Minutes, Plan, Problem, StopId } from './types';

const m = (n: number) => n as Minutes;
const id = (s: string) => s as StopId;

function solved(problem: Problem): { plan: Plan; progress: VanProgress; entries: TimelineEntry[] } {
  const plan = solve(problem, { maxIterations: 200 });
  const progress = startProgress(problem);
  return { plan, progress, entries: dayTimeline(problem, plan, progress, legMinutes(problem, plan)) };
}

/** What the worker does for each van tap (src/worker/planning.ts recordDayAction). */
function vanDay(problem: Problem, events: DayEvent[]) {
  let plan = solve(problem, { maxIterations: 200 });
  let progress = startProgress(problem);
  for (const e of events) {
    progress = applyDayEvent(problem, plan, progress, e);
    plan = replan(problem, progress, { maxIterations: 200 });
  }
  return { plan, progress, entries: dayTimeline(problem, plan, progress, legMinutes(problem, plan, progress)) };
}

const drives = (entries: TimelineEntry[]) => entries.filter((e): e is TimelineDrive => e.kind === 'drive');
const stops = (entries: TimelineEntry[]) => entries.filter((e): e is TimelineStop => e.kind === 'stop');

describe('dayTimeline', () => {
  it('a plain day: leave at shift start, drive, visit, drive back, back at the plan return', () => {
    const p = planar([{ id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 1 }], { shift: { start: 480, end: 1020 } });
    const { plan, entries } = solved(p);
    expect(entries.map((e) => e.kind)).toEqual(['drive', 'stop', 'drive', 'back']);
    expect(entries[0]).toMatchObject({ from: 'start', to: 'a', leave: 480, minutes: 10, arrive: 490, past: false });
    expect(entries[1]).toMatchObject({ site: null, arrive: 490, leave: 520, items: [{ kind: 'visit', stopId: 'a', start: 490, leave: 520, serviceMinutes: 30, state: 'planned' }] });
    expect(entries[2]).toMatchObject({ from: 'previous', to: null, leave: 520, minutes: 10, arrive: 530 });
    expect(entries[3]).toMatchObject({ kind: 'back', at: plan.returnAt, lateRisk: false });
  });

  it('lunch while waiting for visiting hours is shown at the stop, with the wait around it', () => {
    const p = planar([{ id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 1, windows: [{ start: 600, end: 660 }] }], {
      shift: { start: 480, end: 1020 },
      breaks: [{ earliest: 540, latest: 600, minutes: 30 }],
    });
    const { entries } = solved(p);
    const stop = stops(entries)[0]!;
    // Arrive 490, wait to 540, lunch 540-570, wait to 600, visit.
    expect(stop.items).toMatchObject([
      { kind: 'wait', start: 490, end: 540 },
      { kind: 'break', start: 540, end: 570, where: 'at_stop' },
      { kind: 'wait', start: 570, end: 600 },
      { kind: 'visit', start: 600 },
    ]);
  });

  it('lunch due on the way is part of the drive: leave, pull over, arrive', () => {
    const p = planar([{ id: 'b', at: { x: 60, y: 0 }, serviceMinutes: 30, priority: 1 }], {
      shift: { start: 480, end: 1020 },
      breaks: [{ earliest: 500, latest: 510, minutes: 30 }],
    });
    const { entries } = solved(p);
    // Leave at 480, drive 30 min to 510, lunch 510-540, 30 more min: arrive 570.
    expect(drives(entries)[0]).toMatchObject({ to: 'b', leave: 480, minutes: 60, arrive: 570, breaksOnTheWay: [{ start: 510, end: 540, where: 'on_the_way' }] });
    expect(entries.filter((e) => e.kind === 'break')).toEqual([]);
  });

  it('the 2:04/2:10 case: a visit that ran through lunch; no lunch between stops that leave at 2:04 and arrive at 2:10', () => {
    const p = planar(
      [
        { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 1 },
        { id: 'b', at: { x: 16, y: 0 }, serviceMinutes: 30, priority: 1 },
      ],
      { shift: { start: 720, end: 1020 }, breaks: [{ earliest: 780, latest: 810, minutes: 30 }] },
    );
    // At a from 12:30 until 2:04 PM: the planned lunch (1:00-1:30 or so) never happened.
    const { plan, progress, entries } = vanDay(p, [
      { kind: 'arrived', stopId: id('a'), at: m(750) },
      { kind: 'done', stopId: id('a'), at: m(844) },
    ]);
    expect(progress.breaksTaken).toEqual([]);
    expect(plan.breaks).toEqual([]); // its latest start (1:30 PM) has passed: missed, not invented
    expect(entries.filter((e) => e.kind === 'break')).toEqual([]);
    expect(drives(entries).find((d) => d.to === 'b')).toMatchObject({ from: 'previous', leave: 844, minutes: 6, arrive: 850, breaksOnTheWay: [] });

    // A day saved before that rule, with lunch recorded over the visit: it is not shown at all.
    const old: Plan = { ...plan, breaks: [{ start: m(780), end: m(810) }] };
    const oldProgress: VanProgress = { ...progress, breaksTaken: old.breaks };
    const oldEntries = dayTimeline(p, old, oldProgress, legMinutes(p, old, oldProgress));
    expect(oldEntries.some((e) => e.kind === 'break' || (e.kind === 'drive' && e.breaksOnTheWay.length > 0))).toBe(false);
  });

  it('a lunch a visit ran through is planned again after it when it still can be', () => {
    const p = planar(
      [
        { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 1 },
        { id: 'b', at: { x: 16, y: 0 }, serviceMinutes: 30, priority: 1 },
      ],
      { shift: { start: 720, end: 1020 }, breaks: [{ earliest: 750, latest: 900, minutes: 30 }] },
    );
    const { plan, entries } = vanDay(p, [
      { kind: 'arrived', stopId: id('a'), at: m(730) },
      { kind: 'done', stopId: id('a'), at: m(844) },
    ]);
    expect(plan.breaks).toHaveLength(1);
    expect(plan.breaks[0]!.start).toBeGreaterThanOrEqual(844);
    const lunch = entries.find((e) => e.kind === 'break') ?? drives(entries).flatMap((d) => d.breaksOnTheWay)[0] ?? stops(entries).flatMap((s) => s.items).find((x) => x.kind === 'break');
    expect(lunch).toMatchObject({ start: plan.breaks[0]!.start });
  });

  it('after "not home", the next drive starts from where you are, at that time', () => {
    const p = planar(
      [
        { id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 2 },
        { id: 'b', at: { x: 10, y: 10 }, serviceMinutes: 30, priority: 1 },
      ],
      { shift: { start: 480, end: 1020 } },
    );
    const first = solve(p).visits[0]!.id;
    const { entries } = vanDay(p, [{ kind: 'not_home', stopId: first, at: m(495) }]);
    expect(drives(entries)[0]).toMatchObject({ from: 'here', leave: 495, minutes: 10, arrive: 505 });
  });

  it('residents of one care home are one stop: one drive in, their visits in order', () => {
    const home = { x: 20, y: 0 };
    const p = planar(
      [
        { id: 'r1', at: home, serviceMinutes: 20, priority: 1 },
        { id: 'r2', at: home, serviceMinutes: 20, priority: 1 },
        { id: 'h', at: { x: 0, y: 20 }, serviceMinutes: 20, priority: 1 },
      ],
      { shift: { start: 480, end: 1020 } },
    );
    const sited: Problem = { ...p, stops: p.stops.map((s) => (s.id === 'h' ? s : { ...s, site: 'Maple Court' })) };
    const { entries } = solved(sited);
    const home1 = stops(entries).find((s) => s.site === 'Maple Court')!;
    expect(home1.items.filter((x) => x.kind === 'visit').map((x) => x.kind === 'visit' && x.stopId).sort()).toEqual(['r1', 'r2']);
    expect(drives(entries)).toHaveLength(3); // in to the home, in to h, back
  });

  it('late risk: a visit starting within 15 min of its window end, and a return near shift end', () => {
    const p = planar([{ id: 'a', at: { x: 10, y: 0 }, serviceMinutes: 30, priority: 1, windows: [{ start: 480, end: 500 }] }], {
      shift: { start: 480, end: 535 },
    });
    const { entries } = solved(p);
    const visit = stops(entries)[0]!.items.find((x) => x.kind === 'visit');
    expect(visit).toMatchObject({ start: 490, lateRisk: { latestStart: 500, closes: 530 } });
    expect(entries[entries.length - 1]).toMatchObject({ kind: 'back', at: 530, lateRisk: true });
  });
});

describe('missedBreaks', () => {
  const lunch = { earliest: 780 as Minutes, latest: 810 as Minutes, minutes: 30 as Minutes };
  it('names a break rule the plan holds no break for, and only that one', () => {
    expect(missedBreaks({ breaks: [lunch] }, { breaks: [] })).toEqual([lunch]);
    expect(missedBreaks({ breaks: [lunch] }, { breaks: [{ start: 800 as Minutes, end: 830 as Minutes }] })).toEqual([]);
    // A break of another length, or starting outside the rule's window, is not this one.
    expect(missedBreaks({ breaks: [lunch] }, { breaks: [{ start: 800 as Minutes, end: 815 as Minutes }] })).toEqual([lunch]);
    expect(missedBreaks({ breaks: [lunch] }, { breaks: [{ start: 820 as Minutes, end: 850 as Minutes }] })).toEqual([lunch]);
  });
});
