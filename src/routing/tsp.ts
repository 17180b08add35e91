/**
 * Shortest path from the start place through every given stop to the end place, ignoring time
 * (the TSP case: no windows, no breaks). Iterated local search: 2-opt and or-opt restricted to
 * neighbour lists, then a local double-bridge kick, keeping the new tour when it is at most 0.2% longer than
 * the best (else restarting from the best).
 * Works on asymmetric matrices: reversal costs come from forward/backward prefix sums.
 * Positions 0 and N-1 of the tour hold the start and end nodes and never move.
 */
import type { Model } from './model';
import type { Rng } from './rng';
import { EPS } from './timing';

const NEIGHBOURS = 10;
const ACCEPT_THRESHOLD = 0.002;

interface Tour {
  readonly t: Int32Array;
  readonly pos: Int32Array;
  readonly cumF: Float64Array;
  readonly cumB: Float64Array;
}

function reindex(m: Model, tour: Tour): void {
  const { t, pos, cumF, cumB } = tour;
  const T = m.travel;
  const size = m.size;
  cumF[0] = 0;
  cumB[0] = 0;
  for (let i = 0; i < t.length; i++) {
    pos[t[i]!] = i;
    if (i > 0) {
      cumF[i] = cumF[i - 1]! + T[t[i - 1]! * size + t[i]!]!;
      cumB[i] = cumB[i - 1]! + T[t[i]! * size + t[i - 1]!]!;
    }
  }
}

function neighbourLists(m: Model, stops: readonly number[]): Int32Array[] {
  const T = m.travel;
  const size = m.size;
  const lists: Int32Array[] = [];
  for (const a of stops) {
    const near = stops
      .filter((b) => b !== a)
      .map((b) => ({ b, d: Math.min(T[a * size + b]!, T[b * size + a]!) }))
      .sort((x, y) => x.d - y.d || x.b - y.b)
      .slice(0, NEIGHBOURS)
      .map((x) => x.b);
    lists[a] = Int32Array.from(near);
  }
  return lists;
}

/** Change in length when reversing positions s..e (1 <= s < e <= N-2). */
function reversalDelta(m: Model, tour: Tour, s: number, e: number): number {
  const { t, cumF, cumB } = tour;
  const T = m.travel;
  const size = m.size;
  const a = t[s - 1]!;
  const b = t[s]!;
  const c = t[e]!;
  const d = t[e + 1]!;
  const inside = cumF[e]! - cumF[s]!;
  const back = cumB[e]! - cumB[s]!;
  return T[a * size + c]! + T[b * size + d]! + back - T[a * size + b]! - T[c * size + d]! - inside;
}

function reverse(tour: Tour, s: number, e: number): void {
  const t = tour.t;
  for (let i = s, j = e; i < j; i++, j--) {
    const x = t[i]!;
    t[i] = t[j]!;
    t[j] = x;
  }
}

function tryTwoOpt(m: Model, tour: Tour, near: Int32Array[]): boolean {
  const { t, pos } = tour;
  const last = t.length - 2;
  for (let i = 1; i <= last; i++) {
    const a = t[i]!;
    for (const b of near[a]!) {
      const j = pos[b]!;
      const moves = j > i ? [i + 1, j, i, j - 1] : [j + 1, i, j, i - 1];
      for (let k = 0; k < 4; k += 2) {
        const s = Math.max(1, moves[k]!);
        const e = Math.min(last, moves[k + 1]!);
        if (s >= e) continue;
        if (reversalDelta(m, tour, s, e) < -EPS) {
          reverse(tour, s, e);
          return true;
        }
      }
    }
  }
  return false;
}

/** Move t[i..i+len-1] so that it follows position p (outside the segment), maybe reversed. */
function moveSegment(tour: Tour, i: number, len: number, p: number, reversed: boolean): void {
  const t = tour.t;
  const seg = Array.from(t.subarray(i, i + len));
  if (reversed) seg.reverse();
  const rest: number[] = [];
  for (let q = 0; q < t.length; q++) {
    if (q >= i && q < i + len) continue;
    rest.push(t[q]!);
    if (q === p) rest.push(...seg);
  }
  t.set(rest);
}

