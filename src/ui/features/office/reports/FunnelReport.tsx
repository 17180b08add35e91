/**
 * The engagement funnel for one range (`GET /api/office/funnel`): patients at each stage as a
 * chart with its summary and table, then, for the dimension chosen (language, age band,
 * channel, territory), each stage as a share of the one before per group, as a chart and a
 * table. Groups are named in words, never by code.
 */
import { useState } from 'react';
import { FUNNEL_DIMENSIONS, FUNNEL_STAGES } from '../../../../protocol/officeMetrics';
import type { FunnelDimension, FunnelResponse } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { ChartFigure } from './ChartFigure';
import { CHART_COLORS } from './OverviewReport';
import { groupName, reportFormat } from './reportFormat';
import { ReportTable } from './ReportTable';
import { dropOffTable, funnelTable } from './reportTables';
import { REPORTS_TEXT } from './reportsText';
import { dropOffSentence, funnelSentence } from './summaries';

/** A share of the stage before as a percentage with one decimal (null when that stage is empty). */
function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export function FunnelReport({ funnel, locale }: { funnel: FunnelResponse; locale: Locale }) {
  const words = REPORTS_TEXT[locale];
  const f = reportFormat(locale);
  const [dimension, setDimension] = useState<FunnelDimension>('language');
  const groups = funnel.by[dimension].map((g) => ({ name: groupName(locale, dimension, g.value, funnel.territoryNames), counts: g }));
  const later = FUNNEL_STAGES.slice(1);
  const dimensionName = words.dimensions[dimension];

  return (
    <>
      <ChartFigure
        id="report-funnel-chart"
        level={2}
        chart={{
          kind: 'bar', title: words.funnelChart, summary: funnelSentence(locale, funnel.totals), format: f.count,
          data: FUNNEL_STAGES.map((s) => ({ label: words.stage[s], patients: funnel.totals[s] })),
          series: [{ key: 'patients', name: words.patients, color: CHART_COLORS[0] }],
        }}
      >
        <ReportTable table={funnelTable(locale, funnel.totals)} dataAsOf={funnel.dataAsOf} />
      </ChartFigure>
      <p className="muted">{words.funnelNote}</p>
      <section aria-labelledby="report-drop-off-title">
        <h2 id="report-drop-off-title">{words.dropOffCaption(dimensionName)}</h2>
        <div className="field field--inline">
          <label htmlFor="report-dimension">{words.dimension}</label>
          <select id="report-dimension" value={dimension} onChange={(ev) => setDimension(ev.target.value as FunnelDimension)}>
            {FUNNEL_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {words.dimensions[d]}
              </option>
            ))}
          </select>
        </div>
        <ChartFigure
          id="report-drop-off-chart"
          chart={{
            kind: 'bar', title: words.dropOffChart(dimensionName), summary: dropOffSentence(locale, dimension, groups), percent: true,
            format: (n) => f.rate(n / 100),
            data: groups.map((g) => ({
              label: g.name,
              ...Object.fromEntries(later.map((s, i) => [s, percentOf(g.counts[s], g.counts[FUNNEL_STAGES[i] ?? s])])),
            })),
            series: later.map((s, i) => ({ key: s, name: words.ofPreviousStage(words.stage[s]), color: CHART_COLORS[i % CHART_COLORS.length] ?? CHART_COLORS[0] })),
          }}
        >
          <ReportTable table={dropOffTable(locale, funnel, dimension)} dataAsOf={funnel.dataAsOf} />
        </ChartFigure>
      </section>
    </>
  );
}
