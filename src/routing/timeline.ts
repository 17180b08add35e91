/**
 * The day as the plan screen shows it, entry by entry: drives (leave, minutes, arrive, from
 * where), breaks (before leaving, on the way, at a stop, at the end), waits, visits grouped into
 * stops (residents of one care home form one stop), and the time back. The screen renders these
 * one-to-one and does no time arithmetic of its own. Pure; knows the solver's gap rule (checkPlan
 * C4, timing.ts): in each gap between services the van leaves as soon as it can, drives as early
 * as possible, pulls over for a break that is due, and waits at the next stop for what is left.
 *
 * Invariants (tests/property/planTimeline.property.test.ts checks them on solved and re-planned
 * days):
 *  [T1] entries are in time order: reading every time shown from top to bottom (a drive's leave,
 *       its breaks on the way, its arrive; a stop's waits, breaks and visits; the time back)
 *       never goes backwards, so a break always lies between the leave before it and the arrive
 *       after it;
 *  [T2] drive minutes + minutes of breaks on the way <= arrive - leave; on planned legs it is
 *       equal (the drive shown is the leg of legMinutes); on legs already driven it is capped,
 *       because the van may have been faster than the estimate;
 *  [T3] at a stop, waits + breaks there = start - arrive (waits under a minute are not shown);
 *  [T4] visits keep the plan's times exactly; the time back is plan.returnAt;
 *  [T5] a break that fits no gap of the recorded day (a saved day from before dayProgress R2,
 *       when a lunch could be recorded over a visit) is left out rather than shown where it
 *       contradicts the times around it.
 */
import type { Minutes } from '../domain/ids';
import type { DayProgress } from './replan';
import type { Plan, PlannedBreak, Problem, Stop, StopId } from './types';

/** A visit or the return this close to its deadline (or past it) is a late risk. */
export const LATE_RISK_MINUTES = 15;
/** Waits shorter than this are not worth a line. */
export const SHOWN_WAIT_MINUTES = 1;
const EPS = 1e-6;

export type DriveFrom = 'start' | 'previous' | 'here';
export type BreakWhere = 'before_leaving' | 'on_the_way' | 'at_stop' | 'at_end';
export type VisitState = 'planned' | 'underway' | 'done';

export interface TimelineBreak {
  readonly kind: 'break';
  readonly start: Minutes;
  readonly end: Minutes;
  readonly where: BreakWhere;
}

export interface TimelineWait {
  readonly kind: 'wait';
  readonly start: Minutes;
  readonly end: Minutes;
  readonly stopId: StopId;
}

/** Service must start by `latestStart` (the window's end), so the visit ends by `closes`. */
export interface VisitLateRisk {
  readonly latestStart: Minutes;
  readonly closes: Minutes;
}

export interface TimelineVisit {
  readonly kind: 'visit';
  readonly stopId: StopId;
  readonly arrive: Minutes;
  readonly start: Minutes;
  readonly leave: Minutes;
  readonly serviceMinutes: Minutes;
  readonly state: VisitState;
  /** Only for visits still to come. */
  readonly lateRisk: VisitLateRisk | null;
}

export interface TimelineDrive {
  readonly kind: 'drive';
  /** 'here': from where the specialist is after a re-plan (for example a door where nobody was home). */
  readonly from: DriveFrom;
  /** The stop driven to, or null for the drive back at the end of the day. */
  readonly to: StopId | null;
  readonly leave: Minutes;
  readonly minutes: Minutes;
  readonly arrive: Minutes;
  /** Breaks taken pulled over between leaving and arriving, in order. */
  readonly breaksOnTheWay: readonly TimelineBreak[];
  /** Already driven (the visit it leads to is done or under way). */
  readonly past: boolean;
}

export interface TimelineStop {
  readonly kind: 'stop';
  /** The care home the residents share, or null for one patient's home. */
  readonly site: string | null;
  readonly arrive: Minutes;
  readonly leave: Minutes;
  /** Waits, breaks at the stop and visits, in time order. */
  readonly items: readonly (TimelineWait | TimelineBreak | TimelineVisit)[];
}

export interface TimelineBack {
  readonly kind: 'back';
  readonly at: Minutes;
  readonly shiftEnd: Minutes;
  /** Back within LATE_RISK_MINUTES of the shift's end, or after it. */
  readonly lateRisk: boolean;
}

export type TimelineEntry = TimelineBreak | TimelineDrive | TimelineStop | TimelineBack;

