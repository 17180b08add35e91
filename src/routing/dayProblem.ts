/**
 * From a person's choices on the Today screen to a planner Problem: the picked patients (with
 * their priority, mandatory flag, visit length and care home), the shift, lunch, and where and
 * when the day starts (office or home at the shift start, or here and now when the day is
 * planned after it began) and ends. Owns the app's day conventions: minutes since local
 * midnight, care homes' visiting hours as time windows shared by the residents seen in one
 * block, and the offline travel model. Visit lengths come from src/domain/visitMinutes.ts, the
 * settings and their defaults from src/domain/daySettings.ts. Pure; expected input problems
 * come back as values with a closed set of codes.
 */
import type { DaySettings, PlaceChoice } from '../domain/daySettings';
import type { Facility } from '../domain/facility';
import { visitingHoursOn } from '../domain/facility';
import type { FacilityId, LatLng, Minutes, PatientId } from '../domain/ids';
import { validVisitMinutes } from '../domain/visitMinutes';
import type { DayProgress } from './replan';
import { nodeTravel } from './travel';
import type { BreakRule, Plan, Problem, Stop, StopId, TimeWindow, TravelModel } from './types';

const m = (n: number) => n as Minutes;

/** Offline travel: straight-line distance x 1.3 for the road network, at 35 km/h in town. */
export const DAY_TRAVEL: TravelModel = { kind: 'haversine', kmh: 35, roadFactor: 1.3 };

/** The care home a picked patient lives in. */
export interface DayStopFacility {
  readonly id: FacilityId;
  /** Its visiting hours that weekday become the resident's windows. */
  readonly visitingHours: Facility['visitingHours'];
  /** Where the care home is; null when unknown (then the resident is a stop of their own). */
  readonly location: LatLng | null;
}

export interface DayStopInput {
  readonly patientId: PatientId;
  /** The patient's own location (a resident is seen at their care home's when it is known). */
  readonly location: LatLng;
  readonly facility: DayStopFacility | null;
  /** Minutes on site (src/domain/visitMinutes.ts): whole minutes, 5 to 240. */
  readonly serviceMinutes: Minutes;
  readonly priority: number;
  readonly mandatory: boolean;
}

/** When and where the day is planned from, read on the device when the person asks for a plan. */
export interface DayStartInput {
  /** The time of asking, minutes since local midnight: a day asked for after the shift began starts now. */
  readonly now: Minutes;
  /** Where the device is, when the person let it say so; null means the start place of the settings. */
  readonly position: LatLng | null;
}

export interface DayProblemInput {
  readonly settings: DaySettings;
  /** 0 = Sunday .. 6 = Saturday, as Date.getDay(). */
  readonly weekday: number;
  readonly stops: readonly DayStopInput[];
  /** Where "office" is when `settings.office` is null (the middle of the territory). */
  readonly officeFallback: LatLng | null;
  /** Absent: the day starts at the shift start from the start place of the settings. */
  readonly from?: DayStartInput;
}

export type DayProblemIssue =
  | 'no_stops'
  | 'shift_reversed'
  | 'lunch_reversed'
  | 'lunch_outside_shift'
  | 'home_missing'
  | 'office_missing'
  | 'place_invalid'
  | 'service_invalid'
  | 'day_over';

/** A picked patient left out of the problem, and why. */
export interface ExcludedStop {
  readonly id: StopId;
  readonly reason: 'facility_closed';
}

/** Where and when the planned day starts: the device's position or a place of the settings. */
export interface DayStartUsed {
  readonly place: 'my_location' | PlaceChoice;
  readonly at: Minutes;
}

export type DayProblemResult =
  | { readonly ok: true; readonly problem: Problem; readonly excluded: readonly ExcludedStop[]; readonly start: DayStartUsed }
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

/**
 * The day's lunch break, kept to the part of its window inside the shift (a late shift start
 * shortens it); a window entirely outside is a mistake the person should see. When the day is
 * planned after it began, a lunch whose latest start has passed is simply over.
 */
function lunchBreak(s: DaySettings, dayStart: Minutes): BreakRule[] | DayProblemIssue {
  if (!s.lunch) return [];
  if (!(s.lunch.latest >= s.lunch.earliest) || !(s.lunch.minutes > 0)) return 'lunch_reversed';
  const earliest = Math.max(s.lunch.earliest, s.shiftStart);
  const latest = Math.min(s.lunch.latest, s.shiftEnd - s.lunch.minutes);
  if (latest < earliest) return 'lunch_outside_shift';
  if (latest < dayStart) return [];
  return [{ earliest: m(Math.max(earliest, dayStart)), latest: m(latest), minutes: s.lunch.minutes }];
}

/** A resident is seen at their care home when its location is known; the home is then a site. */
const siteOf = (pick: DayStopInput): string | null => (pick.facility?.location && validPlace(pick.facility.location) ? pick.facility.id : null);

