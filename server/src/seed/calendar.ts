/**
 * Calendar arithmetic for the generator, on whole days counted from 1970-01-01. Everything is
 * computed from the caller's `today`, never from the clock. Wall-clock times are Boston local
 * (US Eastern, with daylight saving) and are emitted as UTC instants.
 */
import type { IsoDate, IsoDateTime } from '../../../src/domain/ids';
import type { Rng } from './random';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export type Day = number;

export function dayOf(year: number, month: number, dayOfMonth: number): Day {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
}

export function parseIsoDate(value: string): Day {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`not an ISO date: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  if (formatIsoDate(day) !== value) throw new RangeError(`not a calendar date: ${value}`);
  return day;
}

export function formatIsoDate(day: Day): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export function yearOf(day: Day): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday .. 6 = Saturday, like Date.getDay(). 1970-01-01 was a Thursday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Moves a weekend day to the following Monday (forward) or the preceding Friday (backward). */
export function toWeekday(day: Day, direction: 'forward' | 'backward'): Day {
  const wd = weekdayOf(day);
  if (wd === 6) return direction === 'forward' ? day + 2 : day - 1;
  if (wd === 0) return direction === 'forward' ? day + 1 : day - 2;
  return day;
}

function nthSunday(year: number, month: number, n: number): Day {
  const first = dayOf(year, month, 1);
  const firstSunday = first + ((7 - weekdayOf(first)) % 7);
  return firstSunday + 7 * (n - 1);
}

/**
 * US rule since 2007: daylight time from the second Sunday of March to the first Sunday of
 * November. The switch happens at 02:00, before any hour the generator uses, so a whole-day
 * test is exact for our times.
 */
function isEasternDaylightTime(day: Day): boolean {
  const year = yearOf(day);
  return day >= nthSunday(year, 3, 2) && day < nthSunday(year, 11, 1);
}

/** Boston wall-clock time on `day` at `minuteOfDay` as a UTC instant. */
export function bostonDateTime(day: Day, minuteOfDay: number): IsoDateTime {
  const offsetHours = isEasternDaylightTime(day) ? 4 : 5;
  const ms = day * DAY_MS + (minuteOfDay + offsetHours * 60) * 60_000;
  return new Date(ms).toISOString() as IsoDateTime;
}

/** A seeded stream and the day everything it draws is dated around. */
export interface DatedStream {
  readonly rng: Rng;
  readonly today: Day;
}
