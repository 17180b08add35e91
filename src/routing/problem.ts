/**
 * Parsing and validation of a problem from untrusted JSON. Every error names the field that is
 * wrong (`stops[2].windows[0].end`), so a person can fix the file. Owns defaults too:
 * travel = haversine 40 km/h x 1.3, no breaks, no windows, service 0, priority 0, optional.
 * Knows nothing about solving.
 */
import type { Minutes } from '../domain/ids';
import type { BreakRule, Place, Problem, Stop, StopId, TimeWindow, TravelModel } from './types';

export type ParseResult = { ok: true; problem: Problem } | { ok: false; code: 'invalid_problem'; message: string };

/** Thrown only inside this module and turned into a ParseResult at the boundary. */
class FieldError extends Error {}

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new FieldError(`${path}: ${what}`);
}

function obj(v: unknown, path: string, allowed: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) fail(path, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  }
  return v as Obj;
}

function num(v: unknown, path: string, opts: { min?: number; gt?: number; int?: boolean } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'must be a finite number');
  if (opts.int && !Number.isInteger(v)) fail(path, `must be an integer, got ${v}`);
  if (opts.min !== undefined && v < opts.min) fail(path, `must be at least ${opts.min}, got ${v}`);
  if (opts.gt !== undefined && v <= opts.gt) fail(path, `must be greater than ${opts.gt}, got ${v}`);
  return v;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'must be an array');
  return v;
}

const minutes = (v: unknown, path: string, min?: number): Minutes =>
  num(v, path, min === undefined ? {} : { min }) as Minutes;

function place(v: unknown, path: string): Place {
  if (typeof v === 'object' && v !== null && 'lat' in v) {
    const o = obj(v, path, ['lat', 'lng']);
    const lat = num(o.lat, `${path}.lat`);
    const lng = num(o.lng, `${path}.lng`);
    if (lat < -90 || lat > 90) fail(`${path}.lat`, `must be within [-90, 90], got ${lat}`);
    if (lng < -180 || lng > 180) fail(`${path}.lng`, `must be within [-180, 180], got ${lng}`);
    return { lat, lng };
  }
  if (typeof v === 'object' && v !== null && 'x' in v) {
    const o = obj(v, path, ['x', 'y']);
    return { x: num(o.x, `${path}.x`), y: num(o.y, `${path}.y`) };
  }
  fail(path, 'must be {"lat","lng"} or {"x","y"}');
}

function window(v: unknown, path: string): TimeWindow {
  const o = obj(v, path, ['start', 'end']);
  const start = minutes(o.start, `${path}.start`);
  const end = minutes(o.end, `${path}.end`);
  if (end < start) fail(`${path}.end`, `(${end}) is before start (${start})`);
  return { start, end };
}

function travel(v: unknown, path: string, size: number): TravelModel {
  if (v === undefined) return { kind: 'haversine', kmh: 40, roadFactor: 1.3 };
  const kind = (v as Obj | null)?.kind;
  if (kind === 'haversine') {
    const o = obj(v, path, ['kind', 'kmh', 'roadFactor']);
    return {
      kind,
      kmh: o.kmh === undefined ? 40 : num(o.kmh, `${path}.kmh`, { gt: 0 }),
      roadFactor: o.roadFactor === undefined ? 1.3 : num(o.roadFactor, `${path}.roadFactor`, { gt: 0 }),
    };
  }
  if (kind === 'euclidean') {
    const o = obj(v, path, ['kind', 'unitsPerMinute']);
    const unitsPerMinute = o.unitsPerMinute === undefined ? 1 : num(o.unitsPerMinute, `${path}.unitsPerMinute`, { gt: 0 });
    return { kind, unitsPerMinute };
  }
  if (kind === 'matrix') {
    const o = obj(v, path, ['kind', 'minutes']);
    const rows = arr(o.minutes, `${path}.minutes`);
    if (rows.length !== size) fail(`${path}.minutes`, `must have ${size} rows (start, end, then one per stop), got ${rows.length}`);
    const matrix = rows.map((row, i) => {
      const cells = arr(row, `${path}.minutes[${i}]`);
      if (cells.length !== size) fail(`${path}.minutes[${i}]`, `must have ${size} columns, got ${cells.length}`);
      return cells.map((c, j) => num(c, `${path}.minutes[${i}][${j}]`, { min: 0 }));
    });
    return { kind, minutes: matrix };
  }
  fail(`${path}.kind`, 'must be "haversine", "euclidean" or "matrix"');
}