export function buildDayProblem(input: DayProblemInput): DayProblemResult {
  const s = input.settings;
  if (input.stops.length === 0) return { ok: false, code: 'no_stops' };
  if (!(s.shiftEnd > s.shiftStart)) return { ok: false, code: 'shift_reversed' };
  const from = input.from;
  const dayStart = m(Math.max(s.shiftStart, from?.now ?? s.shiftStart));
  if (dayStart >= s.shiftEnd) return { ok: false, code: 'day_over' };
  const breaks = lunchBreak(s, dayStart);
  if (typeof breaks === 'string') return { ok: false, code: breaks };
  const settingsStart = placeFor(s.startAt, input);
  if (typeof settingsStart === 'string') return { ok: false, code: settingsStart };
  const end = placeFor(s.endAt, input);
  if (typeof end === 'string') return { ok: false, code: end };
  // A position the device gave that is not on the globe is ignored, like no position at all.
  const position = from?.position && validPlace(from.position) ? { lat: from.position.lat, lng: from.position.lng } : null;

  // Residents of one care home share its windows, so each must end by closing whoever goes
  // last: the windows close the LONGEST picked resident visit before the home does. A short
  // visit may thus lose some late start times when a long one is picked with it.
  const longestAt = new Map<string, number>();
  for (const pick of input.stops) {
    if (!validVisitMinutes(pick.serviceMinutes)) return { ok: false, code: 'service_invalid' };
    const site = siteOf(pick);
    if (site !== null) longestAt.set(site, Math.max(longestAt.get(site) ?? 0, pick.serviceMinutes));
  }

  const stops: Stop[] = [];
  const excluded: ExcludedStop[] = [];
  for (const pick of input.stops) {
    const id = pick.patientId as string as StopId;
    if (!validPlace(pick.location)) return { ok: false, code: 'place_invalid' };
    const site = siteOf(pick);
    const at = site !== null ? pick.facility!.location! : pick.location;
    // A home visit has no window: "best time to call" is about phone calls, not visits.
    const windows = pick.facility ? facilityWindows(pick.facility, input.weekday, m(site !== null ? longestAt.get(site)! : pick.serviceMinutes)) : [];
    if (pick.facility && windows.length === 0) {
      excluded.push({ id, reason: 'facility_closed' });
      continue;
    }
    stops.push({
      id,
      at: { lat: at.lat, lng: at.lng },
      serviceMinutes: pick.serviceMinutes,
      windows,
      priority: Math.max(0, pick.priority),
      mandatory: pick.mandatory,
      ...(site !== null ? { site } : {}),
    });
  }
  if (stops.length === 0) return { ok: false, code: 'no_stops' };
  return {
    ok: true,
    problem: { start: position ?? settingsStart, end, shift: { start: dayStart, end: s.shiftEnd }, travel: DAY_TRAVEL, breaks, stops },
    excluded,
    start: { place: position ? 'my_location' : s.startAt, at: dayStart },
  };
}

export type VisitMinutesIssue = 'minutes_invalid' | 'unknown_stop' | 'visiting_hours_too_short';

/**
 * The problem with one stop's visit length changed by hand. A care-home resident's windows
 * close the longest visit of its site before the home does (buildDayProblem), so they move by
 * the change in that longest visit, for every resident of the site alike. Hours that were too
 * short for the old length stay out (the problem no longer has them); hours too short for the
 * new one drop out, and when none is left the change is refused.
 */
export function withVisitMinutes(
  problem: Problem,
  id: StopId,
  minutes: number,
): { readonly ok: true; readonly problem: Problem } | { readonly ok: false; readonly code: VisitMinutesIssue } {
  if (!validVisitMinutes(minutes)) return { ok: false, code: 'minutes_invalid' };
  const target = problem.stops.find((s) => s.id === id);
  if (!target) return { ok: false, code: 'unknown_stop' };
  const members = problem.stops.filter((s) => s.id === id || (target.site !== undefined && s.site === target.site));
  const longest = (stops: readonly Stop[], changed: boolean) =>
    Math.max(...stops.map((s) => (changed && s.id === id ? minutes : s.serviceMinutes)));
  const shift = longest(members, false) - longest(members, true);
  const windows = target.windows.map((w) => ({ start: w.start, end: m(w.end + shift) })).filter((w) => w.end >= w.start);
  if (target.windows.length > 0 && windows.length === 0) return { ok: false, code: 'visiting_hours_too_short' };
  const memberIds = new Set<string>(members.map((s) => s.id));
  const stops = problem.stops.map((s) => {
    if (!memberIds.has(s.id)) return s;
    return { ...s, windows, ...(s.id === id ? { serviceMinutes: m(minutes) } : {}) };
  });
  return { ok: true, problem: { ...problem, stops } };
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
