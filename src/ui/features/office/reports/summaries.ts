/**
 * The one-sentence summary above each chart, in the reader's language, from the same numbers
 * the chart and its table show: how a weekly series went from its first week to its last, how
 * many patients each funnel stage kept, and which group was reached most and least.
 */
import type { FunnelCounts, FunnelDimension } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { reportFormat } from './reportFormat';
import { REPORTS_TEXT, type Trend, type TrendMetric } from './reportsText';

export interface WeekPoint {
  /** The week's Monday, `YYYY-MM-DD`. */
  readonly weekStart: string;
  /** Null when the week has nothing to measure (a rate with no patient attempted). */
  readonly value: number | null;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * First and last weeks with a value: rose, fell or stayed, over the weeks between them (both
 * included, weeks without contacts counted too). Rates compare as the reader sees them, in
 * whole percentages, so "stayed at 48%" never hides a change the chart shows.
 */
export function trendSentence(locale: Locale, metric: TrendMetric, points: readonly WeekPoint[]): string {
  const text = REPORTS_TEXT[locale];
  const format = reportFormat(locale);
  const known = points.filter((p): p is WeekPoint & { value: number } => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return text.trendNone;
  const write = (v: number) => (metric === 'reachRate' ? format.rate(v) : format.count(v));
  const name = text.trendName[metric];
  if (known.length === 1) return text.trendOneWeek(name, write(first.value));
  const weeks = Math.round((Date.parse(last.weekStart) - Date.parse(first.weekStart)) / WEEK_MS) + 1;
  const scale = metric === 'reachRate' ? 100 : 1;
  const [a, b] = [Math.round(first.value * scale), Math.round(last.value * scale)];
  const trend: Trend = b > a ? 'rose' : b < a ? 'fell' : 'same';
  return text.trend(name, trend, write(first.value), write(last.value), weeks);
}

/** How many patients each stage kept, with the share reached and the share that ended with a gap closed. */
export function funnelSentence(locale: Locale, totals: FunnelCounts): string {
  const text = REPORTS_TEXT[locale];
  if (totals.attempted === 0) return text.funnelNone;
  const f = reportFormat(locale);
  return text.funnelSummary(
    f.count(totals.attempted),
    f.count(totals.reached),
    f.share(totals.reached, totals.attempted),
    f.count(totals.appointmentSet),
    f.count(totals.appointmentKept),
    f.count(totals.gapClosed),
    f.share(totals.gapClosed, totals.attempted),
  );
}

export interface NamedCounts {
  /** The group in words ("Spanish", "75 and over"). */
  readonly name: string;
  readonly counts: FunnelCounts;
}

/**
 * The groups with the highest and lowest share reached (of those attempted); groups nobody was
 * attempted in are left out. Ties go to the group listed first.
 */
export function dropOffSentence(locale: Locale, dimension: FunnelDimension, groups: readonly NamedCounts[]): string {
  const text = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const dimensionName = text.dimensions[dimension];
  const rated = groups.filter((g) => g.counts.attempted > 0).map((g) => ({ name: g.name, rate: g.counts.reached / g.counts.attempted }));
  const [firstGroup] = rated;
  if (!firstGroup) return text.funnelNone;
  if (rated.length === 1) return text.dropOffOne(dimensionName, firstGroup.name, f.rate(firstGroup.rate));
  const high = rated.reduce((a, b) => (b.rate > a.rate ? b : a));
  const low = rated.reduce((a, b) => (b.rate < a.rate ? b : a));
  return text.dropOffSummary(dimensionName, high.name, f.rate(high.rate), low.name, f.rate(low.rate));
}
