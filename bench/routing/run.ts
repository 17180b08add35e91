/**
 * Routing benchmark: runs the planner on the OPTW and TSPLIB instances of
 * ../shared/bench/routing (override with ROUNDS_BENCH_DATA), tight-window days of 25, 40 and 60
 * candidates (generated, and cut from the OPTW instances) against their proven optimum, a
 * 20-candidate realistic day (proof of optimum), mid-day re-planning of a 25-stop day, and "done"
 * pressed in the van through the worker's planning module with storage (dayAction.ts), and
 * returns a markdown section. `npm run bench` imports runRoutingBench() (`BENCH_ONLY=routing`
 * runs only this section); run directly it prints the section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveExact, stateSpaceLog2 } from '../../src/routing/exact';
import { compileProblem } from '../../src/routing/model';
import { replan, REPLAN_TIME_LIMIT_MS, type DayProgress } from '../../src/routing/replan';
import { solve } from '../../src/routing/solve';
import type { Minutes, Plan, Problem, StopId } from '../../src/routing/types';
import { PLAN_TIME_LIMIT_MS } from '../../src/worker/planning';
import { dayActionSection } from './dayAction';
import { readOptw, readTsplib, type BenchInstance } from './instances';
import { realisticDay } from './realisticDay';
import { cutInstance, tightDay } from './tightDay';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OPTW = ['c101', 'r101', 'rc101', 'pr01', 'c201', 'r201', 'rc201'];
const TSPLIB = ['gr17', 'eil51', 'berlin52', 'st70', 'kroA100'];
const SEEDS = [1, 2, 3];
const TIME_LIMIT_MS = 2000;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const now = (): number => performance.now();

function bestKnown(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = readFileSync(join(dir, 'best_known.csv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    // family,instance,n,"objective",value,... : the objective may hold commas inside quotes.
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    const [family, instance, , , value] = cells;
    if (!family || !instance || !value) continue;
    if (family.startsWith('OPTW') || family === 'TSPLIB') out.set(`${family.startsWith('OPTW') ? 'OPTW' : 'TSPLIB'}:${instance}`, Number(value));
  }
  return out;
}

interface Row {
  readonly name: string;
  readonly known: number;
  readonly found: number[];
  readonly ms: number[];
  readonly proven: boolean[];
}

function runInstance(inst: BenchInstance, known: number): Row {
  const found: number[] = [];
  const ms: number[] = [];
  const proven: boolean[] = [];
  for (const seed of SEEDS) {
    const t0 = now();
    const plan = solve(inst.problem, { seed, timeLimitMs: TIME_LIMIT_MS, now });
    ms.push(now() - t0);
    found.push(inst.family === 'OPTW' ? plan.totalPriority : plan.travelMinutes);
    proven.push(plan.provenOptimal);
  }
  return { name: inst.name, known, found, ms, proven };
}

/** Gap in % (positive = worse than best known) for a maximisation or minimisation value. */
const gapOf = (family: 'OPTW' | 'TSPLIB', known: number, found: number): number =>
  family === 'OPTW' ? ((known - found) / known) * 100 : ((found - known) / known) * 100;

function table(family: 'OPTW' | 'TSPLIB', rows: readonly Row[]): string[] {
  const worst = (r: Row): number => (family === 'OPTW' ? Math.min(...r.found) : Math.max(...r.found));
  const lines = [
    `| instance | best known | found (median of ${SEEDS.length} seeds) | worst | gap % (median) | gap % (worst) | median time (ms) | proven optimal |`,
    '|---|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const r of rows) {
    const med = median(r.found);
    lines.push(
      `| ${r.name} | ${r.known} | ${med} | ${worst(r)} | ${gapOf(family, r.known, med).toFixed(2)} | ${gapOf(family, r.known, worst(r)).toFixed(2)} | ${median(r.ms).toFixed(0)} | ${r.proven.every(Boolean) ? 'yes' : 'no'} |`,
    );
  }
  const avg = (f: (r: Row) => number): number => rows.reduce((s, r) => s + gapOf(family, r.known, f(r)), 0) / rows.length;
  lines.push('', `Average gap: ${avg((r) => median(r.found)).toFixed(2)} % (median runs), ${avg(worst).toFixed(2)} % (worst runs); largest gap ${Math.max(...rows.map((r) => gapOf(family, r.known, worst(r)))).toFixed(2)} %.`);
  return lines;
}

