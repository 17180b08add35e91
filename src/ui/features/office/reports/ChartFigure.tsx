/**
 * A chart with its one-sentence summary and its numbers as a table (always shown, below the
 * chart, so screen-reader users and anyone who prefers numbers get the same facts). The chart
 * itself loads on demand (recharts in its own chunk); while it loads, or if it cannot load,
 * the summary and table are already there.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18n';
import type { ReportChartProps } from './ReportChart';
import { REPORTS_TEXT } from './reportsText';

const loadReportChart = () => import('./ReportChart');
const ReportChart = lazy(loadReportChart);

/**
 * Fetches the chart chunk ahead of need, once the office is open and the browser is idle, so a
 * supervisor's first Overview does not wait for it. The field app never calls this: recharts
 * stays out of the tablets' start-up. A failure here is harmless; the chart retries on demand.
 */
export function prefetchCharts(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1000));
  idle(() => void loadReportChart().catch(() => undefined));
}

class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** `level`: the title's heading level where the figure sits (3 under a section's h2, 2 directly under the h1). */
export function ChartFigure({ id, chart, level = 3, children }: { id: string; chart: ReportChartProps; level?: 2 | 3; children?: ReactNode }) {
  const { locale } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  const words = REPORTS_TEXT[locale];
  return (
    <figure className="report-chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <Heading id={`${id}-title`} className="report-chart__title">
        {chart.title}
      </Heading>
      <p id={`${id}-summary`} className="report-chart__summary">
        {chart.summary}
      </p>
      <div className="report-chart__plot">
        <ChartBoundary fallback={<p className="muted">{words.chartFailed}</p>}>
          <Suspense fallback={<p className="muted">{words.chartLoading}</p>}>
            <ReportChart {...chart} />
          </Suspense>
        </ChartBoundary>
      </div>
      {children}
    </figure>
  );
}
