import { describe, expect, it } from 'vitest';
import type { LatLng, Minutes, PatientId } from '../domain/ids';
import { checkPlan } from './checkPlan';
import { DEFAULT_DAY_SETTINGS, type DaySettings } from '../domain/daySettings';
import { buildDayProblem, DAY_TRAVEL, facilityWindows, legMinutes, type DayProblemInput, type DayStopInput } from './dayProblem';
import { solve } from './solve';
import { nodeTravel } from './travel';
import type { StopId } from './types';

const m = (n: number) => n as Minutes;
const office: LatLng = { lat: 42.36, lng: -71.06 };
const home: LatLng = { lat: 42.4, lng: -71.1 };
const careHome = { visitingHours: [{ weekday: 1, open: 600, close: 720 }, { weekday: 1, open: 840, close: 1140 }, { weekday: 6, open: 780, close: 1020 }] };

const stop = (id: string, over: Partial<DayStopInput> = {}): DayStopInput => ({
  patientId: id as PatientId,
  location: { lat: 42.37, lng: -71.05 },
  facility: null,
  priority: 5,
  mandatory: false,
  ...over,
});
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
    { name: 'a home visit takes 45 min and has no window', in: input(), expect: { stops: [{ serviceMinutes: 45, windows: [] }] } },
    {
      name: 'a care home visit takes 30 min, starting so it ends by closing',
      in: input({}, [stop('p1', { facility: careHome })]),
      expect: { stops: [{ serviceMinutes: 30, windows: [{ start: 600, end: 690 }, { start: 840, end: 1110 }] }] },
    },
    { name: 'weekend hours on Saturday', in: input({}, [stop('p1', { facility: careHome })], { weekday: 6 }), expect: { stops: [{ windows: [{ start: 780, end: 990 }] }] } },
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
  ])('refuses $name ($code)', ({ in: given, code }) => {
    expect(buildDayProblem(given)).toEqual({ ok: false, code });
  });

  it('leaves out residents whose care home is closed that day, and says so', () => {
    const r = buildDayProblem(input({}, [stop('p1'), stop('p2', { facility: careHome })], { weekday: 0 }));
    expect(r).toMatchObject({ ok: true, excluded: [{ id: 'p2', reason: 'facility_closed' }], problem: { stops: [{ id: 'p1' }] } });
    expect(buildDayProblem(input({}, [stop('p2', { facility: careHome })], { weekday: 0 }))).toEqual({ ok: false, code: 'no_stops' });
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
      stop(`p${i}`, { location: { lat: 42.3 + (i % 4) * 0.03, lng: -71.1 + Math.floor(i / 4) * 0.04 }, facility: i === 3 ? careHome : null, priority: 3 + i }),
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