function realisticSection(): string[] {
  const lines = [
    '| day (seed) | candidates | served | total priority | proven optimal | median time (ms) |',
    '|---|---:|---:|---:|:---:|---:|',
  ];
  for (const daySeed of [1, 2, 3, 4, 5]) {
    const problem = realisticDay(20, daySeed);
    const ms: number[] = [];
    let plan: Plan | null = null;
    for (const seed of SEEDS) {
      const t0 = now();
      plan = solve(problem, { seed, timeLimitMs: 5000, now });
      ms.push(now() - t0);
    }
    lines.push(`| ${daySeed} | 20 | ${plan!.visits.length} | ${plan!.totalPriority} | ${plan!.provenOptimal ? 'yes' : 'no'} | ${median(ms).toFixed(0)} |`);
  }
  return lines;
}

/**
 * The optimum of a day proven by the exact search run alone, with no incumbent and no time
 * limit: a different path from the planner's (local search first, then the exact search under
 * the budget). The exact search itself is checked against brute force in the property tests.
 */
function provenOptimum(problem: Problem): { priority: number; proven: boolean; ms: number } {
  const m = compileProblem(problem);
  const candidates = Array.from({ length: m.n }, (_, i) => i + 2).filter((j) => m.priority[j]! > 0 || m.mandatory[j]);
  const t0 = now();
  const r = solveExact(m, candidates, null, { shouldStop: () => now() - t0 > 120_000, maxLabels: 50_000_000 });
  return { priority: r.score?.priority ?? 0, proven: r.proven, ms: now() - t0 };
}

