/**
 * Travel models: minutes from one place to another, and the dense matrix the solver reads.
 * Owns the distance conventions; knows nothing about windows, breaks or routes.
 */
import type { Place, Problem, TravelModel, XyPlace } from './types';

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const isLatLng = (p: Place): p is { lat: number; lng: number } => 'lat' in p;

/**
 * Minutes between two places for the geometric models. The matrix model has no geometry, so it
 * is looked up by node number instead (see nodeTravel).
 */
export function placeTravel(model: Exclude<TravelModel, { kind: 'matrix' }>, a: Place, b: Place): number {
  if (model.kind === 'haversine') {
    if (!isLatLng(a) || !isLatLng(b)) throw new Error('haversine travel needs lat/lng places');
    return ((haversineKm(a, b) * model.roadFactor) / model.kmh) * 60;
  }
  if (isLatLng(a) || isLatLng(b)) throw new Error('euclidean travel needs x/y places');
  const p = a as XyPlace;
  const q = b as XyPlace;
  return Math.hypot(p.x - q.x, p.y - q.y) / model.unitsPerMinute;
}

/** Place of node `i` (0 = start, 1 = end, 2 + k = stops[k]). */
export function nodePlace(problem: Problem, i: number): Place {
  if (i === 0) return problem.start;
  if (i === 1) return problem.end;
  const stop = problem.stops[i - 2];
  if (!stop) throw new Error(`no node ${i}`);
  return stop.at;
}

/** Minutes from node i to node j, straight from the problem (no cache): the checker's source of truth. */
export function nodeTravel(problem: Problem, i: number, j: number): number {
  if (i === j) return 0;
  const t = problem.travel;
  if (t.kind === 'matrix') {
    const v = t.minutes[i]?.[j];
    if (v === undefined) throw new Error(`travel matrix has no entry [${i}][${j}]`);
    return v;
  }
  return placeTravel(t, nodePlace(problem, i), nodePlace(problem, j));
}

/** Row-major size x size matrix of minutes, size = stops + 2. The diagonal is 0. */
export function buildTravelMatrix(problem: Problem): Float64Array {
  const size = problem.stops.length + 2;
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) out[i * size + j] = nodeTravel(problem, i, j);
  }
  return out;
}
