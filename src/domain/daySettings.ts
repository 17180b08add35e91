/**
 * A specialist's working day as they set it on the Today screen: shift, lunch, and where the day
 * starts and ends (office or home, or where the device is), with the defaults most teams work
 * to. Times are minutes since local midnight. Pure data; the planner (src/routing/dayProblem.ts) turns it into a problem.
 */
import type { LatLng, Minutes } from './ids';

export type PlaceChoice = 'office' | 'home';
export const PLACE_CHOICES = ['office', 'home'] as const satisfies readonly PlaceChoice[];

export interface LunchSettings {
  readonly earliest: Minutes;
  readonly latest: Minutes;
  readonly minutes: Minutes;
}

export interface DaySettings {
  readonly shiftStart: Minutes;
  readonly shiftEnd: Minutes;
  /** Null: no lunch break planned. */
  readonly lunch: LunchSettings | null;
  readonly startAt: PlaceChoice;
  readonly endAt: PlaceChoice;
  /** The person's home, needed only when the day starts or ends there. */
  readonly home: LatLng | null;
  /** Null: the office is the middle of the territory. */
  readonly office: LatLng | null;
  /**
   * Start from where the device is when the day is planned (asked only then). Plans saved
   * before this setting existed lack it: read it as false.
   */
  readonly useMyLocation: boolean;
}

const m = (n: number) => n as Minutes;

export const DEFAULT_LUNCH: LunchSettings = { earliest: m(11 * 60 + 30), latest: m(13 * 60 + 30), minutes: m(30) };

export const DEFAULT_DAY_SETTINGS: DaySettings = {
  shiftStart: m(8 * 60 + 30),
  shiftEnd: m(17 * 60),
  lunch: DEFAULT_LUNCH,
  startAt: 'office',
  endAt: 'office',
  home: null,
  office: null,
  useMyLocation: false,
};
