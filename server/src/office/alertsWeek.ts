/**
 * The ISO week (Monday 00:00 UTC, docs/METRICS.md "Scope and dates") a server time falls in:
 * what "this week" means for the Team table's contacts and visits and for the contact-drop
 * alert. Always the server's clock, never a device's.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the ISO week `at` is in. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** `2026-W47`: the ISO week's year (that of its Thursday) and number. */
export function isoWeekLabel(at: Date): string {
  const thursday = new Date(weekStartOf(at).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