function tightSection(dir: string): string[] {
  const days: { name: string; problem: Problem }[] = [];
  for (const n of [25, 40, 60]) for (const seed of [1, 2, 3]) days.push({ name: `generated, seed ${seed}`, problem: tightDay(n, seed) });
  for (const inst of ['r101', 'c101', 'rc101']) {
    const file = join(dir, 'optw', `${inst}.txt`);
    if (!existsSync(file)) continue;
    const full = readOptw(inst, readFileSync(file, 'utf8'));
    for (const n of [25, 40, 60]) days.push({ name: `${inst}, first ${n} customers`, problem: cutInstance(full, n) });
  }
  const lines = [
    `| day | candidates | state space (log2, estimated) | proven optimum | found (median of ${SEEDS.length} seeds) | gap % (worst) | median time (ms) | max time (ms) | proven in every run |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  days.sort((a, b) => a.problem.stops.length - b.problem.stops.length);
  for (const { name, problem } of days) {
    const optimum = provenOptimum(problem);
    const found: number[] = [];
    const ms: number[] = [];
    const proven: boolean[] = [];
    for (const seed of SEEDS) {
      const t0 = now();
      const plan = solve(problem, { seed, timeLimitMs: PLAN_TIME_LIMIT_MS, now });
      ms.push(now() - t0);
      found.push(plan.totalPriority);
      proven.push(plan.provenOptimal);
    }
    const m = compileProblem(problem);
    const log2 = stateSpaceLog2(m, Array.from({ length: m.n }, (_, i) => i + 2));
    const worstGap = ((optimum.priority - Math.min(...found)) / optimum.priority) * 100;
    lines.push(
      `| ${name} | ${problem.stops.length} | ${log2.toFixed(1)} | ${optimum.priority}${optimum.proven ? '' : ' (not proven)'} | ${median(found)} | ${worstGap.toFixed(2)} | ${median(ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${proven.every(Boolean) ? 'yes' : 'no'} |`,
    );
  }
  return lines;
}

function replanSection(): string[] {
  const lines = [
    '| day (seed) | when | done | remaining candidates | re-plan median (ms) | max (ms) | proven optimal | priority: re-plan vs. 2 s solve |',
    '|---|---|---:|---:|---:|---:|:---:|---|',
  ];
  for (const daySeed of [1, 2, 3, 4, 5]) {
    const problem = realisticDay(25, daySeed);
    const first = solve(problem, { seed: 1, timeLimitMs: 1000, now });
    // After the first visit (the most left to plan) and mid-day; the next planned stop is "not home".
    for (const [when, doneCount] of [
      ['after 1st visit', 1],
      ['mid-day', Math.floor(first.visits.length / 2)],
    ] as const) {
      const done = first.visits.slice(0, doneCount);
      const last = done[done.length - 1]!;
      const progress: DayProgress = {
        done,
        breaksTaken: first.breaks.filter((b) => b.end <= last.depart),
        unavailable: first.visits.slice(doneCount, doneCount + 1).map((v) => v.id as StopId),
        now: last.depart as Minutes,
        at: { stopId: last.id },
      };
      const ms: number[] = [];
      let plan: Plan | null = null;
      for (let run = 0; run < 5; run++) {
        const t0 = now();
        plan = replan(problem, progress, { seed: run + 1, now });
        ms.push(now() - t0);
      }
      const slow = replan(problem, progress, { seed: 1, now, timeLimitMs: 2000 });
      const remaining = problem.stops.length - done.length - 1;
      lines.push(
        `| ${daySeed} | ${when} | ${done.length} | ${remaining} | ${median(ms).toFixed(1)} | ${Math.max(...ms).toFixed(1)} | ${plan!.provenOptimal ? 'yes' : 'no'} | ${plan!.totalPriority} vs ${slow.totalPriority} |`,
      );
    }
  }
  return lines;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export async function runRoutingBench(): Promise<string> {
  const dir = process.env.ROUNDS_BENCH_DATA ?? resolve(REPO, '../shared/bench/routing');
  const out: string[] = ['## Routing (day planner)', ''];
  out.push(`Machine: ${machine()}. Timings are wall-clock on a machine shared with other work, so they are noisy; each instance gets a ${TIME_LIMIT_MS} ms limit and the solver stops early when it proves optimality or stalls.`, '');
  if (!existsSync(dir)) {
    out.push(`Benchmark data folder ${dir} not found (set ROUNDS_BENCH_DATA): OPTW and TSPLIB instances skipped.`, '');
  } else {
    const known = bestKnown(dir);
    const optw = OPTW.filter((n) => existsSync(join(dir, 'optw', `${n}.txt`))).map((n) =>
      runInstance(readOptw(n, readFileSync(join(dir, 'optw', `${n}.txt`), 'utf8')), known.get(`OPTW:${n}`) ?? NaN),
    );
    const tsp = TSPLIB.filter((n) => existsSync(join(dir, 'tsplib', `${n}.tsp`))).map((n) =>
      runInstance(readTsplib(n, readFileSync(join(dir, 'tsplib', `${n}.tsp`), 'utf8')), known.get(`TSPLIB:${n}`) ?? NaN),
    );
    out.push('### OPTW (one route, windows, maximise total score)', '', ...table('OPTW', optw), '');
    out.push('### TSPLIB (visit all, minimise length)', '', ...table('TSPLIB', tsp), '');
  }
  out.push(
    `### Tight-window days: booked slots of 15-30 minutes (budget ${PLAN_TIME_LIMIT_MS} ms, as in the app)`,
    '',
    'Generated days around Boston (visits booked to a 15-30 minute slot for the start of service, a lunch break) and the first 25/40/60 customers of the OPTW instances. "Proven optimum" comes from the exact search run alone without a time limit; "found" is the planner as the app runs it.',
    '',
    ...tightSection(dir),
    '',
  );
  out.push('### Realistic day: 20 candidates around Boston, windows, lunch, mixed priorities', '', ...realisticSection(), '');
  out.push(`### Re-planning a 25-stop day (budget ${REPLAN_TIME_LIMIT_MS} ms; the next planned stop is "not home")`, '', ...replanSection(), '');
  out.push('### "Done" in the van: re-plan and save through the worker\'s planning module (fake-indexeddb in Node)', '', ...(await dayActionSection()), '');
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await runRoutingBench());
}
