import { describe, expect, it } from 'vitest';
import type { FacilityId, LatLng, Minutes, PatientId } from '../domain/ids';
import { checkPlan } from './checkPlan';
import { DEFAULT_DAY_SETTINGS, type DaySettings } from '../domain/daySettings';
import { buildDayProblem, DAY_TRAVEL, facilityWindows, legMinutes, withVisitMinutes, type DayProblemInput, type DayStopFacility, type DayStopInput } from './dayProblem';
import { solve } from './solve';
import { nodeTravel } from './travel';
import type { StopId } from './types';

const m = (n: number) => n as Minutes;
const office: LatLng = { lat: 42.36, lng: -71.06 };
const home: LatLng = { lat: 42.4, lng: -71.1 };
const careHomeAt: LatLng = { lat: 42.41, lng: -71.02 };
const careHome: DayStopFacility = {
  id: 'fac_1' as FacilityId,
  location: careHomeAt,
  visitingHours: [{ weekday: 1, open: 600, close: 720 }, { weekday: 1, open: 840, close: 1140 }, { weekday: 6, open: 780, close: 1020 }],
};

const stop = (id: string, over: Partial<DayStopInput> = {}): DayStopInput => ({
  patientId: id as PatientId,
  location: { lat: 42.37, lng: -71.05 },
  facility: null,
  serviceMinutes: m(45),
  priority: 5,
  mandatory: false,
  ...over,
});
const resident = (id: string, minutes: number, over: Partial<DayStopInput> = {}) => stop(id, { facility: careHome, serviceMinutes: m(minutes), ...over });
const input = (settings: Partial<DaySettings> = {}, stops = [stop('p1')], over: Partial<DayProblemInput> = {}): DayProblemInput => ({
  settings: { ...DEFAULT_DAY_SETTINGS, ...settings },
  weekday: 1,
  stops,
  officeFallback: office,
  ...over,
});