function tryOrOpt(m: Model, tour: Tour, near: Int32Array[]): boolean {
  const { t, pos, cumF, cumB } = tour;
  const T = m.travel;
  const size = m.size;
  const last = t.length - 2;
  for (let len = 1; len <= 3; len++) {
    for (let i = 1; i + len - 1 <= last; i++) {
      const e = i + len - 1;
      const first = t[i]!;
      const tail = t[e]!;
      const before = t[i - 1]!;
      const after = t[e + 1]!;
      const gain = T[before * size + first]! + T[tail * size + after]! - T[before * size + after]!;
      if (gain <= EPS) continue;
      const twist = cumB[e]! - cumB[i]! - (cumF[e]! - cumF[i]!);
      for (const end of [first, tail]) {
        for (const b of near[end]!) {
          const jb = pos[b]!;
          for (const p of [jb, jb - 1]) {
            if (p < 0 || p > last || (p >= i - 1 && p <= e)) continue;
            const x = t[p]!;
            const y = t[p + 1]!;
            const base = T[x * size + y]!;
            const fwd = T[x * size + first]! + T[tail * size + y]! - base;
            const rev = T[x * size + tail]! + T[first * size + y]! - base + twist;
            if (fwd - gain < -EPS) {
              moveSegment(tour, i, len, p, false);
              return true;
            }
            if (rev - gain < -EPS) {
              moveSegment(tour, i, len, p, true);
              return true;
            }
          }
        }
      }
    }
  }
  return false;
}

function localSearch(m: Model, tour: Tour, near: Int32Array[]): void {
  for (;;) {
    reindex(m, tour);
    if (tryOrOpt(m, tour, near)) continue;
    if (tryTwoOpt(m, tour, near)) continue;
    return;
  }
}

/** Segment-swap kick: A B C D -> A C B D with short B and C, all inside the stops. */
function kick(tour: Tour, rng: Rng): void {
  const t = tour.t;
  const stops = t.length - 2;
  if (stops < 8) {
    const i = 1 + rng.int(stops);
    const j = 1 + rng.int(stops);
    const x = t[i]!;
    t[i] = t[j]!;
    t[j] = x;
    return;
  }
  const maxLen = Math.max(2, Math.min(50, Math.floor(stops / 3)));
  const l1 = 1 + rng.int(maxLen);
  const l2 = 1 + rng.int(maxLen);
  const a = 1 + rng.int(stops - l1 - l2 + 1);
  const b = Array.from(t.subarray(a, a + l1));
  const c = Array.from(t.subarray(a + l1, a + l1 + l2));
  t.set([...c, ...b], a);
}

function tourLength(tour: Tour): number {
  return tour.cumF[tour.t.length - 1]!;
}

export interface TspControl {
  readonly shouldStop: () => boolean;
  readonly maxIterations: number;
  /** Stop after this many kicks without a shorter tour. */
  readonly stallIterations: number;
  readonly onImprove?: (stops: number[], length: number) => void;
}

/** Order of `stops` minimising travel from node 0 to node 1. */
export function shortestPath(m: Model, stops: readonly number[], rng: Rng, control: TspControl): number[] {
  const N = stops.length + 2;
  const make = (): Tour => ({ t: new Int32Array(N), pos: new Int32Array(m.size), cumF: new Float64Array(N), cumB: new Float64Array(N) });
  if (stops.length <= 2) {
    const options = stops.length === 2 ? [[...stops], [stops[1]!, stops[0]!]] : [[...stops]];
    const len = (o: number[]): number => [0, ...o, 1].reduce((s, x, i, a) => (i === 0 ? 0 : s + m.travel[a[i - 1]! * m.size + x]!), 0);
    return options.reduce((b, o) => (len(o) < len(b) ? o : b));
  }
  const near = neighbourLists(m, stops);
  // Nearest-neighbour start.
  const cur = make();
  const left = new Set(stops);
  let at = 0;
  cur.t[0] = 0;
  for (let i = 1; i < N - 1; i++) {
    let pick = -1;
    let best = Infinity;
    for (const s of left) {
      const d = m.travel[at * m.size + s]!;
      if (d < best) {
        best = d;
        pick = s;
      }
    }
    cur.t[i] = pick;
    left.delete(pick);
    at = pick;
  }
  cur.t[N - 1] = 1;
  localSearch(m, cur, near);
  const best = make();
  best.t.set(cur.t);
  reindex(m, best);
  control.onImprove?.(Array.from(best.t.subarray(1, N - 1)), tourLength(best));
  // Acceptance: keep a kicked tour when it is at most a hair longer than the best (a small
  // threshold lets the walk cross plateaus and shallow ridges), else go back to the best.
  let stall = 0;
  for (let it = 0; it < control.maxIterations && stall < control.stallIterations; it++) {
    if ((it & 15) === 0 && control.shouldStop()) break;
    kick(cur, rng);
    localSearch(m, cur, near);
    const len = tourLength(cur);
    const bestLen = tourLength(best);
    if (len < bestLen - EPS) {
      best.t.set(cur.t);
      reindex(m, best);
      stall = 0;
      control.onImprove?.(Array.from(best.t.subarray(1, N - 1)), len);
    } else {
      stall++;
      if (len > bestLen * (1 + ACCEPT_THRESHOLD) + EPS) {
        cur.t.set(best.t);
        reindex(m, cur);
      }
    }
  }
  return Array.from(best.t.subarray(1, N - 1));
}
