/**
 * Turns a route (order of stop nodes) into the Plan the caller sees: times, breaks, skipped
 * stops with their reason, totals, and the reasons a day is infeasible. Knows the meaning of
 * each skip reason and infeasibility code; does no searching.
 */
import type { Minutes } from '../domain/ids';
import type { Model } from './model';
import { scheduleRoute } from './schedule';
import type { Infeasibility, Plan, Problem, SkipReason, SkippedStop, StopId } from './types';

const asMinutes = (x: number): Minutes => x as Minutes;
const hasWindows = (m: Model, j: number): boolean => !(m.winOpen[j]!.length === 1 && m.winOpen[j]![0] === -Infinity && m.winClose[j]![0] === Infinity);

/** For each node, whether a route serving only that stop is feasible (breaks included). */
export function aloneFeasibility(m: Model): Uint8Array {
  const alone = new Uint8Array(m.size);
  for (let j = 2; j < m.size; j++) alone[j] = scheduleRoute(m, [j]) ? 1 : 0;
  return alone;
}

function skipReason(m: Model, node: number, alone: Uint8Array): SkipReason {
  if (!alone[node]) return hasWindows(m, node) ? 'window_unreachable' : 'outside_shift';
  if (m.mandatory[node]) return 'not_enough_time';
  return m.priority[node]! > 0 ? 'lower_priority' : 'no_priority';
}

/** Plan for `seq`, which must be feasible (a schedule exists). */
export function buildPlan(problem: Problem, m: Model, seq: readonly number[], alone: Uint8Array, provenOptimal: boolean): Plan {
  const tl = scheduleRoute(m, seq);
  if (!tl) throw new Error('buildPlan was given an infeasible route');
  const id = (node: number): StopId => problem.stops[node - 2]!.id;
  const served = new Set(seq);
  const skipped: SkippedStop[] = [];
  for (let j = 2; j < m.size; j++) if (!served.has(j)) skipped.push({ id: id(j), reason: skipReason(m, j, alone) });

  const reasons: Infeasibility[] = [];
  const unreachable = skipped.filter((s) => (s.reason === 'window_unreachable' || s.reason === 'outside_shift') && m.mandatory[problem.stops.findIndex((x) => x.id === s.id) + 2]);
  if (unreachable.length > 0) {
    reasons.push({
      code: 'mandatory_unreachable',
      ids: unreachable.map((s) => s.id),
      message: `mandatory ${unreachable.map((s) => s.id).join(', ')} cannot be served in ${unreachable.length > 1 ? 'their windows' : 'its windows'} within the shift even as the only visit of the day`,
    });
  }
  const conflict = skipped.filter((s) => s.reason === 'not_enough_time');
  if (conflict.length > 0) {
    const servedMandatory = seq.filter((j) => m.mandatory[j]).length;
    reasons.push({
      code: 'mandatory_conflict',
      ids: conflict.map((s) => s.id),
      message: `mandatory stops cannot all fit in the shift together: ${conflict.map((s) => s.id).join(', ')} left out; the plan serves ${servedMandatory} of ${m.mandatoryCount} mandatory stops`,
    });
  }
  return {
    feasible: reasons.length === 0,
    visits: tl.seq.map((node, i) => ({ id: id(node), arrive: asMinutes(tl.arrive[i]!), start: asMinutes(tl.start[i]!), depart: asMinutes(tl.depart[i]!) })),
    breaks: tl.breakStarts.map((s, b) => ({ start: asMinutes(s), end: asMinutes(s + m.brMinutes[b]!) })),
    skipped,
    totalPriority: seq.reduce((sum, j) => sum + m.priority[j]!, 0),
    travelMinutes: asMinutes(tl.travel),
    returnAt: asMinutes(tl.returnAt),
    reasons,
    provenOptimal,
  };
}

/** The plan when not even an empty day works: the breaks cannot be fitted between start and end. */
export function unschedulablePlan(problem: Problem, m: Model): Plan {
  const travel = m.travel[0 * m.size + 1]!;
  return {
    feasible: false,
    visits: [],
    breaks: [],
    skipped: problem.stops.map((s) => ({ id: s.id, reason: 'window_unreachable' as const })),
    totalPriority: 0,
    travelMinutes: asMinutes(travel),
    returnAt: asMinutes(m.shiftStart + travel),
    reasons: [
      {
        code: 'breaks_unschedulable',
        ids: [],
        message: 'the shift is too short for the breaks and the drive from start to end, even with no visits',
      },
    ],
    provenOptimal: true,
  };
}
