/**
 * Independent feasibility checker: recomputes every leg from the problem itself (not from the
 * solver's matrix or timing code) and lists what is wrong with a plan. Used by the tests and as
 * the solver's final verification. An empty list means the plan can be driven as printed.
 *
 * Rules checked, numbered so tests can quote them:
 *  [C1] every stop appears exactly once, either in visits or in skipped;
 *  [C2] depart = start + service, start >= arrive, start inside a window when the stop has any;
 *  [C3] each break starts in [earliest, latest], lasts its minutes, breaks keep their listed order
 *       and never overlap each other or a service;
 *  [C4] in each gap between services, driving fits in the time not spent on breaks and ends by
 *       the arrival (or by returnAt for the last gap); the day starts at shift start;
 *  [C5] returnAt <= shift end;
 *  [C6] totals (priority, travel) match the visits; feasible <=> every mandatory stop served;
 *  [C7] the visits of one site (a care home) follow one another: one drive in, one drive out.
 */
import { nodeTravel } from './travel';
import type { Plan, Problem } from './types';

const TOL = 1e-6;

/** Minutes of [a, b] covered by the given intervals (which do not overlap each other). */
function covered(a: number, b: number, intervals: readonly { start: number; end: number }[]): number {
  let sum = 0;
  for (const iv of intervals) sum += Math.max(0, Math.min(b, iv.end) - Math.max(a, iv.start));
  return sum;
}

export function checkPlan(problem: Problem, plan: Plan): string[] {
  const errors: string[] = [];
  const index = new Map(problem.stops.map((s, k) => [s.id as string, k]));
  const seen = new Set<string>();
  const nodes: number[] = [];
  for (const v of plan.visits) {
    const k = index.get(v.id);
    if (k === undefined) errors.push(`[C1] visit ${v.id} is not a stop of the problem`);
    else if (seen.has(v.id)) errors.push(`[C1] stop ${v.id} is visited twice`);
    else nodes.push(k + 2);
    seen.add(v.id);
  }
  for (const s of plan.skipped) {
    if (!index.has(s.id)) errors.push(`[C1] skipped ${s.id} is not a stop of the problem`);
    else if (seen.has(s.id)) errors.push(`[C1] stop ${s.id} is both skipped and visited (or skipped twice)`);
    seen.add(s.id);
  }
  for (const s of problem.stops) if (!seen.has(s.id)) errors.push(`[C1] stop ${s.id} is neither visited nor skipped`);
  if (errors.length > 0 || nodes.length !== plan.visits.length) return errors;

  plan.visits.forEach((v, i) => {
    const stop = problem.stops[nodes[i]! - 2]!;
    if (Math.abs(v.depart - v.start - stop.serviceMinutes) > TOL) errors.push(`[C2] ${v.id}: depart ${v.depart} != start ${v.start} + service ${stop.serviceMinutes}`);
    if (v.start < v.arrive - TOL) errors.push(`[C2] ${v.id}: starts at ${v.start} before arriving at ${v.arrive}`);
    if (stop.windows.length > 0 && !stop.windows.some((w) => v.start >= w.start - TOL && v.start <= w.end + TOL)) {
      errors.push(`[C2] ${v.id}: start ${v.start} is outside every window`);
    }
  });

  // A day whose breaks cannot be fitted at all is reported with no visits and no breaks.
  if (plan.reasons.some((r) => r.code === 'breaks_unschedulable')) {
    if (plan.visits.length > 0 || plan.breaks.length > 0 || plan.feasible) errors.push('[C6] an unschedulable day must be empty and infeasible');
    return errors;
  }
  if (plan.breaks.length !== problem.breaks.length) {
    errors.push(`[C3] ${plan.breaks.length} breaks planned, ${problem.breaks.length} required`);
  }
  plan.breaks.forEach((b, i) => {
    const rule = problem.breaks[i];
    if (!rule) return;
    if (b.start < rule.earliest - TOL || b.start > rule.latest + TOL) errors.push(`[C3] break ${i} starts at ${b.start}, outside [${rule.earliest}, ${rule.latest}]`);
    if (Math.abs(b.end - b.start - rule.minutes) > TOL) errors.push(`[C3] break ${i} lasts ${b.end - b.start}, not ${rule.minutes}`);
    const next = plan.breaks[i + 1];
    if (next && next.start < b.end - TOL) errors.push(`[C3] break ${i + 1} starts before break ${i} ends`);
  });

  // Gaps between services: [gapStart, gapEnd] with the leg driven in it.
  const gaps: { from: number; to: number; start: number; end: number; arrive: number; label: string }[] = [];
  let prevNode = 0;
  let prevDepart: number = problem.shift.start;
  plan.visits.forEach((v, i) => {
    gaps.push({ from: prevNode, to: nodes[i]!, start: prevDepart, end: v.start, arrive: v.arrive, label: `to ${v.id}` });
    prevNode = nodes[i]!;
    prevDepart = v.depart;
  });
  gaps.push({ from: prevNode, to: 1, start: prevDepart, end: plan.returnAt, arrive: plan.returnAt, label: 'to the end place' });

  for (const b of plan.breaks) {
    if (!gaps.some((g) => b.start >= g.start - TOL && b.end <= g.end + TOL)) errors.push(`[C3] break ${b.start}-${b.end} overlaps a service or lies outside the day`);
  }
  let travel = 0;
  for (const g of gaps) {
    const t = nodeTravel(problem, g.from, g.to);
    travel += t;
    if (g.arrive < g.start - TOL) errors.push(`[C4] ${g.label}: arrives at ${g.arrive} before leaving at ${g.start}`);
    const drivable = g.arrive - g.start - covered(g.start, g.arrive, plan.breaks);
    if (drivable < t - TOL) errors.push(`[C4] ${g.label}: ${t.toFixed(3)} min of driving does not fit in ${drivable.toFixed(3)} free minutes`);
  }
  if (plan.returnAt > problem.shift.end + TOL) errors.push(`[C5] returns at ${plan.returnAt}, after shift end ${problem.shift.end}`);

  const siteOf = (node: number): string | undefined => problem.stops[node - 2]!.site;
  const leftSites = new Set<string>();
  nodes.forEach((node, i) => {
    const site = siteOf(node);
    if (site === undefined) return;
    if (leftSites.has(site)) errors.push(`[C7] ${plan.visits[i]!.id}: site ${site} is visited in more than one block`);
    const next = nodes[i + 1];
    if (next === undefined || siteOf(next) !== site) leftSites.add(site);
  });

  const priority = nodes.reduce((sum, node) => sum + problem.stops[node - 2]!.priority, 0);
  if (Math.abs(priority - plan.totalPriority) > TOL) errors.push(`[C6] totalPriority ${plan.totalPriority} != ${priority}`);
  if (Math.abs(travel - plan.travelMinutes) > TOL * Math.max(1, travel)) errors.push(`[C6] travelMinutes ${plan.travelMinutes} != ${travel}`);
  const allMandatory = problem.stops.every((s) => !s.mandatory || plan.visits.some((v) => v.id === s.id));
  if (plan.feasible !== allMandatory) errors.push(`[C6] feasible is ${plan.feasible} but mandatory stops ${allMandatory ? 'are' : 'are not'} all served`);
  if (!plan.feasible && plan.reasons.length === 0) errors.push('[C6] an infeasible plan must give reasons');
  return errors;
}
