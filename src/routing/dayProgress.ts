/**
 * What happens in the van, as progress through the day: "arrived", "done", "not home" and
 * "running late" turn into a DayProgress (done visits kept as they happened, unavailable stops,
 * the current place and time) from which `replan` plans the rest of the day. Pure; the clock
 * reading comes in with each event. Owns the rules for times the person did not record:
 * planned breaks that should have started are taken when the person was free for them, a visit
 * under way ends when the van is somewhere else, and no event goes back in time.
 *
 * Invariants of the recorded day (the plan screen's timeline relies on them):
 *  [R1] done visits are in time order and never overlap: each starts after the one before left;
 *  [R2] a taken break overlaps no recorded service and no recorded arrival falls inside it;
 *  [R3] `now` is never before the end of a taken break nor the departure of a recorded visit.
 */
import type { Minutes } from '../domain/ids';
import type { DayProgress } from './replan';
import type { Plan, PlannedBreak, PlannedVisit, Problem, StopId } from './types';

export interface VanProgress extends DayProgress {
  /** The visit under way ("arrived", not yet "done"); it is the last of `done`. */
  readonly arrived: StopId | null;
  /** Clock time of the last event: later events are never earlier than this. */
  readonly lastEventAt: Minutes;
}

export type DayEvent =
  | { readonly kind: 'arrived'; readonly stopId: StopId; readonly at: Minutes }
  | { readonly kind: 'done'; readonly stopId: StopId; readonly at: Minutes }
  | { readonly kind: 'not_home'; readonly stopId: StopId; readonly at: Minutes }
  | { readonly kind: 'running_late'; readonly minutes: Minutes; readonly at: Minutes };
export type DayEventKind = DayEvent['kind'];

/** "Running late" pushes the rest of the day back by this much per press. */
export const RUNNING_LATE_MINUTES = 15 as Minutes;

export function startProgress(problem: Problem): VanProgress {
  return { done: [], breaksTaken: [], unavailable: [], now: problem.shift.start, at: 'start', arrived: null, lastEventAt: problem.shift.start };
}

const clamp = (t: number, lo: number, hi: number): Minutes => Math.min(hi, Math.max(lo, t)) as Minutes;

/** When service can start at a stop reached at `t`: inside the first window still open. */
function serviceStartAt(problem: Problem, id: StopId, t: number): number {
  const stop = problem.stops.find((s) => s.id === id);
  if (!stop) throw new Error(`unknown stop ${id}`);
  if (stop.windows.length === 0) return t;
  const w = stop.windows.find((win) => win.end >= t);
  return w ? Math.max(t, w.start) : t;
}

function serviceOf(problem: Problem, id: StopId): number {
  const stop = problem.stops.find((s) => s.id === id);
  if (!stop) throw new Error(`unknown stop ${id}`);
  return stop.serviceMinutes;
}

/** A break [start, end] the record leaves room for: clear of every service and every arrival (R2). */
function fitsRecord(b: PlannedBreak, done: readonly PlannedVisit[]): boolean {
  return done.every((v) => !(b.start < v.depart && b.end > v.start) && !(b.start < v.arrive && b.end > v.arrive));
}

/**
 * Planned breaks that should have started by `t` and that the record leaves room for count as
 * taken, in order. A break the person could not have taken as planned (a visit ran through it,
 * or they were arriving somewhere in the middle of it) is NOT recorded at a guessed time: it
 * stays to come, so re-planning offers it again while its latest start allows, and drops it as
 * missed after that. Guessing where lunch "really" happened would put a lunch on the screen
 * that the person never had; planning it again is what helps them. A break still under way at
 * `t` (it ends after t) is taken only if the record has room for all of it, and then the rest
 * of the day starts after it (R3).
 */
function takeBreaks(plan: Plan, progress: VanProgress, done: readonly PlannedVisit[], underway: StopId | null, t: number, arrivedAt: number | null): PlannedBreak[] {
  const pending = plan.breaks.slice(progress.breaksTaken.length);
  const taken = [...progress.breaksTaken];
  // A visit under way keeps the person busy until at least now (its planned end is a forecast),
  // and where the van is at `t` (not home) is an arrival too.
  const busy = done.map((v) => (v.id === underway ? { ...v, depart: Math.max(v.depart, t) as Minutes } : v));
  const record = arrivedAt === null ? busy : [...busy, { id: '' as StopId, arrive: arrivedAt as Minutes, start: arrivedAt as Minutes, depart: arrivedAt as Minutes }];
  for (const b of pending) {
    if (!(b.start < t) || !fitsRecord(b, record)) break;
    taken.push(b);
  }
  return taken;
}