describe('buildDayProblem', () => {
  it('turns the default day into a problem: 08:30-17:00, lunch 11:30-13:30 for 30 min, office to office, 35 km/h x 1.3', () => {
    const r = buildDayProblem(input());
    expect(r).toEqual({
      ok: true,
      excluded: [],
      start: { place: 'office', at: 510 },
      problem: {
        start: office,
        end: office,
        shift: { start: 510, end: 1020 },
        travel: DAY_TRAVEL,
        breaks: [{ earliest: 690, latest: 810, minutes: 30 }],
        stops: [{ id: 'p1', at: { lat: 42.37, lng: -71.05 }, serviceMinutes: 45, windows: [], priority: 5, mandatory: false }],
      },
    });
    expect(DAY_TRAVEL).toEqual({ kind: 'haversine', kmh: 35, roadFactor: 1.3 });
  });

  const rows: { name: string; in: DayProblemInput; expect: Record<string, unknown> }[] = [
    { name: 'a home visit takes its given minutes and has no window', in: input(), expect: { stops: [{ serviceMinutes: 45, windows: [] }] } },
    { name: 'a first visit takes longer', in: input({}, [stop('p1', { serviceMinutes: m(60) })]), expect: { stops: [{ serviceMinutes: 60, windows: [] }] } },
    {
      name: 'a care home visit is at the care home, starting so it ends by closing',
      in: input({}, [resident('p1', 30)]),
      expect: { stops: [{ serviceMinutes: 30, at: careHomeAt, site: 'fac_1', windows: [{ start: 600, end: 690 }, { start: 840, end: 1110 }] }] },
    },
    { name: 'weekend hours on Saturday', in: input({}, [resident('p1', 30)], { weekday: 6 }), expect: { stops: [{ windows: [{ start: 780, end: 990 }] }] } },
    {
      name: 'residents of one home share its place and windows, which close the longest visit before the home does',
      in: input({}, [resident('p1', 30), stop('p2'), resident('p3', 75, { location: { lat: 42.5, lng: -71 } })]),
      expect: {
        stops: [
          { id: 'p1', serviceMinutes: 30, at: careHomeAt, site: 'fac_1', windows: [{ start: 600, end: 645 }, { start: 840, end: 1065 }] },
          { id: 'p2', serviceMinutes: 45, windows: [] },
          { id: 'p3', serviceMinutes: 75, at: careHomeAt, site: 'fac_1', windows: [{ start: 600, end: 645 }, { start: 840, end: 1065 }] },
        ],
      },
    },
    {
      name: 'a care home with no known place: the resident is seen at their own, with their own windows and no site',
      in: input({}, [resident('p1', 60, { facility: { ...careHome, location: null } })]),
      expect: { stops: [{ at: { lat: 42.37, lng: -71.05 }, windows: [{ start: 600, end: 660 }, { start: 840, end: 1080 }] }] },
    },
    { name: 'mandatory and priority pass through', in: input({}, [stop('p1', { mandatory: true, priority: 12 })]), expect: { stops: [{ mandatory: true, priority: 12 }] } },
    { name: 'start at home, end at the office', in: input({ startAt: 'home', home }), expect: { start: home, end: office } },
    { name: 'a set office wins over the territory centre', in: input({ office: home }), expect: { start: home, end: home } },
    { name: 'no lunch', in: input({ lunch: null }), expect: { breaks: [] } },
    { name: 'lunch clipped to a late shift start', in: input({ shiftStart: m(720) }), expect: { breaks: [{ earliest: 720, latest: 810, minutes: 30 }] } },
  ];
  it.each(rows)('$name', ({ in: given, expect: shape }) => {
    const r = buildDayProblem(given);
    if (!r.ok) throw new Error(r.code);
    expect(r.problem).toMatchObject(shape);
  });

  it.each([
    { name: 'no patients picked', in: input({}, []), code: 'no_stops' },
    { name: 'shift ends before it starts', in: input({ shiftEnd: m(500) }), code: 'shift_reversed' },
    { name: 'lunch latest before earliest', in: input({ lunch: { earliest: m(800), latest: m(700), minutes: m(30) } }), code: 'lunch_reversed' },
    { name: 'lunch after the shift', in: input({ shiftEnd: m(660) }), code: 'lunch_outside_shift' },
    { name: 'home chosen but not set', in: input({ endAt: 'home' }), code: 'home_missing' },
    { name: 'no office and no territory centre', in: input({}, [stop('p1')], { officeFallback: null }), code: 'office_missing' },
    { name: 'home off the globe', in: input({ startAt: 'home', home: { lat: 123, lng: 0 } }), code: 'place_invalid' },
    { name: 'a visit shorter than 5 minutes', in: input({}, [stop('p1', { serviceMinutes: m(4) })]), code: 'service_invalid' },
    { name: 'a visit in part minutes', in: input({}, [stop('p1', { serviceMinutes: m(30.5) })]), code: 'service_invalid' },
    { name: 'asked after the shift ended', in: input({}, [stop('p1')], { from: { now: m(1020), position: null } }), code: 'day_over' },
  ])('refuses $name ($code)', ({ in: given, code }) => {
    expect(buildDayProblem(given)).toEqual({ ok: false, code });
  });

  it('leaves out residents whose care home is closed that day, and says so', () => {
    const r = buildDayProblem(input({}, [stop('p1'), resident('p2', 30)], { weekday: 0 }));
    expect(r).toMatchObject({ ok: true, excluded: [{ id: 'p2', reason: 'facility_closed' }], problem: { stops: [{ id: 'p1' }] } });
    expect(buildDayProblem(input({}, [resident('p2', 30)], { weekday: 0 }))).toEqual({ ok: false, code: 'no_stops' });
  });
});

