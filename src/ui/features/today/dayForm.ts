/**
 * The Today screen's editable state and its conversions: time fields as `HH:mm` strings (what
 * <input type="time"> gives), coordinates as typed text, picks by patient id. Also the clock
 * formatting of plan times (minutes since midnight) in the person's locale with date-fns.
 * Pure helpers; no React.
 */
import { format } from 'date-fns';
import { enUS, es } from 'date-fns/locale';
import { DEFAULT_DAY_SETTINGS, DEFAULT_LUNCH, type DaySettings, type PlaceChoice } from '../../../domain/daySettings';
import type { Minutes } from '../../../domain/ids';
import type { DayPlan } from '../../../worker/client';
import type { Locale } from '../../i18n/I18n';

export interface DayForm {
  readonly shiftStart: string;
  readonly shiftEnd: string;
  readonly lunchOn: boolean;
  readonly lunchEarliest: string;
  readonly lunchLatest: string;
  readonly lunchMinutes: string;
  readonly startAt: PlaceChoice;
  readonly endAt: PlaceChoice;
  readonly homeLat: string;
  readonly homeLng: string;
  readonly useMyLocation: boolean;
}

/** Picked patient id -> mandatory. */
export type Picks = Readonly<Record<string, boolean>>;

export interface TodayDraft {
  readonly form: DayForm;
  readonly picks: Picks;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toTimeField(m: number): string {
  const whole = Math.round(m);
  return `${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
}

export function fromTimeField(s: string): Minutes | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const min = Number(match[2]);
  return h < 24 && min < 60 ? ((h * 60 + min) as Minutes) : null;
}

export function formFromSettings(s: DaySettings): DayForm {
  const lunch = s.lunch ?? DEFAULT_LUNCH;
  return {
    shiftStart: toTimeField(s.shiftStart),
    shiftEnd: toTimeField(s.shiftEnd),
    lunchOn: s.lunch !== null,
    lunchEarliest: toTimeField(lunch.earliest),
    lunchLatest: toTimeField(lunch.latest),
    lunchMinutes: String(lunch.minutes),
    startAt: s.startAt,
    endAt: s.endAt,
    homeLat: s.home ? String(s.home.lat) : '',
    homeLng: s.home ? String(s.home.lng) : '',
    // Plans saved before the setting existed lack it: off.
    useMyLocation: s.useMyLocation === true,
  };
}

/** Null when a time is missing or malformed; the planner checks everything else. */
export function settingsFromForm(f: DayForm): DaySettings | null {
  const shiftStart = fromTimeField(f.shiftStart);
  const shiftEnd = fromTimeField(f.shiftEnd);
  const earliest = fromTimeField(f.lunchEarliest);
  const latest = fromTimeField(f.lunchLatest);
  const minutes = Number(f.lunchMinutes);
  if (shiftStart === null || shiftEnd === null) return null;
  if (f.lunchOn && (earliest === null || latest === null || f.lunchMinutes.trim() === '' || !Number.isFinite(minutes))) return null;
  const lat = Number(f.homeLat);
  const lng = Number(f.homeLng);
  const home = f.homeLat.trim() !== '' && f.homeLng.trim() !== '' && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  return {
    shiftStart,
    shiftEnd,
    lunch: f.lunchOn ? { earliest: earliest!, latest: latest!, minutes: minutes as Minutes } : null,
    startAt: f.startAt,
    endAt: f.endAt,
    home,
    office: null,
    useMyLocation: f.useMyLocation,
  };
}

/** What the screen shows before the person changes anything: the saved day, else the defaults. */
export function draftFrom(saved: DayPlan | null | undefined): TodayDraft {
  if (!saved) return { form: formFromSettings(DEFAULT_DAY_SETTINGS), picks: {} };
  const picks: Record<string, boolean> = {};
  for (const s of saved.problem.stops) picks[s.id] = s.mandatory;
  for (const e of saved.excluded) picks[e.id] = false;
  return { form: formFromSettings(saved.settings), picks };
}

const DATE_LOCALES = { en: enUS, es } as const;

/** A plan time (minutes since local midnight) as the locale writes a clock time: "9:05 AM", "9:05". */
export function formatClock(minutes: number, locale: Locale): string {
  const whole = Math.round(minutes);
  return format(new Date(2000, 0, 1, Math.floor(whole / 60), whole % 60), 'p', { locale: DATE_LOCALES[locale] });
}

/** An instant as the local clock time of the day, in the locale. */
export function formatInstantClock(iso: string, locale: Locale): string {
  return format(new Date(iso), 'p', { locale: DATE_LOCALES[locale] });
}
