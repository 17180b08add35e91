/**
 * Every table of the Overview and funnel as data: a caption, column headers (the first column
 * heads the rows) and cells written twice, for the screen in the reader's locale and for the
 * CSV file plainly (1250, 48.5%) so a spreadsheet reads numbers. The screen and the file are
 * built from the same model, so they never disagree.
 */
import { FUNNEL_STAGES, TALLY_COLUMNS } from '../../../../protocol/officeMetrics';
import type { ContactTally, FunnelCounts, FunnelDimension, FunnelResponse, OverviewResponse } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { csvFile } from '../csv';
import { csvRate, groupName, measureName, outcomeName, reportFormat, type ReportFormat } from './reportFormat';
import { REPORTS_TEXT, type ReportsText } from './reportsText';

export interface ReportCell {
  readonly text: string;
  readonly csv: string;
  /** Numbers align right. */
  readonly numeric: boolean;
}

export interface ReportRow {
  readonly key: string;
  /** The first cell heads the row. */
  readonly cells: readonly ReportCell[];
}

export interface ReportTableModel {
  /** Unique on the screen; the file's name starts with it. */
  readonly id: keyof ReportsText['fileName'];
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly ReportRow[];
}

const text = (s: string): ReportCell => ({ text: s, csv: s, numeric: false });
const countCell = (f: ReportFormat, n: number): ReportCell => ({ text: f.count(n), csv: String(n), numeric: true });
const rateCell = (f: ReportFormat, r: number | null): ReportCell => ({ text: f.rate(r), csv: csvRate(r), numeric: true });
const shareCell = (f: ReportFormat, part: number, whole: number): ReportCell => rateCell(f, whole === 0 ? null : part / whole);

function tallyCells(f: ReportFormat, t: ContactTally): ReportCell[] {
  return TALLY_COLUMNS.map((c) => (c === 'reachRate' ? rateCell(f, t.reachRate) : countCell(f, t[c] as number)));
}

export function outcomesTable(locale: Locale, o: OverviewResponse): ReportTableModel {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const total = o.outcomes.reduce((sum, r) => sum + r.contacts, 0);
  return {
    id: 'outcomes',
    caption: words.outcomesCaption,
    columns: [words.outcome, words.contacts, words.share],
    rows: o.outcomes.map((r) => ({ key: r.outcome, cells: [text(outcomeName(locale, r.outcome)), countCell(f, r.contacts), shareCell(f, r.contacts, total)] })),
  };
}

export function gapsTable(locale: Locale, o: OverviewResponse): ReportTableModel {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  return {
    id: 'gaps',
    caption: words.gapsCaption,
    columns: [words.measure, words.closed],
    rows: o.gapsClosedByMeasure.map((r) => ({ key: r.measure, cells: [text(measureName(locale, r.measure)), countCell(f, r.closed)] })),
  };
}

/** Per specialist, per territory or per week: the same columns as the totals (docs/METRICS.md). */
export function tallyTable(locale: Locale, o: OverviewResponse, by: 'specialists' | 'territories' | 'weekly'): ReportTableModel {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const columns = TALLY_COLUMNS.map((c) => words.column[c]);
  switch (by) {
    case 'specialists':
      return { id: by, caption: words.specialistsCaption, columns: [words.specialist, ...columns],
        rows: o.bySpecialist.map((r) => ({ key: r.authorId, cells: [text(r.name), ...tallyCells(f, r)] })) };
    case 'territories':
      return { id: by, caption: words.territoriesCaption, columns: [words.territory, ...columns],
        rows: o.byTerritory.map((r) => ({ key: r.territoryId, cells: [text(r.name), ...tallyCells(f, r)] })) };
    case 'weekly':
      return { id: by, caption: words.weeklyCaption, columns: [words.weekOf, ...columns],
        rows: o.weekly.map((r) => ({ key: r.weekStart, cells: [{ text: f.day(r.weekStart), csv: r.weekStart, numeric: false }, ...tallyCells(f, r)] })) };
  }
}

/** Each stage: patients, share of the stage before, share of those attempted. */
export function funnelTable(locale: Locale, totals: FunnelCounts): ReportTableModel {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  return {
    id: 'funnel',
    caption: words.funnelCaption,
    columns: [words.stageColumn, words.patients, words.ofPrevious, words.ofAttempted],
    rows: FUNNEL_STAGES.map((stage, i) => {
      const previous = totals[FUNNEL_STAGES[i - 1] ?? stage];
      return { key: stage, cells: [text(words.stage[stage]), countCell(f, totals[stage]), shareCell(f, totals[stage], previous), shareCell(f, totals[stage], totals.attempted)] };
    }),
  };
}

/** One row per group of the dimension: each stage's patients, then its share of the stage before. */
export function dropOffTable(locale: Locale, funnel: FunnelResponse, dimension: FunnelDimension): ReportTableModel {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const later = FUNNEL_STAGES.slice(1);
  return {
    id: 'dropOff',
    caption: words.dropOffCaption(words.dimensions[dimension]),
    columns: [words.dimensions[dimension], words.stage.attempted, ...later.flatMap((s) => [words.stage[s], words.ofPreviousStage(words.stage[s])])],
    rows: funnel.by[dimension].map((g) => ({
      key: g.value,
      cells: [
        text(groupName(locale, dimension, g.value, funnel.territoryNames)),
        countCell(f, g.attempted),
        ...later.flatMap((s, i) => [countCell(f, g[s]), shareCell(f, g[s], g[FUNNEL_STAGES[i] ?? s])]),
      ],
    })),
  };
}

/** The table as a CSV file (csv.ts): the headers, then each row's plain cells. */
export function tableCsv(table: ReportTableModel): string {
  return csvFile([table.columns, ...table.rows.map((r) => r.cells.map((c) => c.csv))]);
}
