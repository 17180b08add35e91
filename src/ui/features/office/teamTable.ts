/**
 * The Team table's cells, in the reader's language, and its CSV export built from the same
 * data. Every "when" is the server's clock: relative to `dataAsOf` in the table ("2 hours
 * ago"), a local date and time in the file; never an ISO stamp. A specialist is "not syncing"
 * with no push or pull for `staleAfterDays` (the server's constant).
 */
import type { TeamMember, TeamResponse } from '../../../worker/client';
import type { Locale } from '../../i18n/I18n';
import { numberIn } from '../../i18n/plural';
import { OFFICE_TEXT } from './officeText';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest push or pull, by the server's clock; null when never. */
export function lastSyncOf(m: Pick<TeamMember, 'lastPushAt' | 'lastPullAt'>): string | null {
  const times = [m.lastPushAt, m.lastPullAt].filter((t): t is string => t !== null);
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** No push or pull for more than `staleAfterDays` before `dataAsOf`, or never. */
export function isStale(m: TeamMember, team: Pick<TeamResponse, 'dataAsOf' | 'staleAfterDays'>): boolean {
  const last = lastSyncOf(m);
  return last === null || Date.parse(team.dataAsOf) - Date.parse(last) > team.staleAfterDays * DAY_MS;
}

/** "5 minutes ago", "hace 3 días": how long before `asOf`, in the reader's language. */
export function relativeTo(at: string, asOf: string, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.max(0, Math.floor((Date.parse(asOf) - Date.parse(at)) / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / (24 * 60)), 'day');
}

/** A date and time as the reader writes it ("Nov 20, 2026, 9:15 AM" / "20 nov 2026, 9:15"). */
export function dateTimeIn(locale: Locale, at: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** The device's clock against the server's, in words; "not reported" when the device did not say. */
export function skewIn(locale: Locale, seconds: number | null): string {
  const text = OFFICE_TEXT[locale];
  if (seconds === null) return text.notReported;
  const size = Math.abs(seconds);
  if (size < 5) return text.skewInStep;
  const number = numberIn(locale);
  const span = size < 60 ? `${number(size)} s` : size < 3600 ? `${number(Math.floor(size / 60))} min` : `${number(Math.floor(size / 3600))} h`;
  return seconds > 0 ? text.skewAhead(span) : text.skewBehind(span);
}

/** One row as the table and the file say it, column by column (TEAM_COLUMNS' order). */
export interface TeamRowText {
  readonly name: string;
  readonly territories: string;
  readonly caseload: string;
  readonly overdue: string;
  readonly lastPush: string;
  readonly lastPull: string;
  readonly pending: string;
  readonly appVersion: string;
  readonly clockSkew: string;
  readonly syncState: string;
}

export const TEAM_COLUMNS = ['name', 'territories', 'caseload', 'overdue', 'lastPush', 'lastPull', 'pending', 'appVersion', 'clockSkew', 'syncState'] as const satisfies readonly (keyof TeamRowText)[];

/** `when` writes a time: relative in the table, a local date and time in the file. */
export function rowText(m: TeamMember, team: TeamResponse, locale: Locale, when: (at: string) => string): TeamRowText {
  const text = OFFICE_TEXT[locale];
  const number = numberIn(locale);
  return {
    name: m.name,
    territories: m.territories.map((t) => t.name).join(', ') || text.noTerritory,
    caseload: number(m.caseload),
    overdue: number(m.overduePatients),
    lastPush: m.lastPushAt === null ? text.never : when(m.lastPushAt),
    lastPull: m.lastPullAt === null ? text.never : when(m.lastPullAt),
    pending: m.pendingReported === null ? text.notReported : number(m.pendingReported),
    appVersion: m.appVersion ?? text.notReported,
    clockSkew: skewIn(locale, m.clockSkewSeconds),
    syncState: lastSyncOf(m) === null ? text.neverSynced : isStale(m, team) ? text.stale(team.staleAfterDays) : text.syncing,
  };
}

/**
 * One CSV cell: a cell a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return first) gets a leading apostrophe; a cell with a comma, quote or line break is quoted,
 * its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The table as a CSV file: a header row in the reader's language, then one line per
 * specialist, CRLF between lines, with a byte-order mark so spreadsheets read the accents.
 */
export function teamCsv(team: TeamResponse, locale: Locale): string {
  const text = OFFICE_TEXT[locale];
  const lines = [
    TEAM_COLUMNS.map((c) => text.column[c]),
    ...team.members.map((m) => {
      const row = rowText(m, team, locale, (at) => dateTimeIn(locale, at));
      return TEAM_COLUMNS.map((c) => row[c]);
    }),
  ];
  return csvFile(lines);
}

/**
 * Any office table as a CSV file: its rows of cells (the header first), CRLF between lines,
 * with a byte-order mark so spreadsheets read the accents.
 */
export function csvFile(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
