/**
 * "Done" pressed in the van, end to end in the worker's planning module: read the saved plan,
 * re-plan the rest of a 25-stop day on the wall clock (the van budget), save the new plan.
 * Real Dexie on fake-indexeddb in Node, so storage is counted too, though a browser's
 * IndexedDB is slower. This is the figure src/worker/planning.test.ts used to assert (under
 * 400 ms); a unit test runs the planner on a fake clock and measures nothing.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { DEFAULT_DAY_SETTINGS } from '../../src/domain/daySettings';
import { asIsoDate, type Minutes, type PatientId } from '../../src/domain/ids';
import type { DayProblemInput } from '../../src/routing';
import { plainCodec } from '../../src/storage/codec';
import { openRoundsDb } from '../../src/storage/db';
import { createPlanning } from '../../src/worker/planning';
import { median } from '../support/stats';

const RUNS = 9;
const day = asIsoDate('2026-11-23');

/** The same day the planning unit test builds: 25 stops in a grid over Boston and Cambridge. */
const input: DayProblemInput = {
  settings: DEFAULT_DAY_SETTINGS,
  weekday: 1,
  officeFallback: { lat: 42.36, lng: -71.06 },
  stops: Array.from({ length: 25 }, (_, i) => ({
    patientId: `pat_${i}` as PatientId,
    location: { lat: 42.3 + (i % 5) * 0.02, lng: -71.12 + Math.floor(i / 5) * 0.025 },
    facility: null,
    serviceMinutes: 45 as Minutes,
    priority: 1 + (i % 7),
    mandatory: false,
  })),
};

async function oneRun(run: number): Promise<number> {
  const db = openRoundsDb(`bench-day-action-${run}`);
  const wall = new Date(2026, 10, 23, 9, 40);
  const planning = createPlanning({ db, codec: plainCodec, newId: () => `plan_${run}`, now: () => wall, clock: () => performance.now() });
  try {
    const first = await planning.planMyDay({ day, input, now: DEFAULT_DAY_SETTINGS.shiftStart, position: null, timeLimitMs: 500 });
    if (!first.ok) throw new Error(first.code);
    const t0 = performance.now();
    const res = await planning.recordDayAction(day, { kind: 'done', stopId: first.saved.content.plan.visits[0]!.id, at: (10 * 60 + 30) as Minutes });
    const took = performance.now() - t0;
    if (!res.ok) throw new Error(res.code);
    return took;
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** Markdown lines for the routing section. */
export async function dayActionSection(): Promise<string[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await oneRun(run));
  return [
    `| event | stops | runs | median (ms) | max (ms) |`,
    '|---|---:|---:|---:|---:|',
    `| "done" at the 1st visit, 10:30 (read plan, re-plan, save) | ${input.stops.length} | ${RUNS} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`,
  ];
}