const min = (x: number): Minutes => x as Minutes;

function lateRiskOf(stop: Stop, start: number): VisitLateRisk | null {
  const w = stop.windows.find((x) => start >= x.start - EPS && start <= x.end + EPS);
  if (!w || w.end - start > LATE_RISK_MINUTES) return null;
  return { latestStart: w.end, closes: min(w.end + stop.serviceMinutes) };
}

/** Waits and breaks between arriving and starting service, in order (T3). */
function atStop(arrive: number, start: number, breaks: readonly PlannedBreak[], stopId: StopId): (TimelineWait | TimelineBreak)[] {
  const out: (TimelineWait | TimelineBreak)[] = [];
  let c = arrive;
  const wait = (to: number) => {
    if (to - c >= SHOWN_WAIT_MINUTES - EPS) out.push({ kind: 'wait', start: min(c), end: min(to), stopId });
  };
  for (const b of breaks) {
    wait(b.start);
    out.push({ kind: 'break', start: b.start, end: b.end, where: 'at_stop' });
    c = b.end;
  }
  wait(start);
  return out;
}

/**
 * The day of `plan` as entries. `progress` is the van's record the plan was made from (its done
 * visits are the plan's first visits), `legs` the driving minutes of legMinutes(problem, plan,
 * progress): one per visit, then the drive back.
 */
export function dayTimeline(
  problem: Problem,
  plan: Plan,
  progress: Pick<DayProgress, 'done' | 'now' | 'at'> & { readonly arrived?: StopId | null },
  legs: readonly number[],
): TimelineEntry[] {
  const stopOf = new Map(problem.stops.map((s) => [s.id as string, s]));
  const visits = plan.visits;
  const n = visits.length;
  const resumeAt = Math.min(progress.done.length, n);
  const doneIds = new Set<string>(progress.done.map((v) => v.id));
  const gapStart = (k: number): number => (k === 0 ? problem.shift.start : visits[k - 1]!.depart);
  const gapEnd = (k: number): number => (k < n ? visits[k]!.start : Math.max(plan.returnAt, gapStart(k)));

  // Each break goes to the gap that holds it, never across an arrival (T5).
  const inGap: PlannedBreak[][] = Array.from({ length: n + 1 }, () => []);
  for (const b of plan.breaks) {
    const k = inGap.findIndex((_, g) => {
      if (b.start < gapStart(g) - EPS || b.end > gapEnd(g) + EPS) return false;
      const arrive = g < n ? visits[g]!.arrive : null;
      return arrive === null || !(b.start < arrive - EPS && b.end > arrive + EPS);
    });
    if (k >= 0) inGap[k]!.push(b);
  }
  for (const list of inGap) list.sort((a, b) => a.start - b.start);

  const entries: TimelineEntry[] = [];
  let group: { site: string | null; arrive: number; items: (TimelineWait | TimelineBreak | TimelineVisit)[] } | null = null;
  const closeGroup = () => {
    if (!group) return;
    const last = group.items[group.items.length - 1] as TimelineVisit;
    entries.push({ kind: 'stop', site: group.site, arrive: min(group.arrive), leave: last.leave, items: group.items });
    group = null;
  };

  for (let k = 0; k <= n; k++) {
    const breaks = inGap[k]!;
    const leg = legs[k] ?? 0;
    const visit = k < n ? visits[k]! : null;
    const stop = visit ? stopOf.get(visit.id) : undefined;
    if (visit && !stop) throw new Error(`plan visits ${visit.id}, which the problem does not have`);
    const prevStop = k > 0 ? stopOf.get(visits[k - 1]!.id) : undefined;
    const sameSite = !!stop?.site && stop.site === prevStop?.site && leg <= EPS && group !== null;

    // Breaks before leaving: on a resumed leg, those already behind `now`; then any due at once.
    let cursor = gapStart(k);
    let i = 0;
    const before: PlannedBreak[] = [];
    if (k === resumeAt) {
      while (i < breaks.length && breaks[i]!.start < progress.now - EPS) before.push(breaks[i++]!);
      cursor = Math.max(cursor, progress.now, ...before.map((b) => b.end));
    }
    while (i < breaks.length && breaks[i]!.start <= cursor + EPS && (!visit || breaks[i]!.end <= visit.arrive + EPS)) {
      before.push(breaks[i]!);
      cursor = Math.max(cursor, breaks[i++]!.end);
    }
    const leave = cursor;
    const rest = breaks.slice(i);

    // Driving ends at the visit's arrival; for the drive back, as the solver drives it.
    let arrive: number;
    let onWay: PlannedBreak[];
    if (visit) {
      arrive = Math.max(visit.arrive, leave);
      onWay = rest.filter((b) => b.start < arrive - EPS);
    } else {
      let c = leave;
      let left = leg;
      onWay = [];
      for (const b of rest) {
        if (c + left <= b.start + EPS) break;
        left -= Math.max(0, b.start - c);
        c = Math.max(c, b.end);
        onWay.push(b);
      }
      arrive = c + left;
    }
    const later = rest.slice(onWay.length);
    const breakMinutes = onWay.reduce((s, b) => s + (b.end - b.start), 0);
    const minutes = Math.min(leg, Math.max(0, arrive - leave - breakMinutes));

    if (visit && stop && sameSite) {
      // Another resident of the same care home: no drive, everything happens there.
      const g = group!;
      for (const b of [...before, ...onWay]) g.items.push({ kind: 'break', start: b.start, end: b.end, where: 'at_stop' });
      g.items.push(...atStop(arrive, visit.start, later, visit.id));
    } else {
      closeGroup();
      for (const b of before) entries.push({ kind: 'break', start: b.start, end: b.end, where: 'before_leaving' });
      const from: DriveFrom = k === resumeAt ? resumedFrom(progress.at, k > 0 ? visits[k - 1]!.id : null) : k === 0 ? 'start' : 'previous';
      entries.push({
        kind: 'drive',
        from,
        to: visit ? visit.id : null,
        leave: min(leave),
        minutes: min(minutes),
        arrive: min(arrive),
        breaksOnTheWay: onWay.map((b) => ({ kind: 'break', start: b.start, end: b.end, where: 'on_the_way' })),
        past: k < resumeAt,
      });
      if (visit && stop) group = { site: stop.site ?? null, arrive, items: atStop(arrive, visit.start, later, visit.id) };
      else for (const b of later) entries.push({ kind: 'break', start: b.start, end: b.end, where: 'at_end' });
    }
    if (visit && stop) {
      const state: VisitState = progress.arrived === visit.id ? 'underway' : doneIds.has(visit.id) ? 'done' : 'planned';
      group!.items.push({
        kind: 'visit',
        stopId: visit.id,
        arrive: visit.arrive,
        start: visit.start,
        leave: visit.depart,
        serviceMinutes: stop.serviceMinutes,
        state,
        lateRisk: state === 'planned' ? lateRiskOf(stop, visit.start) : null,
      });
    }
    if (k === n - 1 || !visit) closeGroup();
  }
  entries.push({ kind: 'back', at: plan.returnAt, shiftEnd: problem.shift.end, lateRisk: problem.shift.end - plan.returnAt <= LATE_RISK_MINUTES });
  return entries;
}

