/**
 * The planner's entry point: compile the problem, pick the engines, keep the best route, and
 * hand back a verified Plan. Whether the exact search runs is decided from the estimated size of
 * its state space (stateSpaceLog2: windows, shift and candidates together), not from a count of
 * stops: a day of 60 booked half-hour slots is small, a day of 22 stops that fit any time is not.
 * When it runs, a short local search first gives it an incumbent to prune against; it then gets
 * the budget (all of it when the estimate is small, a share when large) and proves the optimum
 * when it finishes; otherwise the iterated local search uses what is left, and the best route
 * found by either is returned. Days with no windows and no breaks whose full tour fits (the TSP
 * case) go to the dedicated TSP engine.
 *
 * Care homes: a route the heuristics offer is gathered so each home's residents form one block
 * (sites.ts) before it can become the best; the exact search builds only such routes.
 *
 * Deterministic: the only randomness is the seeded Rng, and the clock is only consulted to stop.
 * With an iteration cap and no clock, the same seed gives the same plan.
 */
import { checkPlan } from './checkPlan';
import { solveExact, stateSpaceLog2 } from './exact';
import { iteratedLocalSearch } from './ils';
import { compileProblem, type Model } from './model';
import { compareScores, type Score } from './objective';
import { aloneFeasibility, buildPlan, unschedulablePlan } from './plan';
import { createRng } from './rng';
import { scheduleRoute } from './schedule';
import { EPS, serviceStart } from './timing';
import { gatherSites, sitesContiguous } from './sites';
import { shortestPath } from './tsp';
import type { Plan, Problem, SolveOptions } from './types';

export const DEFAULT_TIME_LIMIT_MS = 1000;
/**
 * Largest estimated state space (log2) the exact search is tried on. 2^24 covers a day of 20
 * stops that fit any time (about 2^23.3, where bound pruning still usually proves the optimum
 * within the budget) and tight-window days of 100 stops; beyond it the exact search would only
 * spend the budget the local search needs.
 */
export const DEFAULT_EXACT_MAX_LOG2_STATES = 24;
/** Above this estimate the exact search gets only a share of the budget, the local search the rest. */
const EXACT_SURE_LOG2_STATES = 20;
const EXACT_SHARE = 0.6;
/** Iteration caps used when no clock is given (a plain, reproducible call). */
const ITERATIONS_WITHOUT_CLOCK = 1500;
const EXACT_MAX_LABELS = 3_000_000;

function scoreOf(m: Model, seq: readonly number[]): Score | null {
  const tl = scheduleRoute(m, seq);
  if (!tl) return null;
  let priority = 0;
  let mandatory = 0;
  for (const j of seq) {
    priority += m.priority[j]!;
    mandatory += m.mandatory[j]!;
  }
  return { mandatory, priority, travel: tl.travel, returnAt: tl.returnAt };
}

const hasNoWindows = (m: Model, j: number): boolean => m.winOpen[j]!.length === 1 && m.winOpen[j]![0] === -Infinity && m.winClose[j]![0] === Infinity;

function mightBeServed(m: Model, j: number): boolean {
  const s = serviceStart(m, j, m.shiftStart + m.reach[j]!);
  return s + m.service[j]! + m.reach[j * m.size + 1]! <= m.shiftEnd + EPS;
}

/**
 * A feasible route to start from: the empty day, else (only on a matrix without the triangle
 * inequality, where a detour can be shorter than going home directly) the best one-stop day,
 * else whatever the exact search finds. Null when no route at all can fit the breaks.
 */
function firstRoute(m: Model, candidates: readonly number[], exact: boolean, shouldStop: () => boolean): { seq: number[]; score: Score } | null {
  const empty = scoreOf(m, []);
  if (empty) return { seq: [], score: empty };
  let best: { seq: number[]; score: Score } | null = null;
  for (const j of candidates) {
    const score = scoreOf(m, [j]);
    if (score && (!best || compareScores(score, best.score) > 0)) best = { seq: [j], score };
  }
  if (best || !exact) return best;
  const r = solveExact(m, candidates, null, { shouldStop, maxLabels: EXACT_MAX_LABELS });
  return r.seq && r.score ? { seq: r.seq, score: r.score } : null;
}

