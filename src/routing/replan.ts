/**
 * Re-planning in the van: keep what is done, drop what became impossible, and plan the rest of
 * the day from where the specialist is now. The remaining day is an ordinary Problem (current
 * place and time as the new start, unvisited stops, breaks not yet taken), so the same solver
 * and the same checker apply. Owns the mapping between the two problems; no clock, no I/O.
 */
import type { Minutes } from '../domain/ids';
import { nodeTravel, placeTravel } from './travel';
import { solve } from './solve';
import type { Place, Plan, PlannedBreak, PlannedVisit, Problem, SolveOptions, StopId } from './types';

export interface DayProgress {
  /** Visits already made, in the order they happened, with their real times. */
  readonly done: readonly PlannedVisit[];
  /** Breaks already taken: the first `taken.length` breaks of the problem, in order. */
  readonly breaksTaken: readonly PlannedBreak[];
  /** Stops taken out of today (not home, cancelled). */
  readonly unavailable: readonly StopId[];
  /** Current time; the rest of the day starts here. */
  readonly now: Minutes;
  /** Where the specialist is: at a stop (required with matrix travel), the start place, or a place. */
  readonly at: { readonly stopId: StopId } | { readonly place: Place } | 'start';
}

/** Re-planning budget: the van needs an answer fast. */
export const REPLAN_TIME_LIMIT_MS = 80;

/**
 * The rest of the day as a Problem, plus the original node of each of its stops. Breaks whose
 * latest start has passed are dropped (they can no longer be taken); their earliest start is
 * moved to now if it has passed.
 */
export function remainingProblem(problem: Problem, progress: DayProgress): { problem: Problem; originalNode: number[] } {
  const gone = new Set<string>([...progress.done.map((v) => v.id), ...progress.unavailable]);
  const kept = problem.stops.map((s, k) => ({ s, node: k + 2 })).filter(({ s }) => !gone.has(s.id));
  const index = new Map(problem.stops.map((s, k) => [s.id as string, k + 2]));
  const at = progress.at;
  let startNode = -1;
  let startPlace: Place;
  if (at === 'start') {
    startNode = 0;
    startPlace = problem.start;
  } else if ('stopId' in at) {
    const node = index.get(at.stopId);
    if (node === undefined) throw new Error(`progress.at: unknown stop ${at.stopId}`);
    startNode = node;
    startPlace = problem.stops[node - 2]!.at;
  } else {
    if (problem.travel.kind === 'matrix') throw new Error('progress.at must name a stop (or "start") with matrix travel');
    startPlace = at.place;
  }
  const now = progress.now;
  const breaks = problem.breaks
    .slice(progress.breaksTaken.length)
    .filter((b) => b.latest >= now)
    .map((b) => ({ ...b, earliest: (b.earliest < now ? now : b.earliest) as Minutes }));
  const t = problem.travel;
  const travel =
    t.kind === 'matrix'
      ? { kind: 'matrix' as const, minutes: [startNode, 1, ...kept.map((k) => k.node)].map((i) => [startNode, 1, ...kept.map((k) => k.node)].map((j) => nodeTravel(problem, i, j))) }
      : t;
  const sub: Problem = {
    start: startPlace,
    end: problem.end,
    shift: { start: now, end: problem.shift.end },
    travel,
    breaks,
    stops: kept.map((k) => k.s),
  };
  return { problem: sub, originalNode: kept.map((k) => k.node) };
}

/** Minutes driven before now: start -> done visits -> current place. */
function drivenSoFar(problem: Problem, progress: DayProgress): number {
  const index = new Map(problem.stops.map((s, k) => [s.id as string, k + 2]));
  let prev = 0;
  let sum = 0;
  for (const v of progress.done) {
    const node = index.get(v.id);
    if (node === undefined) throw new Error(`progress.done: unknown stop ${v.id}`);
    sum += nodeTravel(problem, prev, node);
    prev = node;
  }
  const at = progress.at;
  if (at === 'start') return sum + nodeTravel(problem, prev, 0);
  if ('stopId' in at) return sum + nodeTravel(problem, prev, index.get(at.stopId)!);
  if (problem.travel.kind === 'matrix') return sum;
  const from = prev === 0 ? problem.start : problem.stops[prev - 2]!.at;
  return sum + placeTravel(problem.travel, from, at.place);
}

/**
 * Plan the rest of the day. The returned plan lists the done visits and taken breaks first, as
 * they happened, then the new ones; totals cover the whole day.
 */
export function replan(problem: Problem, progress: DayProgress, options: SolveOptions = {}): Plan {
  const { problem: rest } = remainingProblem(problem, progress);
  const plan = solve(rest, { timeLimitMs: REPLAN_TIME_LIMIT_MS, ...options });
  const byId = new Map(problem.stops.map((s) => [s.id as string, s]));
  const donePriority = progress.done.reduce((sum, v) => sum + (byId.get(v.id)?.priority ?? 0), 0);
  const unavailable = new Set<string>(progress.unavailable);
  return {
    ...plan,
    visits: [...progress.done, ...plan.visits],
    breaks: [...progress.breaksTaken, ...plan.breaks],
    skipped: [...plan.skipped, ...problem.stops.filter((s) => unavailable.has(s.id)).map((s) => ({ id: s.id, reason: 'unavailable' as const }))],
    totalPriority: donePriority + plan.totalPriority,
    travelMinutes: (drivenSoFar(problem, progress) + plan.travelMinutes) as Minutes,
  };
}
