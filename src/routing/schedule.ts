/**
 * Timing of one route: given the order of the stops, place the breaks in the gaps optimally and
 * compute every arrival, start and departure as early as possible (which also gives the earliest
 * return). A small DP over (position, breaks taken so far) keeps only the earliest departure
 * per state; that is exact because being earlier is never worse.
 */
import type { Model } from './model';
import { EPS, gapDetail, gapReady, serviceStart } from './timing';

export interface Timeline {
  /** Physical order: stop nodes only (no start/end). */
  readonly seq: readonly number[];
  readonly arrive: readonly number[];
  readonly start: readonly number[];
  readonly depart: readonly number[];
  /** Start time of each break, in break order. */
  readonly breakStarts: readonly number[];
  readonly returnAt: number;
  readonly travel: number;
}

/** Earliest-time schedule of `seq`, or null when no placement of the breaks makes it feasible. */
export function scheduleRoute(m: Model, seq: readonly number[]): Timeline | null {
  const nb = m.nBreaks;
  const w = nb + 1;
  const len = seq.length;
  const nodes = [0, ...seq, 1];
  // dep[p * w + k]: earliest departure from position p having taken k breaks; from[...] = k before the gap.
  const dep = new Float64Array((len + 2) * w).fill(Infinity);
  const from = new Int32Array((len + 2) * w).fill(-1);
  dep[0] = m.shiftStart;
  for (let p = 1; p <= len + 1; p++) {
    const a = nodes[p - 1]!;
    const b = nodes[p]!;
    const t = m.travel[a * m.size + b]!;
    for (let k0 = 0; k0 <= nb; k0++) {
      const d = dep[(p - 1) * w + k0]!;
      if (d === Infinity) continue;
      for (let k1 = k0; k1 <= nb; k1++) {
        const ready = gapReady(m, d, t, k0, k1);
        if (ready === Infinity) break; // more breaks in this gap can only be later still
        const s = serviceStart(m, b, ready);
        if (s === Infinity) continue;
        const out = s + m.service[b]!;
        if (out < dep[p * w + k1]!) {
          dep[p * w + k1] = out;
          from[p * w + k1] = k0;
        }
      }
    }
  }
  const returnAt = dep[(len + 1) * w + nb]!;
  if (!(returnAt <= m.shiftEnd + EPS)) return null;

  // Walk back to recover how many breaks each gap holds, then replay forward with details.
  const takenBefore = new Int32Array(len + 2);
  let k = nb;
  for (let p = len + 1; p >= 1; p--) {
    takenBefore[p] = k;
    k = from[p * w + k]!;
  }
  takenBefore[0] = 0;
  const arrive: number[] = [];
  const start: number[] = [];
  const depart: number[] = [];
  const breakStarts: number[] = [];
  let d = m.shiftStart;
  let travel = 0;
  for (let p = 1; p <= len + 1; p++) {
    const a = nodes[p - 1]!;
    const b = nodes[p]!;
    const t = m.travel[a * m.size + b]!;
    travel += t;
    const g = gapDetail(m, d, t, takenBefore[p - 1]!, takenBefore[p]!);
    breakStarts.push(...g.breakStarts);
    if (p === len + 1) break;
    const s = serviceStart(m, b, g.ready);
    arrive.push(g.arrive);
    start.push(s);
    d = s + m.service[b]!;
    depart.push(d);
  }
  return { seq: [...seq], arrive, start, depart, breakStarts, returnAt, travel };
}

/** Whether `seq` can be driven at all (cheaper than scheduleRoute when the times are not needed). */
export function isRouteFeasible(m: Model, seq: readonly number[]): boolean {
  return scheduleRoute(m, seq) !== null;
}
