/**
 * Dates and numbers within reason: a contact is not in the future nor before the patient was
 * born, an appointment or task is not booked in the past nor years ahead, a duration is a real
 * length of time. Pure: "now", "today" and the windows are arguments, so the note editor (the
 * device's clock) and the server (the change's own time, see protocol/withinReason.ts) judge
 * with the same rules and differ only in the window they pass.
 */
import type { IsoDate, IsoDateTime } from './ids';

/** Clocks disagree by a few minutes; a contact "now" on a fast tablet is still now. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Appointments, tasks and next contacts are planned at most this far ahead. */
export const MAX_YEARS_AHEAD = 3;
export const DURATION_MINUTES = { min: 1, max: 600 } as const;

export type ContactTimeIssue = 'in_future' | 'before_birth';
export type UpcomingIssue = 'in_past' | 'too_far';

/** A closed range of days, both ends included. */
export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Whole days added to a calendar date (no time zone involved). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as IsoDate;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10) as IsoDate;
}

const shiftMs = (at: IsoDateTime, ms: number): IsoDateTime => new Date(Date.parse(at) + ms).toISOString() as IsoDateTime;

/** Days a person may plan for on `today`: from today to MAX_YEARS_AHEAD years on. */
export function planningWindow(today: IsoDate): DateWindow {
  return { from: today, to: addYears(today, MAX_YEARS_AHEAD) };
}

/**
 * A contact happened by `latest` plus the clock skew, and not before the day of birth. The
 * birth date is a calendar date, so a contact on that day (in any time zone) is allowed.
 */
export function contactTimeIssue(
  contactAt: IsoDateTime,
  ctx: { readonly latest: IsoDateTime; readonly birthDate: IsoDate | null },
): ContactTimeIssue | null {
  if (Date.parse(contactAt) > Date.parse(ctx.latest) + CLOCK_SKEW_MS) return 'in_future';
  // One day of slack: the instant is UTC, the birth date is local.
  if (ctx.birthDate && contactAt.slice(0, 10) < addDays(ctx.birthDate, -1)) return 'before_birth';
  return null;
}

/** Null (not recorded) is allowed; a recorded duration is whole minutes within bounds. */
export function durationIssue(minutes: number | null): 'out_of_range' | null {
  if (minutes === null) return null;
  return Number.isInteger(minutes) && minutes >= DURATION_MINUTES.min && minutes <= DURATION_MINUTES.max ? null : 'out_of_range';
}

/** A date planned for (a task's due date, the next contact) inside the window. */
export function upcomingDateIssue(date: IsoDate, window: DateWindow): UpcomingIssue | null {
  if (date < window.from) return 'in_past';
  return date > window.to ? 'too_far' : null;
}

/**
 * An appointment being booked: not before `now` (less the clock skew) and at most
 * MAX_YEARS_AHEAD years after `latest` (the same instant on a device).
 */
export function upcomingTimeIssue(
  startsAt: IsoDateTime,
  ctx: { readonly earliest: IsoDateTime; readonly latest: IsoDateTime },
): UpcomingIssue | null {
  if (Date.parse(startsAt) < Date.parse(shiftMs(ctx.earliest, -CLOCK_SKEW_MS))) return 'in_past';
  const limit = addYears(ctx.latest.slice(0, 10) as IsoDate, MAX_YEARS_AHEAD);
  return startsAt.slice(0, 10) > limit ? 'too_far' : null;
}