/**
 * The route with each care home in one block, scored by the exact timing DP; null when it cannot
 * be driven. A score the heuristics computed incrementally is not trusted here: with two breaks
 * whose windows overlap their O(1) checks can accept a route the DP cannot schedule, and only
 * a route the DP schedules can become a plan. Improvements are rare, so this costs little.
 */
function acceptable(m: Model, seq: readonly number[]): { seq: number[]; score: Score } | null {
  if (sitesContiguous(m, seq)) {
    const score = scoreOf(m, seq);
    return score ? { seq: [...seq], score } : null;
  }
  return gatherSites(m, seq, (s) => scoreOf(m, s));
}

export function solve(problem: Problem, options: SolveOptions = {}): Plan {
  const m = compileProblem(problem);
  const rng = createRng(options.seed ?? problem.seed ?? 1);
  const limit = options.timeLimitMs ?? problem.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const clock = options.now;
  const deadline = clock ? clock() + limit : Infinity;
  const shouldStop = (): boolean => !!options.signal?.aborted || !!options.shouldStop?.() || (clock !== undefined && clock() >= deadline);
  const maxIterations = options.maxIterations ?? (clock ? Infinity : ITERATIONS_WITHOUT_CLOCK);
  const alone = aloneFeasibility(m);
  // Stops worth considering: mandatory or worth some priority (an optional stop with priority 0
  // is never planned), and reachable in a window with time to get home. Not "servable alone":
  // on a matrix without the triangle inequality a stop may only fit via a detour.
  const candidates: number[] = [];
  for (let j = 2; j < m.size; j++) if ((m.mandatory[j] || m.priority[j]! > 0) && mightBeServed(m, j)) candidates.push(j);

  const log2States = stateSpaceLog2(m, candidates);
  const exact = log2States <= (options.exactMaxLog2States ?? DEFAULT_EXACT_MAX_LOG2_STATES);
  const start = firstRoute(m, candidates, exact, shouldStop);
  if (!start) return unschedulablePlan(problem, m);
  let best = start;
  let proven = false;
  const consider = (seq: readonly number[]): void => {
    const route = acceptable(m, seq);
    if (!route || compareScores(route.score, best.score) <= 0) return;
    best = route;
    options.onProgress?.(buildPlan(problem, m, best.seq, alone, false));
  };

  let settled = false;
  if (m.nBreaks === 0 && candidates.length > 0 && candidates.every((j) => hasNoWindows(m, j))) {
    // Every candidate fits if the shortest tour does; then only travel is left to minimise.
    const order = shortestPath(m, candidates, rng, {
      shouldStop,
      // A small day only needs a good incumbent here: the exact search proves the optimum.
      maxIterations: exact ? Math.min(maxIterations, 300) : maxIterations,
      stallIterations: Math.max(5000, 100 * candidates.length),
      onImprove: (stops) => consider(stops),
    });
    const score = scoreOf(m, order);
    if (score) {
      consider(order);
      settled = !exact;
    }
  }

  const runIls = (iterations: number, stall: number): void => {
    const r = iteratedLocalSearch(m, candidates, best.seq, rng, {
      shouldStop,
      maxIterations: iterations,
      stallIterations: stall,
      onImprove: (stops) => consider(stops),
    });
    consider(r.stops);
  };
  if (!settled && exact) {
    // The incumbent only helps the exact search prune; a small state space needs little of it.
    const warmUp = log2States <= EXACT_SURE_LOG2_STATES ? 2 * candidates.length + 20 : 20 * candidates.length + 50;
    runIls(Math.min(maxIterations, warmUp), Infinity);
    // A large estimate may not finish: stop the exact search at its share so the local search
    // keeps time to improve the incumbent.
    const share = clock && log2States > EXACT_SURE_LOG2_STATES ? clock() + EXACT_SHARE * Math.max(0, deadline - clock()) : Infinity;
    const stopExact = (): boolean => shouldStop() || (clock !== undefined && clock() >= share);
    const r = solveExact(m, candidates, best, { shouldStop: stopExact, maxLabels: EXACT_MAX_LABELS });
    if (r.seq) consider(r.seq);
    proven = r.proven;
  }
  if (!settled && !proven) runIls(maxIterations, Math.max(20000, 200 * candidates.length));

  const plan = buildPlan(problem, m, best.seq, alone, proven);
  const errors = checkPlan(problem, plan);
  if (errors.length > 0) throw new Error(`planner produced an invalid plan: ${errors.join('; ')}`);
  return plan;
}
