import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DAY_SETTINGS } from '../domain/daySettings';
import { asIsoDate, type PatientId } from '../domain/ids';
import { checkPlan, type DayProblemInput, type Plan } from '../routing';
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
const input: DayProblemInput = {
  settings: DEFAULT_DAY_SETTINGS,
  weekday: 1,
  officeFallback: { lat: 42.36, lng: -71.06 },
  stops: Array.from({ length: 8 }, (_, i) => ({
    patientId: `pat_${i}` as PatientId,
    location: { lat: 42.33 + (i % 3) * 0.02, lng: -71.1 + Math.floor(i / 3) * 0.03 },
    facility: i === 2 ? { visitingHours: [{ weekday: 1, open: 600, close: 720 }] } : null,
    priority: 2 + i,
    mandatory: i === 0,
  })),
};

describe('planning in the worker', () => {
  it('plans the day from the Today choices, saves it, and reports progress', async () => {
    const seen: Plan[] = [];
    const res = await planning().planMyDay({ day, input, timeLimitMs: 500 }, (p) => seen.push(p));
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
    expect(await planning().planMyDay({ day, input: { ...input, stops: [] } })).toEqual({ ok: false, code: 'no_stops' });
    expect(await planning().recordDayAction(day, { kind: 'running_late' })).toEqual({ ok: false, code: 'no_plan' });
  });

  it('"not home" at the first stop re-plans from its door at the wall-clock time, keeps one plan id, and saves', async () => {
    const first = await planning().planMyDay({ day, input, timeLimitMs: 300 });
    if (!first.ok) throw new Error(first.code);
    const stop = first.saved.content.plan.visits[0]!.id;
    const res = await planning().recordDayAction(day, { kind: 'not_home', stopId: stop });
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
    const big: DayProblemInput = {
      ...input,
      stops: Array.from({ length: 25 }, (_, i) => ({
        patientId: `pat_${i}` as PatientId,
        location: { lat: 42.3 + (i % 5) * 0.02, lng: -71.12 + Math.floor(i / 5) * 0.025 },
        facility: null,
        priority: 1 + (i % 7),
        mandatory: false,
      })),
    };
    const first = await planning().planMyDay({ day, input: big, timeLimitMs: 500 });
    if (!first.ok) throw new Error(first.code);
    wall = new Date(2026, 10, 23, 10, 30);
    const visited = first.saved.content.plan.visits[0]!.id;
    const res = await planning().recordDayAction(day, { kind: 'done', stopId: visited });
    if (!res.ok) throw new Error(res.code);
    const { problem, plan, progress } = res.saved.content;
    expect(progress.done.map((v) => v.id)).toEqual([visited]);
    expect(plan.visits[0]?.id).toBe(visited);
    expect(plan.visits.slice(1).every((v) => v.arrive >= 630)).toBe(true); // after 10:30, when "done" was pressed
    expect(checkPlan(problem, plan)).toEqual([]);
    expect((await loadPlan<DayPlan>(db, plainCodec, day))?.content.plan).toEqual(plan);
  });
});
