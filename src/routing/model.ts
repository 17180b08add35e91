/**
 * The compiled problem the solvers read: typed arrays indexed by node (0 = start, 1 = end,
 * 2 + k = stops[k]), windows sorted and merged, travel precomputed. Built once per solve;
 * never mutated afterwards.
 */
import { buildTravelMatrix } from './travel';
import type { Problem } from './types';

export interface Model {
  /** Number of candidate stops. */
  readonly n: number;
  /** n + 2 nodes. */
  readonly size: number;
  /** travel[i * size + j], minutes. */
  readonly travel: Float64Array;
  readonly service: Float64Array;
  readonly priority: Float64Array;
  readonly mandatory: Uint8Array;
  /** Per node, sorted disjoint windows on the start of service; a node without windows gets (-inf, +inf). */
  readonly winOpen: readonly Float64Array[];
  readonly winClose: readonly Float64Array[];
  readonly shiftStart: number;
  readonly shiftEnd: number;
  /** Breaks, in the order they must be taken. */
  readonly nBreaks: number;
  readonly brEarliest: Float64Array;
  readonly brLatest: Float64Array;
  readonly brMinutes: Float64Array;
  readonly mandatoryCount: number;
  /** Per node, the index of its site (a care home whose residents are served in one block), or -1. */
  readonly site: Int32Array;
  /** Number of distinct sites. */
  readonly siteCount: number;
  /**
   * Shortest-path travel between nodes through any others: a lower bound on the time from i to j
   * in any route. Equal to `travel` for the geometric models; smaller for a matrix without the
   * triangle inequality, where a detour via another stop can be quicker than the direct leg.
   */
  readonly reach: Float64Array;
}

function shortestPaths(travel: Float64Array, size: number): Float64Array {
  const d = Float64Array.from(travel);
  for (let k = 0; k < size; k++) {
    for (let i = 0; i < size; i++) {
      const ik = d[i * size + k]!;
      for (let j = 0; j < size; j++) {
        const via = ik + d[k * size + j]!;
        if (via < d[i * size + j]!) d[i * size + j] = via;
      }
    }
  }
  return d;
}

function mergedWindows(windows: readonly { start: number; end: number }[]): [number[], number[]] {
  if (windows.length === 0) return [[-Infinity], [Infinity]];
  const sorted = [...windows].sort((a, b) => a.start - b.start || a.end - b.end);
  const open: number[] = [];
  const close: number[] = [];
  for (const w of sorted) {
    const last = close.length - 1;
    if (last >= 0 && w.start <= close[last]!) close[last] = Math.max(close[last]!, w.end);
    else {
      open.push(w.start);
      close.push(w.end);
    }
  }
  return [open, close];
}

export function compileProblem(problem: Problem, travel: Float64Array = buildTravelMatrix(problem)): Model {
  const n = problem.stops.length;
  const size = n + 2;
  const service = new Float64Array(size);
  const priority = new Float64Array(size);
  const mandatory = new Uint8Array(size);
  const winOpen: Float64Array[] = [Float64Array.of(-Infinity), Float64Array.of(-Infinity)];
  const winClose: Float64Array[] = [Float64Array.of(Infinity), Float64Array.of(Infinity)];
  const site = new Int32Array(size).fill(-1);
  const siteIndex = new Map<string, number>();
  problem.stops.forEach((s, k) => {
    service[k + 2] = s.serviceMinutes;
    priority[k + 2] = s.priority;
    mandatory[k + 2] = s.mandatory ? 1 : 0;
    if (s.site !== undefined) {
      if (!siteIndex.has(s.site)) siteIndex.set(s.site, siteIndex.size);
      site[k + 2] = siteIndex.get(s.site)!;
    }
    const [open, close] = mergedWindows(s.windows);
    winOpen.push(Float64Array.from(open));
    winClose.push(Float64Array.from(close));
  });
  return {
    n,
    size,
    travel,
    service,
    priority,
    mandatory,
    winOpen,
    winClose,
    shiftStart: problem.shift.start,
    shiftEnd: problem.shift.end,
    nBreaks: problem.breaks.length,
    brEarliest: Float64Array.from(problem.breaks, (b) => b.earliest),
    brLatest: Float64Array.from(problem.breaks, (b) => b.latest),
    brMinutes: Float64Array.from(problem.breaks, (b) => b.minutes),
    mandatoryCount: problem.stops.filter((s) => s.mandatory).length,
    site,
    siteCount: siteIndex.size,
    reach: problem.travel.kind === 'matrix' ? shortestPaths(travel, size) : travel,
  };
}