function breakRule(v: unknown, path: string): BreakRule {
  const o = obj(v, path, ['earliest', 'latest', 'minutes']);
  const earliest = minutes(o.earliest, `${path}.earliest`);
  const latest = minutes(o.latest, `${path}.latest`);
  if (latest < earliest) fail(`${path}.latest`, `(${latest}) is before earliest (${earliest})`);
  return { earliest, latest, minutes: minutes(o.minutes, `${path}.minutes`, 0) };
}

function stop(v: unknown, path: string): Stop {
  const o = obj(v, path, ['id', 'at', 'serviceMinutes', 'windows', 'priority', 'mandatory', 'site']);
  if (typeof o.id !== 'string' || o.id.length === 0) fail(`${path}.id`, 'must be a non-empty string');
  const windows = o.windows === undefined ? [] : arr(o.windows, `${path}.windows`).map((w, i) => window(w, `${path}.windows[${i}]`));
  if (o.mandatory !== undefined && typeof o.mandatory !== 'boolean') fail(`${path}.mandatory`, 'must be true or false');
  if (o.site !== undefined && (typeof o.site !== 'string' || o.site.length === 0)) fail(`${path}.site`, 'must be a non-empty string');
  return {
    id: o.id as StopId,
    at: place(o.at, `${path}.at`),
    serviceMinutes: o.serviceMinutes === undefined ? (0 as Minutes) : minutes(o.serviceMinutes, `${path}.serviceMinutes`, 0),
    windows,
    priority: o.priority === undefined ? 0 : num(o.priority, `${path}.priority`, { min: 0 }),
    mandatory: o.mandatory === true,
    ...(o.site === undefined ? {} : { site: o.site as string }),
  };
}

const TOP_FIELDS = ['start', 'end', 'shift', 'travel', 'breaks', 'stops', 'timeLimitMs', 'seed'] as const;

function problem(v: unknown): Problem {
  const o = obj(v, 'problem', TOP_FIELDS);
  const stops = arr(o.stops, 'stops').map((s, i) => stop(s, `stops[${i}]`));
  const seen = new Map<string, number>();
  stops.forEach((s, i) => {
    const before = seen.get(s.id);
    if (before !== undefined) fail(`stops[${i}].id`, `"${s.id}" is already used by stops[${before}]`);
    seen.set(s.id, i);
  });
  const shift = window(o.shift, 'shift');
  const model = travel(o.travel, 'travel', stops.length + 2);
  const start = place(o.start, 'start');
  const end = place(o.end, 'end');
  if (model.kind !== 'matrix') {
    const wantLatLng = model.kind === 'haversine';
    const check = (p: Place, path: string): void => {
      if (('lat' in p) !== wantLatLng) fail(path, `must be ${wantLatLng ? '{"lat","lng"}' : '{"x","y"}'} for ${model.kind} travel`);
    };
    check(start, 'start');
    check(end, 'end');
    stops.forEach((s, i) => check(s.at, `stops[${i}].at`));
    // A site is one place: its stops are driven to once.
    const firstAt = new Map<string, number>();
    stops.forEach((s, i) => {
      if (s.site === undefined) return;
      const k = firstAt.get(s.site);
      if (k === undefined) firstAt.set(s.site, i);
      else if (JSON.stringify(stops[k]!.at) !== JSON.stringify(s.at)) fail(`stops[${i}].at`, `must be the place of stops[${k}], which has the same site "${s.site}"`);
    });
  }
  const breaks = o.breaks === undefined ? [] : arr(o.breaks, 'breaks').map((b, i) => breakRule(b, `breaks[${i}]`));
  const out: Problem = { start, end, shift, travel: model, breaks, stops };
  const extra: { timeLimitMs?: number; seed?: number } = {};
  if (o.timeLimitMs !== undefined) extra.timeLimitMs = num(o.timeLimitMs, 'timeLimitMs', { gt: 0 });
  if (o.seed !== undefined) extra.seed = num(o.seed, 'seed', { int: true });
  return { ...out, ...extra };
}

export function parseProblem(input: unknown): ParseResult {
  try {
    return { ok: true, problem: problem(input) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, code: 'invalid_problem', message: e.message };
    throw e;
  }
}

/** Parse JSON text; a syntax error is reported like any other invalid problem. */
export function parseProblemText(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'invalid_problem', message: `not valid JSON: ${(e as Error).message}` };
  }
  return parseProblem(data);
}
