import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DAY_SETTINGS } from '../domain/daySettings';
import { asIsoDate, type FacilityId, type Minutes, type PatientId } from '../domain/ids';
import { checkPlan, type DayProblemInput, type Plan, type StopId } from '../routing';
import { plainCodec } from '../storage/codec';
import { openRoundsDb, type RoundsDb } from '../storage/db';
import { loadPlan } from '../storage/plans';
import { createPlanning, type DayPlan } from './planning';

let db: RoundsDb;
let n = 0;
let wall: Date;
/**
 * The solver's time budget runs on this clock: one millisecond per reading, so a search stops
 * after the same work on any machine, however loaded (how fast it is belongs to the benchmark:
 * bench/routing/dayAction.ts).
 */
let ticks: number;
beforeEach(() => {
  wall = new Date(2026, 10, 23, 9, 40); // local 09:40
  ticks = 0;
  db = openRoundsDb(`test-planning-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const planning = () =>
  createPlanning({ db, codec: plainCodec, newId: () => `plan_${n}`, now: () => wall, clock: () => ticks++ });
const day = asIsoDate('2026-11-23');
const m = (n: number) => n as Minutes;
/** Asked before the shift starts (08:30), from the start place: the whole day is planned. */
const early = { now: m(8 * 60), position: null };
const input: Omit<DayProblemInput, 'from'> = {
  settings: DEFAULT_DAY_SETTINGS,
  weekday: 1,
  officeFallback: { lat: 42.36, lng: -71.06 },
  stops: Array.from({ length: 8 }, (_, i) => ({
    patientId: `pat_${i}` as PatientId,
    location: { lat: 42.33 + (i % 3) * 0.02, lng: -71.1 + Math.floor(i / 3) * 0.03 },
    facility: i === 2 ? { id: 'fac_1' as FacilityId, location: { lat: 42.37, lng: -71.1 }, visitingHours: [{ weekday: 1, open: 600, close: 720 }] } : null,
    serviceMinutes: m(i === 2 ? 30 : 45),
    priority: 2 + i,
    mandatory: i === 0,
  })),
};

describe('planning in the worker', () => {
  it('plans the day from the Today choices, saves it, and reports progress', async () => {
    const seen: Plan[] = [];
    const res = await planning().planMyDay({ day, input, ...early, timeLimitMs: 500 }, (p) => seen.push(p));
    if (!res.ok) throw new Error(res.code);
    const { problem, plan, legs, progress } = res.saved.content;
    expect(plan.feasible).toBe(true);
    expect(checkPlan(problem, plan)).toEqual([]);
    expect(legs).toHaveLength(plan.visits.length + 1);
    expect(progress).toMatchObject({ done: [], unavailable: [], at: 'start', now: 510 });
    expect(seen.length).toBeGreaterThan(0);
    expect((await loadPlan<DayPlan>(db, plainCodec, day))?.content.plan).toEqual(plan);
  });

  it('returns an expected problem with the choices as a value', async () => {
    expect(await planning().planMyDay({ day, input: { ...input, stops: [] }, ...early })).toEqual({ ok: false, code: 'no_stops' });
    expect(await planning().recordDayAction(day, { kind: 'running_late', at: m(600) })).toEqual({ ok: false, code: 'no_plan' });
  });

  it('"not home" at the first stop re-plans from its door at the time the UI stamped, keeps one plan id, and saves', async () => {
    const first = await planning().planMyDay({ day, input, ...early, timeLimitMs: 300 });
    if (!first.ok) throw new Error(first.code);
    const stop = first.saved.content.plan.visits[0]!.id;
    const res = await planning().recordDayAction(day, { kind: 'not_home', stopId: stop, at: m(580) });
    if (!res.ok) throw new Error(res.code);
    const { plan, progress } = res.saved.content;
    expect(progress).toMatchObject({ unavailable: [stop], at: { stopId: stop }, now: 580 });
    expect(plan.visits.map((v) => v.id)).not.toContain(stop);
    expect(plan.skipped).toContainEqual({ id: stop, reason: 'unavailable' });
    expect(plan.visits.every((v) => v.arrive >= 580)).toBe(true);
    const stored = await loadPlan<DayPlan>(db, plainCodec, day);
    expect(stored?.id).toBe(first.saved.id);
    expect(stored?.content.plan).toEqual(plan);
  });

  it('re-plans a 25-stop day mid-morning when a visit is done, and saves the new plan', async () => {
    const big: Omit<DayProblemInput, 'from'> = {
      ...input,
      stops: Array.from({ length: 25 }, (_, i) => ({
        patientId: `pat_${i}` as PatientId,
        location: { lat: 42.3 + (i % 5) * 0.02, lng: -71.12 + Math.floor(i / 5) * 0.025 },
        facility: null,
        serviceMinutes: m(45),
        priority: 1 + (i % 7),
        mandatory: false,
      })),
    };
    const first = await planning().planMyDay({ day, input: big, ...early, timeLimitMs: 500 });
    if (!first.ok) throw new Error(first.code);
    const visited = first.saved.content.plan.visits[0]!.id;
    const res = await planning().recordDayAction(day, { kind: 'done', stopId: visited, at: m(630) });
    if (!res.ok) throw new Error(res.code);
    const { problem, plan, progress } = res.saved.content;
    expect(progress.done.map((v) => v.id)).toEqual([visited]);
    expect(plan.visits[0]?.id).toBe(visited);
    expect(plan.visits.slice(1).every((v) => v.arrive >= 630)).toBe(true); // after 10:30, when "done" was pressed
    expect(checkPlan(problem, plan)).toEqual([]);
    expect((await loadPlan<DayPlan>(db, plainCodec, day))?.content.plan).toEqual(plan);
  });

  it('a day asked for at 10:05 is planned from then, from where the device is; the van starts there', async () => {
    const here = { lat: 42.35, lng: -71.08 };
    const res = await planning().planMyDay({ day, input, now: m(605), position: here, timeLimitMs: 300 });
    if (!res.ok) throw new Error(res.code);
    const { problem, plan, progress, start } = res.saved.content;
    expect(problem).toMatchObject({ start: here, shift: { start: 605, end: 1020 } });
    expect(start).toEqual({ place: 'my_location', at: 605 });
    expect(progress).toMatchObject({ done: [], at: 'start', now: 605, lastEventAt: 605 });
    expect(plan.visits.length).toBeGreaterThan(0);
    expect(plan.visits.every((v) => v.arrive >= 605)).toBe(true);
    expect(checkPlan(problem, plan)).toEqual([]);
  });

  it('without a position the day starts at the start place, and an old plan without `start` still loads', async () => {
    const res = await planning().planMyDay({ day, input, now: m(605), position: null, timeLimitMs: 300 });
    if (!res.ok) throw new Error(res.code);
    expect(res.saved.content.start).toEqual({ place: 'office', at: 605 });
    expect(res.saved.content.problem.start).toEqual(input.officeFallback);
    expect(await planning().planMyDay({ day, input, now: m(1020), position: null })).toEqual({ ok: false, code: 'day_over' });
  });

  it('van taps take the time the UI stamped, not the worker clock', async () => {
    const first = await planning().planMyDay({ day, input, ...early, timeLimitMs: 300 });
    if (!first.ok) throw new Error(first.code);
    const res = await planning().recordDayAction(day, { kind: 'running_late', at: m(700) });
    if (!res.ok) throw new Error(res.code);
    expect(res.saved.content.progress).toMatchObject({ lastEventAt: 700, now: 715 });
  });

  describe('setVisitMinutes', () => {
    async function planned() {
      const first = await planning().planMyDay({ day, input, ...early, timeLimitMs: 300 });
      if (!first.ok) throw new Error(first.code);
      return first.saved.content;
    }

    it('refuses with a code: no plan, bad minutes, a stop the day does not have, a visit done or under way', async () => {
      expect(await planning().setVisitMinutes(day, 'pat_1' as StopId, 60, m(540))).toEqual({ ok: false, code: 'no_plan' });
      const saved = await planned();
      expect(await planning().setVisitMinutes(day, 'pat_1' as StopId, 4, m(540))).toEqual({ ok: false, code: 'minutes_invalid' });
      expect(await planning().setVisitMinutes(day, 'pat_1' as StopId, 241, m(540))).toEqual({ ok: false, code: 'minutes_invalid' });
      expect(await planning().setVisitMinutes(day, 'pat_1' as StopId, 22.5, m(540))).toEqual({ ok: false, code: 'minutes_invalid' });
      expect(await planning().setVisitMinutes(day, 'nobody' as StopId, 60, m(540))).toEqual({ ok: false, code: 'unknown_stop' });
      const first = saved.plan.visits[0]!.id;
      await planning().recordDayAction(day, { kind: 'arrived', stopId: first, at: m(540) });
      expect(await planning().setVisitMinutes(day, first, 60, m(540))).toEqual({ ok: false, code: 'stop_done' });
    });

    it('changes the visit, re-plans the rest of the day from the progress, and saves', async () => {
      const saved = await planned();
      const first = saved.plan.visits[0]!.id;
      const arrived = await planning().recordDayAction(day, { kind: 'arrived', stopId: first, at: m(540) });
      if (!arrived.ok) throw new Error(arrived.code);
      const later = arrived.saved.content.plan.visits[1]!.id;
      const res = await planning().setVisitMinutes(day, later, 90, m(540));
      if (!res.ok) throw new Error(res.code);
      const { problem, plan, progress, legs } = res.saved.content;
      expect(problem.stops.find((s) => s.id === later)?.serviceMinutes).toBe(90);
      expect(progress).toEqual(arrived.saved.content.progress);
      expect(plan.visits[0]?.id).toBe(first);
      const visit = plan.visits.find((v) => v.id === later);
      if (visit) expect(visit.depart - visit.start).toBe(90);
      expect(checkPlan(problem, plan)).toEqual([]);
      expect(legs).toHaveLength(plan.visits.length + 1);
      expect((await loadPlan<DayPlan>(db, plainCodec, day))?.content.problem).toEqual(problem);
    });

    it('plans nothing before the time the change was made', async () => {
      const saved = await planned();
      const later = saved.plan.visits[saved.plan.visits.length - 1]!.id;
      const res = await planning().setVisitMinutes(day, later, 30, m(700));
      if (!res.ok) throw new Error(res.code);
      expect(res.saved.content.plan.visits.length).toBeGreaterThan(0);
      for (const v of res.saved.content.plan.visits) expect(v.arrive).toBeGreaterThanOrEqual(700);
    });

    it("moves a care-home resident's windows so the longer visit still ends by closing", async () => {
      await planned();
      const res = await planning().setVisitMinutes(day, 'pat_2' as StopId, 60, m(540));
      if (!res.ok) throw new Error(res.code);
      expect(res.saved.content.problem.stops.find((s) => s.id === 'pat_2')?.windows).toEqual([{ start: 600, end: 660 }]);
      expect(await planning().setVisitMinutes(day, 'pat_2' as StopId, 150, m(540))).toEqual({ ok: false, code: 'visiting_hours_too_short' });
    });
  });
});
