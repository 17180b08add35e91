/**
 * From a person's choices on the Today screen to a planner Problem: the picked patients (with
 * their priority, mandatory flag and care home), the shift, lunch, and where the day starts and
 * ends (office or home). Owns the app's day conventions: minutes since local midnight, service
 * times by kind of visit, care homes' visiting hours as time windows, and the offline travel
 * model. The settings and their defaults are domain data (src/domain/daySettings.ts). Pure;
 * expected input problems come back as values with a closed set of codes.
 */
import type { DaySettings, PlaceChoice } from '../domain/daySettings';
import { SERVICE_MINUTES } from '../domain/daySettings';
import type { Facility } from '../domain/facility';
import { visitingHoursOn } from '../domain/facility';
import type { LatLng, Minutes, PatientId } from '../domain/ids';
import type { DayProgress } from './replan';
import { nodeTravel } from './travel';
import type { BreakRule, Plan, Problem, Stop, StopId, TimeWindow, TravelModel } from './types';

const m = (n: number) => n as Minutes;

/** Offline travel: straight-line distance x 1.3 for the road network, at 35 km/h in town. */
export const DAY_TRAVEL: TravelModel = { kind: 'haversine', kmh: 35, roadFactor: 1.3 };

export interface DayStopInput {
  readonly patientId: PatientId;
  readonly location: LatLng;
  /** The care home the patient lives in; its visiting hours that weekday become the windows. */
  readonly facility: Pick<Facility, 'visitingHours'> | null;
  readonly priority: number;
  readonly mandatory: boolean;
}

export interface DayProblemInput {
  readonly settings: DaySettings;
  /** 0 = Sunday .. 6 = Saturday, as Date.getDay(). */
  readonly weekday: number;
  readonly stops: readonly DayStopInput[];
  /** Where "office" is when `settings.office` is null (the middle of the territory). */
  readonly officeFallback: LatLng | null;
}

export type DayProblemIssue =
  | 'no_stops'
  | 'shift_reversed'
  | 'lunch_reversed'
  | 'lunch_outside_shift'
  | 'home_missing'
  | 'office_missing'
  | 'place_invalid';

/** A picked patient left out of the problem, and why. */
export interface ExcludedStop {
  readonly id: StopId;
  readonly reason: 'facility_closed';
}

export type DayProblemResult =
  | { readonly ok: true; readonly problem: Problem; readonly excluded: readonly ExcludedStop[] }
  | { readonly ok: false; readonly code: DayProblemIssue };

const validPlace = (p: LatLng): boolean =>
  Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

/**
 * Visiting hours as start-of-service windows: the visit must also END by closing time, so each
 * window closes `service` minutes before the care home does. Hours too short for a visit drop out.
 */
export function facilityWindows(facility: Pick<Facility, 'visitingHours'>, weekday: number, service: Minutes): TimeWindow[] {
  return visitingHoursOn(facility, weekday)
    .map((h) => ({ start: m(h.open), end: m(h.close - service) }))
    .filter((w) => w.end >= w.start)
    .sort((a, b) => a.start - b.start);
}

function placeFor(choice: PlaceChoice, input: DayProblemInput): LatLng | DayProblemIssue {
  const place = choice === 'home' ? input.settings.home : (input.settings.office ?? input.officeFallback);
  if (!place) return choice === 'home' ? 'home_missing' : 'office_missing';
  return validPlace(place) ? { lat: place.lat, lng: place.lng } : 'place_invalid';
}

export function buildDayProblem(input: DayProblemInput): DayProblemResult {
  const s = input.settings;
  if (input.stops.length === 0) return { ok: false, code: 'no_stops' };
  if (!(s.shiftEnd > s.shiftStart)) return { ok: false, code: 'shift_reversed' };
  const breaks: BreakRule[] = [];
  if (s.lunch) {
    if (!(s.lunch.latest >= s.lunch.earliest) || !(s.lunch.minutes > 0)) return { ok: false, code: 'lunch_reversed' };
    // Lunch is kept to the part of its window that lies inside the shift (a late shift start
    // shortens it); a window entirely outside is a mistake the person should see.
    const earliest = m(Math.max(s.lunch.earliest, s.shiftStart));
    const latest = m(Math.min(s.lunch.latest, s.shiftEnd - s.lunch.minutes));
    if (latest < earliest) return { ok: false, code: 'lunch_outside_shift' };
    breaks.push({ earliest, latest, minutes: s.lunch.minutes });
  }
  const start = placeFor(s.startAt, input);
  if (typeof start === 'string') return { ok: false, code: start };
  const end = placeFor(s.endAt, input);
  if (typeof end === 'string') return { ok: false, code: end };

  const stops: Stop[] = [];
  const excluded: ExcludedStop[] = [];
  for (const pick of input.stops) {
    const id = pick.patientId as string as StopId;
    if (!validPlace(pick.location)) return { ok: false, code: 'place_invalid' };
    const serviceMinutes = pick.facility ? SERVICE_MINUTES.facility : SERVICE_MINUTES.home;
    // A home visit has no window: "best time to call" is about phone calls, not visits.
    const windows = pick.facility ? facilityWindows(pick.facility, input.weekday, serviceMinutes) : [];
    if (pick.facility && windows.length === 0) {
      excluded.push({ id, reason: 'facility_closed' });
      continue;
    }
    stops.push({
      id,
      at: { lat: pick.location.lat, lng: pick.location.lng },
      serviceMinutes,
      windows,
      priority: Math.max(0, pick.priority),
      mandatory: pick.mandatory,
    });
  }
  if (stops.length === 0) return { ok: false, code: 'no_stops' };
  return {
    ok: true,
    problem: { start, end, shift: { start: s.shiftStart, end: s.shiftEnd }, travel: DAY_TRAVEL, breaks, stops },
    excluded,
  };
}

/**
 * Driving minutes to each visit of the plan and then to the end (`visits.length + 1` legs),
 * along the way actually driven: after a re-plan, the first visit still to come is reached from
 * where the specialist is (`progress.at`, for example a door where nobody was home), not from
 * the visit listed before it.
 */
export function legMinutes(problem: Problem, plan: Pick<Plan, 'visits'>, progress?: Pick<DayProgress, 'done' | 'at'>): number[] {
  const node = new Map(problem.stops.map((s, k) => [s.id as string, k + 2]));
  const nodeOf = (id: string): number => {
    const n = node.get(id);
    if (n === undefined) throw new Error(`plan visits ${id}, which the problem does not have`);
    return n;
  };
  const here = progress && progress.at !== 'start' && 'stopId' in progress.at ? nodeOf(progress.at.stopId) : null;
  const resumeAt = progress?.done.length ?? 0;
  const legs: number[] = [];
  let prev = 0;
  plan.visits.forEach((v, i) => {
    if (i === resumeAt && here !== null) prev = here;
    const to = nodeOf(v.id);
    legs.push(nodeTravel(problem, prev, to));
    prev = to;
  });
  if (plan.visits.length === resumeAt && here !== null) prev = here;
  legs.push(nodeTravel(problem, prev, 1));
  return legs;
}
