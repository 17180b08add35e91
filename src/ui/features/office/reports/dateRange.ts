/**
 * The range of days the Overview and funnel ask for: quick ranges from today, and what is wrong
 * with a range typed by hand, checked before anything is asked (the server refuses the same:
 * protocol/officeMetrics.ts). Dates are `YYYY-MM-DD` calendar days; the server counts them in UTC.
 */
import { METRICS_RANGE_MAX_DAYS, rangeDays } from '../../../../protocol/officeMetrics';

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export const RANGE_PRESETS = ['thisWeek', 'last4Weeks', 'thisQuarter'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type RangeProblem = 'missing' | 'fromAfterTo' | 'tooLong';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The person's calendar day on their device (what "today" means to them). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every quick range ends today: this week from Monday, the 28 days to today, this quarter from its first day. */
export function presetRange(preset: RangePreset, today: string): DateRange {
  switch (preset) {
    case 'thisWeek': {
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return { from: shift(today, -weekday), to: today };
    }
    case 'last4Weeks':
      return { from: shift(today, -27), to: today };
    case 'thisQuarter': {
      const month = Number(today.slice(5, 7));
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: today };
    }
  }
}

/** Null when the range can be asked for. */
export function rangeProblem(range: DateRange): RangeProblem | null {
  if (!ISO_DATE.test(range.from) || !ISO_DATE.test(range.to) || Number.isNaN(rangeDays(range.from, range.to))) return 'missing';
  if (range.from > range.to) return 'fromAfterTo';
  if (rangeDays(range.from, range.to) > METRICS_RANGE_MAX_DAYS) return 'tooLong';
  return null;
}