/** A visit under way ends when the van is recorded anywhere else at `t` (R1). */
function closeUnderway(progress: VanProgress, t: number): readonly PlannedVisit[] {
  const under = progress.arrived;
  return progress.done.map((v) => {
    if (v.id !== under) return v;
    const start = Math.min(v.start, t) as Minutes;
    return { ...v, start, depart: Math.max(start, Math.min(v.depart, t)) as Minutes };
  });
}

/**
 * The progress after one event. The event's time is the clock reading, but never before the
 * shift starts, the previous event or the end of a taken break, and never after the shift ends
 * (then the rest of the day is empty, which is the truth). Planned breaks that should have started by then count as
 * taken when the person was free for them (takeBreaks): nobody taps "lunch", and re-planning
 * must not offer it again.
 */
export function applyDayEvent(problem: Problem, plan: Plan, progress: VanProgress, event: DayEvent): VanProgress {
  const { start: dayStart, end: dayEnd } = problem.shift;
  // A taken break ends when it ends: an event during it is recorded at its end, like an event
  // before the previous one (so no arrival falls inside a taken break, R2).
  const lastBreakEnd = progress.breaksTaken.reduce<number>((latest, b) => Math.max(latest, b.end), -Infinity);
  const t = clamp(Math.max(event.at, progress.lastEventAt, lastBreakEnd), dayStart, dayEnd);
  const afterBreaks = (p: VanProgress, arrivedAt: number | null): VanProgress => {
    const breaksTaken = takeBreaks(plan, progress, p.done, p.arrived, t, arrivedAt);
    const lastEnd = breaksTaken.length > progress.breaksTaken.length ? breaksTaken[breaksTaken.length - 1]!.end : -Infinity;
    // R3 may put `now` past the shift's end (a visit under way that runs over): the rest of the
    // day is then empty and its return late, which is the truth; the plan never leaves before it.
    const busyUntil = Math.max(lastEnd, ...p.done.map((v) => v.depart));
    return { ...p, breaksTaken, lastEventAt: t, now: Math.max(p.now, busyUntil) as Minutes };
  };
  // "Running late" says nothing about where the van is; any other event at another stop does.
  const elsewhere = event.kind !== 'running_late' && progress.arrived !== null && progress.arrived !== event.stopId;
  const base: VanProgress = elsewhere ? { ...progress, done: closeUnderway(progress, t), arrived: null } : progress;
  const without = (id: StopId) => base.done.filter((v) => v.id !== id);

  switch (event.kind) {
    case 'running_late':
      return afterBreaks({ ...base, now: clamp(Math.max(t, progress.now) + event.minutes, dayStart, dayEnd) }, null);
    case 'arrived': {
      if (progress.done.some((v) => v.id === event.stopId)) return progress;
      const start = serviceStartAt(problem, event.stopId, t);
      const visit: PlannedVisit = { id: event.stopId, arrive: t, start: start as Minutes, depart: (start + serviceOf(problem, event.stopId)) as Minutes };
      return afterBreaks(
        {
          ...base,
          done: [...base.done, visit],
          unavailable: progress.unavailable.filter((id) => id !== event.stopId),
          arrived: event.stopId,
          at: { stopId: event.stopId },
          // Plan the rest from when this visit should end; "done" corrects it.
          now: clamp(visit.depart, dayStart, dayEnd),
        },
        null,
      );
    }
    case 'done': {
      const under = progress.done.find((v) => v.id === event.stopId);
      if (under && progress.arrived !== event.stopId) return progress;
      const lastLeft = base.done.reduce<number>((latest, v) => Math.max(latest, v.depart), dayStart);
      // Without "arrived", the visit is taken to have lasted its service time, but it cannot have
      // started before the last event, the last departure or the end of a taken break.
      const start = under ? under.start : Math.max(t - serviceOf(problem, event.stopId), progress.lastEventAt, lastLeft, lastBreakEnd, dayStart);
      const visit: PlannedVisit = under
        ? // Done before service was due to start (a window not yet open) still ends the visit now (R1).
          { ...under, start: Math.min(under.start, t) as Minutes, depart: t }
        : { id: event.stopId, arrive: start as Minutes, start: start as Minutes, depart: Math.max(t, start) as Minutes };
      return afterBreaks(
        {
          ...base,
          done: [...without(event.stopId), visit],
          unavailable: progress.unavailable.filter((id) => id !== event.stopId),
          arrived: null,
          at: { stopId: event.stopId },
          now: clamp(visit.depart, dayStart, dayEnd),
        },
        null,
      );
    }
    case 'not_home':
      return afterBreaks(
        {
          ...base,
          done: progress.arrived === event.stopId ? without(event.stopId) : base.done,
          unavailable: progress.unavailable.includes(event.stopId) ? progress.unavailable : [...progress.unavailable, event.stopId],
          // Standing at this door means any visit under way elsewhere is over.
          arrived: null,
          at: { stopId: event.stopId },
          now: t,
        },
        t,
      );
  }
}
