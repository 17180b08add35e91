/**
 * A plain drawing of the day's route: start, numbered visits and end, joined in order, scaled
 * to the box. No map tiles, so it works offline; longitude is shrunk by cos(latitude) so the
 * shape is not stretched. Visits already done are drawn muted.
 */
import type { DayPlan } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { TODAY_TEXT } from './todayText';

const W = 360;
const H = 240;
const PAD = 18;

interface LatLngLike {
  readonly lat: number;
  readonly lng: number;
}
const asLatLng = (p: object): LatLngLike | null => ('lat' in p && 'lng' in p ? (p as LatLngLike) : null);

export function RouteDrawing({ day }: { day: DayPlan }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const { problem, plan, progress } = day;
  const at = new Map(problem.stops.map((s) => [s.id as string, asLatLng(s.at)]));
  const start = asLatLng(problem.start);
  const end = asLatLng(problem.end);
  const visits = plan.visits.map((v) => ({ id: v.id as string, p: at.get(v.id) ?? null }));
  const points = [start, ...visits.map((v) => v.p), end].filter((p): p is LatLngLike => p !== null);
  if (!start || !end || points.length < 2) return null;

  const meanLat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * kx);
  const ys = points.map((p) => p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // One scale for both axes keeps distances true; a day at one address still gets a box.
  const scale = Math.min((W - 2 * PAD) / Math.max(maxX - minX, 1e-6), (H - 2 * PAD) / Math.max(maxY - minY, 1e-6));
  const offX = (W - (maxX - minX) * scale) / 2;
  const offY = (H - (maxY - minY) * scale) / 2;
  const proj = (p: LatLngLike) => ({ x: offX + (p.lng * kx - minX) * scale, y: H - offY - (p.lat - minY) * scale });

  const done = new Set<string>(progress.done.map((v) => v.id));
  const path = [start, ...visits.map((v) => v.p).filter((p): p is LatLngLike => p !== null), end].map(proj);
  const s = proj(start);
  const e = proj(end);

  return (
    <svg className="route-drawing" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="route-drawing-title">
      <title id="route-drawing-title">{tx.routeTitle(visits.length)}</title>
      <rect x="0" y="0" width={W} height={H} rx="8" className="route-drawing__bg" />
      <polyline points={path.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ')} className="route-drawing__line" />
      <rect x={s.x - 7} y={s.y - 7} width="14" height="14" className="route-drawing__base">
        <title>{tx.routeStart}</title>
      </rect>
      {(e.x !== s.x || e.y !== s.y) && (
        <rect x={e.x - 7} y={e.y - 7} width="14" height="14" className="route-drawing__base">
          <title>{tx.routeEnd}</title>
        </rect>
      )}
      {visits.map((v, i) => {
        if (!v.p) return null;
        const q = proj(v.p);
        return (
          <g key={v.id} className={done.has(v.id) ? 'route-drawing__stop route-drawing__stop--done' : 'route-drawing__stop'}>
            <circle cx={q.x} cy={q.y} r="10" />
            <text x={q.x} y={q.y} dy="0.35em" textAnchor="middle">
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
