/**
 * What happens in the van, as progress through the day: "arrived", "done", "not home" and
 * "running late" turn into a DayProgress (done visits kept as they happened, unavailable stops,
 * the current place and time) from which `replan` plans the rest of the day. Pure; the clock
 * reading comes in with each event. Owns the rules for times the person did not record:
 * planned breaks that should have started are taken, and no event goes back in time.
 */
import type { Minutes } from '../domain/ids';
import type { DayProgress } from './replan';
import type { Plan, PlannedVisit, Problem, StopId } from './types';

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

/**
 * The progress after one event. The event's time is the clock reading, but never before the
 * shift starts or the previous event, and never after the shift ends (then the rest of the
 * day is empty, which is the truth). Planned breaks that should have started by then count as
 * taken: nobody taps "lunch", and re-planning must not offer it again.
 */
export function applyDayEvent(problem: Problem, plan: Plan, progress: VanProgress, event: DayEvent): VanProgress {
  const { start: dayStart, end: dayEnd } = problem.shift;
  const t = clamp(Math.max(event.at, progress.lastEventAt), dayStart, dayEnd);
  const pending = plan.breaks.slice(progress.breaksTaken.length);
  let started = 0;
  while (started < pending.length && pending[started]!.start < t) started++;
  const breaksTaken = [...progress.breaksTaken, ...pending.slice(0, started)];
  const base = { ...progress, breaksTaken, lastEventAt: t };
  const without = (id: StopId) => progress.done.filter((v) => v.id !== id);

  switch (event.kind) {
    case 'running_late':
      return { ...base, now: clamp(Math.max(t, progress.now) + event.minutes, dayStart, dayEnd) };
    case 'arrived': {
      if (progress.done.some((v) => v.id === event.stopId)) return progress;
      const start = serviceStartAt(problem, event.stopId, t);
      const visit: PlannedVisit = { id: event.stopId, arrive: t, start: start as Minutes, depart: (start + serviceOf(problem, event.stopId)) as Minutes };
      return {
        ...base,
        done: [...progress.done, visit],
        unavailable: progress.unavailable.filter((id) => id !== event.stopId),
        arrived: event.stopId,
        at: { stopId: event.stopId },
        // Plan the rest from when this visit should end; "done" corrects it.
        now: clamp(visit.depart, dayStart, dayEnd),
      };
    }
    case 'done': {
      const under = progress.done.find((v) => v.id === event.stopId);
      if (under && progress.arrived !== event.stopId) return progress;
      const start = under ? under.start : Math.max(t - serviceOf(problem, event.stopId), progress.lastEventAt, dayStart);
      const visit: PlannedVisit = under
        ? { ...under, depart: Math.max(t, under.start) as Minutes }
        : { id: event.stopId, arrive: start as Minutes, start: start as Minutes, depart: Math.max(t, start) as Minutes };
      return {
        ...base,
        done: [...without(event.stopId), visit],
        unavailable: progress.unavailable.filter((id) => id !== event.stopId),
        arrived: null,
        at: { stopId: event.stopId },
        now: clamp(visit.depart, dayStart, dayEnd),
      };
    }
    case 'not_home':
      return {
        ...base,
        done: progress.arrived === event.stopId ? without(event.stopId) : progress.done,
        unavailable: progress.unavailable.includes(event.stopId) ? progress.unavailable : [...progress.unavailable, event.stopId],
        // Standing at this door means any visit under way elsewhere is over.
        arrived: null,
        at: { stopId: event.stopId },
        now: t,
      };
  }
}
