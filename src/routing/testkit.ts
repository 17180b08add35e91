/**
 * Helpers shared by the routing tests: build a Problem from terse JSON (through the real
 * parser, so tests exercise validation too). Not used by production code.
 */
import { parseProblem } from './problem';
import type { Problem } from './types';

export function problemOf(json: unknown): Problem {
  const r = parseProblem(json);
  if (!r.ok) throw new Error(r.message);
  return r.problem;
}

/** A planar day: start/end at the origin, one minute per unit. */
export function planar(stops: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}): Problem {
  return problemOf({
    start: { x: 0, y: 0 },
    end: { x: 0, y: 0 },
    shift: { start: 0, end: 1000 },
    travel: { kind: 'euclidean', unitsPerMinute: 1 },
    stops,
    ...extra,
  });
}