/** Where the first drive after a re-plan starts. */
function resumedFrom(at: DayProgress['at'], previous: StopId | null): DriveFrom {
  if (at === 'start') return previous === null ? 'start' : 'previous';
  if ('stopId' in at) return at.stopId === previous ? 'previous' : 'here';
  return 'here';
}

/**
 * The break rules the plan no longer holds a break for: dropped by re-planning because their
 * latest start passed before the person was free (dayProgress.ts). The screen says so rather
 * than let lunch vanish unexplained.
 */
export function missedBreaks(problem: Pick<Problem, 'breaks'>, plan: Pick<Plan, 'breaks'>): Problem['breaks'] {
  const keeps = (rule: Problem['breaks'][number], b: PlannedBreak): boolean =>
    Math.abs(b.end - b.start - rule.minutes) < EPS && b.start >= rule.earliest - EPS && b.start <= rule.latest + EPS;
  return problem.breaks.filter((rule) => !plan.breaks.some((b) => keeps(rule, b)));
}

/**
 * A stop's hours as a person reads them: each window of service starts, closing when the last
 * visit that may start in it ends (start-of-service windows close `service` minutes early, see
 * dayProblem.facilityWindows). Empty for a stop that has no windows.
 */
export function visitingHours(stop: Pick<Stop, 'windows' | 'serviceMinutes'>): { readonly open: Minutes; readonly close: Minutes }[] {
  return stop.windows.map((w) => ({ open: w.start, close: min(w.end + stop.serviceMinutes) }));
}