describe('a day asked for after it began', () => {
  const ask = (now: number, position: LatLng | null, settings: Partial<DaySettings> = {}) =>
    buildDayProblem(input(settings, [stop('p1')], { from: { now: m(now), position } }));

  it.each([
    { name: 'before the shift: the day starts at the shift start, from the office', now: 480, position: null, shift: 510, start: office, breaks: [{ earliest: 690, latest: 810 }], used: { place: 'office', at: 510 } },
    { name: 'mid-morning: the day starts now', now: 605, position: null, shift: 605, start: office, breaks: [{ earliest: 690, latest: 810 }], used: { place: 'office', at: 605 } },
    { name: 'during the lunch window: lunch can start from now', now: 720, position: null, shift: 720, start: office, breaks: [{ earliest: 720, latest: 810 }], used: { place: 'office', at: 720 } },
    { name: 'after the lunch window: lunch is over', now: 840, position: null, shift: 840, start: office, breaks: [], used: { place: 'office', at: 840 } },
    { name: 'from where the device is', now: 605, position: home, shift: 605, start: home, breaks: [{ earliest: 690 }], used: { place: 'my_location', at: 605 } },
    { name: 'a position off the globe is ignored', now: 605, position: { lat: 200, lng: 0 }, shift: 605, start: office, breaks: [{ earliest: 690 }], used: { place: 'office', at: 605 } },
  ])('$name', ({ now, position, shift, start, breaks, used }) => {
    const r = ask(now, position);
    if (!r.ok) throw new Error(r.code);
    expect(r.problem).toMatchObject({ start, shift: { start: shift, end: 1020 }, breaks });
    expect(r.problem.breaks).toHaveLength(breaks.length);
    expect(r.start).toEqual(used);
  });

  it('still says a lunch outside the shift is a mistake', () => {
    expect(ask(600, null, { shiftEnd: m(660) })).toEqual({ ok: false, code: 'lunch_outside_shift' });
  });
});

describe('withVisitMinutes', () => {
  const built = buildDayProblem(input({}, [resident('p1', 30), resident('p2', 45), stop('p3')]));
  if (!built.ok) throw new Error(built.code);
  const p = built.problem;
  const id = (s: string) => s as StopId;
  const windowsOf = (problem: typeof p) => Object.fromEntries(problem.stops.map((s) => [s.id, s.windows.map((w) => [w.start, w.end])]));

  it('changes a home visit and nothing else', () => {
    const r = withVisitMinutes(p, id('p3'), 90);
    if (!r.ok) throw new Error(r.code);
    expect(r.problem.stops.map((s) => s.serviceMinutes)).toEqual([30, 45, 90]);
    expect(windowsOf(r.problem)).toEqual(windowsOf(p));
  });

  it.each([
    { name: 'the longest resident grows: every resident of the home starts earlier', stop: 'p1', minutes: 60, ends: [660, 1080] },
    { name: 'the longest resident shrinks: the home keeps the next longest', stop: 'p2', minutes: 20, ends: [690, 1110] },
    { name: 'a shorter resident changes within the longest: windows stay', stop: 'p1', minutes: 40, ends: [675, 1095] },
  ])('$name', ({ stop: which, minutes, ends }) => {
    const r = withVisitMinutes(p, id(which), minutes);
    if (!r.ok) throw new Error(r.code);
    const expected = ends.map((end, k) => [k === 0 ? 600 : 840, end]);
    expect(windowsOf(r.problem)).toMatchObject({ p1: expected, p2: expected, p3: [] });
    expect(r.problem.stops.find((s) => s.id === which)?.serviceMinutes).toBe(minutes);
  });

  it('drops hours too short for the new length, and refuses when none is left', () => {
    const r = withVisitMinutes(p, id('p1'), 150);
    if (!r.ok) throw new Error(r.code);
    expect(windowsOf(r.problem).p2).toEqual([[840, 990]]);
    const mornings = { ...careHome, visitingHours: [{ weekday: 1, open: 600, close: 720 }] };
    const short = buildDayProblem(input({}, [resident('p1', 30, { facility: mornings })]));
    if (!short.ok) throw new Error(short.code);
    expect(withVisitMinutes(short.problem, id('p1'), 120)).toMatchObject({ ok: true });
    expect(withVisitMinutes(short.problem, id('p1'), 121)).toEqual({ ok: false, code: 'visiting_hours_too_short' });
  });

  it.each([
    { minutes: 4, code: 'minutes_invalid' },
    { minutes: 241, code: 'minutes_invalid' },
    { minutes: 12.5, code: 'minutes_invalid' },
  ])('refuses $minutes minutes ($code)', ({ minutes, code }) => {
    expect(withVisitMinutes(p, id('p3'), minutes)).toEqual({ ok: false, code });
  });

  it('refuses a stop the day does not have', () => {
    expect(withVisitMinutes(p, id('nobody'), 30)).toEqual({ ok: false, code: 'unknown_stop' });
  });
});

