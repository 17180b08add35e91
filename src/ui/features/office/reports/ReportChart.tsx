/**
 * The office's one chart component, the only module that imports recharts: loaded on demand
 * (ChartFigure.tsx's React.lazy), so recharts lands in its own chunk and the field app never
 * downloads it. SVG with recharts' keyboard layer (arrow keys move between points, the tooltip
 * says the numbers); the figure around it carries the summary sentence and the table.
 * No animation: the numbers appear at once, for people who prefer reduced motion and for timing.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  /** The data key of this series' values. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

export interface ReportChartProps {
  readonly kind: 'bar' | 'line';
  readonly title: string;
  readonly summary: string;
  /** One entry per point on the horizontal axis, its name under `label`. */
  readonly data: readonly Readonly<Record<string, string | number | null>>[];
  readonly series: readonly ChartSeries[];
  /** Values are percentages (0 to 100): the axis runs 0 to 100. */
  readonly percent?: boolean;
  /** How a value is written on the axis and in the tooltip. */
  readonly format: (n: number) => string;
}

const HEIGHT = 280;
/** The size drawn before the container is measured (and where it cannot be, as in tests). */
const INITIAL = { width: 640, height: HEIGHT };

export default function ReportChart({ kind, title, summary, data, series, percent = false, format }: ReportChartProps) {
  const chartData = data as Record<string, string | number | null>[];
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="label" />,
    <YAxis key="y" tickFormatter={(v: number) => format(v)} allowDecimals={false} {...(percent ? { domain: [0, 100] } : {})} width={64} />,
    <Tooltip key="tip" formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />,
    <Legend key="legend" />,
  ];
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={INITIAL}>
      {kind === 'bar' ? (
        <BarChart data={chartData} accessibilityLayer title={title} desc={summary} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          {axes}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <LineChart data={chartData} accessibilityLayer title={title} desc={summary} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          {axes}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
