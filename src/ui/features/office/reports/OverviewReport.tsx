/**
 * The Overview's numbers for one range (`GET /api/office/overview`): headline figures, weekly
 * trends as charts (each with its summary sentence and the weekly table), outcomes, care gaps
 * closed by measure, and the same columns per specialist and per territory. Every table can be
 * saved as CSV. docs/METRICS.md defines each number.
 */
import type { OverviewResponse } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { ChartFigure } from './ChartFigure';
import { reportFormat } from './reportFormat';
import { ReportTable } from './ReportTable';
import { gapsTable, outcomesTable, tallyTable } from './reportTables';
import { REPORTS_TEXT } from './reportsText';
import { trendSentence } from './summaries';

export const CHART_COLORS = ['#0b5d5b', '#b45309', '#1d3a8a', '#7a1450'] as const;

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd>
        <span className="report-figure__value">{value}</span>
        {detail && <span className="report-figure__detail">{detail}</span>}
      </dd>
    </div>
  );
}

function Headlines({ o, locale }: { o: OverviewResponse; locale: Locale }) {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const t = o.totals;
  const gapsClosed = o.gapsClosedByMeasure.reduce((sum, g) => sum + g.closed, 0);
  return (
    <section aria-labelledby="report-headlines-title">
      <h2 id="report-headlines-title">{words.headlines}</h2>
      <dl className="report-figures">
        <Figure label={words.contactsAttempted} value={f.count(t.contactsAttempted)} />
        <Figure label={words.patientsReached} value={f.count(t.patientsReached)} detail={words.reachOf(f.count(t.patientsAttempted), f.rate(t.reachRate))} />
        <Figure label={words.visitsCompleted} value={f.count(t.visitsCompleted)} />
        <Figure label={words.appointments} value={words.appointmentsSetKept(f.count(t.appointmentsSet), f.count(t.appointmentsKept))} />
        <Figure label={words.noShows} value={f.count(t.noShows)} detail={words.noShowsFollowedUp(f.count(t.noShowsFollowedUp), f.count(t.noShows), o.followUpDays)} />
        <Figure label={words.portalEnrollments} value={f.count(t.portalEnrollments)} />
        <Figure label={words.rpmSetups} value={f.count(t.rpmSetups)} />
        <Figure label={words.hrasCompleted} value={f.count(t.hrasCompleted)} />
        <Figure
          label={words.satisfaction}
          value={t.satisfactionAverage === null ? words.noResponses : f.decimal(t.satisfactionAverage)}
          {...(t.satisfactionAverage === null ? {} : { detail: words.satisfactionOf(f.count(t.satisfactionResponses)) })}
        />
        <Figure label={words.gapsClosed} value={f.count(gapsClosed)} />
      </dl>
    </section>
  );
}

export function OverviewReport({ o, locale }: { o: OverviewResponse; locale: Locale }) {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const [first, second] = CHART_COLORS;
  const weeklyRows = o.weekly.map((w) => ({
    label: f.week(w.weekStart),
    contactsAttempted: w.contactsAttempted,
    contactsReached: w.contactsReached,
    // Whole percentages on the axis and in the tooltip; a week without patients has no rate.
    reachRate: w.reachRate === null ? null : Math.round(w.reachRate * 1000) / 10,
  }));
  const reachSummary = trendSentence(locale, 'reachRate', o.weekly.map((w) => ({ weekStart: w.weekStart, value: w.reachRate })));
  const contactsSummary = trendSentence(locale, 'contactsAttempted', o.weekly.map((w) => ({ weekStart: w.weekStart, value: w.contactsAttempted })));
  return (
    <>
      <Headlines o={o} locale={locale} />
      <section aria-labelledby="report-weekly-title">
        <h2 id="report-weekly-title">{words.weeklyTitle}</h2>
        <div className="report-charts">
          <ChartFigure
            id="report-reach-chart"
            chart={{ kind: 'line', title: words.reachChart, summary: reachSummary, data: weeklyRows, percent: true,
              series: [{ key: 'reachRate', name: words.column.reachRate, color: first }], format: (n) => f.rate(n / 100) }}
          />
          <ChartFigure
            id="report-contacts-chart"
            chart={{ kind: 'bar', title: words.contactsChart, summary: contactsSummary, data: weeklyRows, format: f.count,
              series: [{ key: 'contactsAttempted', name: words.column.contactsAttempted, color: first }, { key: 'contactsReached', name: words.column.contactsReached, color: second }] }}
          />
        </div>
        <ReportTable table={tallyTable(locale, o, 'weekly')} dataAsOf={o.dataAsOf} />
      </section>
      <div className="report-pair">
        <ReportTable table={outcomesTable(locale, o)} dataAsOf={o.dataAsOf} />
        <ReportTable table={gapsTable(locale, o)} dataAsOf={o.dataAsOf} />
      </div>
      <ReportTable table={tallyTable(locale, o, 'specialists')} dataAsOf={o.dataAsOf} />
      <ReportTable table={tallyTable(locale, o, 'territories')} dataAsOf={o.dataAsOf} />
    </>
  );
}