describe('facilityWindows', () => {
  it('drops hours too short for a whole visit', () => {
    expect(facilityWindows({ visitingHours: [{ weekday: 2, open: 600, close: 620 }, { weekday: 2, open: 700, close: 760 }] }, 2, m(30))).toEqual([{ start: 700, end: 730 }]);
  });
});

describe('a realistic day', () => {
  it('plans a feasible day whose legs add up to the travel total', () => {
    const stops = Array.from({ length: 12 }, (_, i) =>
      stop(`p${i}`, { location: { lat: 42.3 + (i % 4) * 0.03, lng: -71.1 + Math.floor(i / 4) * 0.04 }, facility: i === 3 ? careHome : null, serviceMinutes: m(i === 3 ? 30 : 45), priority: 3 + i }),
    );
    const r = buildDayProblem(input({}, stops));
    if (!r.ok) throw new Error(r.code);
    const plan = solve(r.problem, { maxIterations: 200 });
    expect(plan.feasible).toBe(true);
    expect(plan.visits.length).toBeGreaterThan(5);
    expect(checkPlan(r.problem, plan)).toEqual([]);
    const legs = legMinutes(r.problem, plan);
    expect(legs).toHaveLength(plan.visits.length + 1);
    expect(legs.reduce((a, b) => a + b, 0)).toBeCloseTo(plan.travelMinutes, 6);
  });
});

describe('legMinutes', () => {
  const r = buildDayProblem(input({ lunch: null }, [stop('a', { location: { lat: 42.37, lng: -71.06 } }), stop('b', { location: { lat: 42.38, lng: -71.06 } }), stop('c', { location: { lat: 42.39, lng: -71.06 } })]));
  if (!r.ok) throw new Error(r.code);
  const p = r.problem;
  const v = (id: string) => ({ id: id as StopId, arrive: m(0), start: m(0), depart: m(0) });
  const t = (i: number, j: number) => nodeTravel(p, i, j);

  it.each([
    { name: 'as listed, from the start', progress: undefined, visits: ['a', 'c'], legs: [t(0, 2), t(2, 4), t(4, 1)] },
    {
      name: 'after "not home" at b: the next visit is driven to from b',
      progress: { done: [v('a')], at: { stopId: 'b' as StopId } },
      visits: ['a', 'c'],
      legs: [t(0, 2), t(3, 4), t(4, 1)],
    },
    { name: 'nothing left: home from where the van is', progress: { done: [v('a')], at: { stopId: 'b' as StopId } }, visits: ['a'], legs: [t(0, 2), t(3, 1)] },
    { name: 'still at the start', progress: { done: [], at: 'start' as const }, visits: ['b'], legs: [t(0, 3), t(3, 1)] },
  ])('$name', ({ progress, visits, legs }) => {
    expect(legMinutes(p, { visits: visits.map(v) }, progress)).toEqual(legs);
  });
});

