/**
 * A mutable single route for the heuristics, with the arrays that make move checks O(1):
 *   early[p*w+k]  earliest departure from position p having taken k breaks (forward time);
 *   late[p*w+k]   latest ready time at position p, k breaks taken before it, such that the rest
 *                 of the route still works (the "latest start" array of TSPTW solvers).
 * w = breaks + 1. Position 0 holds the start node (0) and position len + 1 the end node (1).
 * Invariant: after refresh() the route is feasible and both arrays, totals and `pos` are current.
 */
import type { Model } from './model';
import type { Score } from './objective';
import { EPS, gapLatestDepart, gapReady, latestServiceStart, serviceStart } from './timing';

export class Route {
  readonly m: Model;
  readonly w: number;
  readonly seq: Int32Array;
  len = 0;
  /** Position of each node in seq, -1 when not routed. */
  readonly pos: Int32Array;
  readonly early: Float64Array;
  readonly late: Float64Array;
  /** cumF[p] = travel along seq[0..p]; cumB[p] = the same legs driven backwards (asymmetric matrices). */
  readonly cumF: Float64Array;
  readonly cumB: Float64Array;
  travel = 0;
  priority = 0;
  mandatory = 0;
  private readonly scratchA: Float64Array;
  private readonly scratchB: Float64Array;

  constructor(m: Model) {
    this.m = m;
    this.w = m.nBreaks + 1;
    this.seq = new Int32Array(m.size);
    this.pos = new Int32Array(m.size).fill(-1);
    this.early = new Float64Array(m.size * this.w);
    this.late = new Float64Array(m.size * this.w);
    this.cumF = new Float64Array(m.size);
    this.cumB = new Float64Array(m.size);
    this.scratchA = new Float64Array(this.w);
    this.scratchB = new Float64Array(this.w);
    this.seq[1] = 1;
  }

  /** Replace the stops (start/end implied) and refresh; returns false (and leaves garbage) if infeasible. */
  setStops(stops: ArrayLike<number>): boolean {
    for (let p = 0; p <= this.len + 1; p++) this.pos[this.seq[p]!] = -1;
    this.len = stops.length;
    this.seq[0] = 0;
    for (let i = 0; i < stops.length; i++) this.seq[i + 1] = stops[i]!;
    this.seq[this.len + 1] = 1;
    return this.refresh();
  }

  copyFrom(other: Route): void {
    this.setStops(other.seq.subarray(1, other.len + 1));
  }

  stops(): number[] {
    return Array.from(this.seq.subarray(1, this.len + 1));
  }

  score(): Score {
    return { mandatory: this.mandatory, priority: this.priority, travel: this.travel, returnAt: this.early[(this.len + 1) * this.w + this.w - 1]! };
  }

  /** Recompute every array; true when the route is feasible. */
  refresh(): boolean {
    const { m, w, seq, early, late } = this;
    const nb = w - 1;
    const last = this.len + 1;
    let travel = 0;
    let back = 0;
    let priority = 0;
    let mandatory = 0;
    this.cumF[0] = 0;
    this.cumB[0] = 0;
    for (let p = 0; p <= last; p++) {
      const node = seq[p]!;
      this.pos[node] = p;
      priority += m.priority[node]!;
      mandatory += m.mandatory[node]!;
      if (p > 0) {
        travel += m.travel[seq[p - 1]! * m.size + node]!;
        back += m.travel[node * m.size + seq[p - 1]!]!;
      }
      this.cumF[p] = travel;
      this.cumB[p] = back;
    }
    this.travel = travel;
    this.priority = priority;
    this.mandatory = mandatory;

    early.fill(Infinity, 0, (last + 1) * w);
    early[0] = m.shiftStart;
    for (let p = 1; p <= last; p++) {
      const a = seq[p - 1]!;
      const b = seq[p]!;
      const t = m.travel[a * m.size + b]!;
      for (let k0 = 0; k0 <= nb; k0++) {
        const d = early[(p - 1) * w + k0]!;
        if (d === Infinity) continue;
        for (let k1 = k0; k1 <= nb; k1++) {
          const r = gapReady(m, d, t, k0, k1);
          if (r === Infinity) break;
          const s = serviceStart(m, b, r);
          if (s === Infinity) continue;
          const out = s + m.service[b]!;
          if (out < early[p * w + k1]!) early[p * w + k1] = out;
        }
      }
    }
    late.fill(-Infinity, 0, (last + 1) * w);
    late[last * w + nb] = m.shiftEnd;
    for (let p = last - 1; p >= 0; p--) {
      const a = seq[p]!;
      const t = m.travel[a * m.size + seq[p + 1]!]!;
      for (let k = 0; k <= nb; k++) {
        let ld = -Infinity;
        for (let k1 = k; k1 <= nb; k1++) {
          const lr = late[(p + 1) * w + k1]!;
          if (lr === -Infinity) continue;
          const d = gapLatestDepart(m, lr, t, k, k1);
          if (d > ld) ld = d;
        }
        late[p * w + k] = p === 0 || ld === -Infinity ? ld : latestServiceStart(m, a, ld);
      }
    }
    return early[last * w + nb]! <= m.shiftEnd + EPS && early[0]! <= late[0]! + EPS;
  }

  /**
   * Added travel if node c can go between positions p and p + 1, else NaN. O(1) without breaks.
   */
  insertionDelta(c: number, p: number): number {
    const { m, seq, w } = this;
    const a = seq[p]!;
    const b = seq[p + 1]!;
    const size = m.size;
    const t1 = m.travel[a * size + c]!;
    const t2 = m.travel[c * size + b]!;
    if (w === 1) {
      const s = serviceStart(m, c, this.early[p]! + t1);
      if (s === Infinity) return NaN;
      if (s + m.service[c]! + t2 > this.late[p + 1]! + EPS) return NaN;
    } else if (!this.insertionFeasibleWithBreaks(c, p, t1, t2)) return NaN;
    return t1 + t2 - m.travel[a * size + b]!;
  }

  private insertionFeasibleWithBreaks(c: number, p: number, t1: number, t2: number): boolean {
    const { m, w, early, late } = this;
    const nb = w - 1;
    for (let k0 = 0; k0 <= nb; k0++) {
      const d = early[p * w + k0]!;
      if (d === Infinity) continue;
      for (let k1 = k0; k1 <= nb; k1++) {
        const r = gapReady(m, d, t1, k0, k1);
        if (r === Infinity) break;
        const s = serviceStart(m, c, r);
        if (s === Infinity) continue;
        const dc = s + m.service[c]!;
        for (let k2 = k1; k2 <= nb; k2++) {
          const r2 = gapReady(m, dc, t2, k1, k2);
          if (r2 === Infinity) break;
          if (r2 <= late[(p + 1) * w + k2]! + EPS) return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the route stays feasible when the nodes strictly between positions p and q are
   * replaced by `middle[0..count)` (positions p and q themselves keep their nodes).
   */
  chainFeasible(p: number, middle: ArrayLike<number>, count: number, q: number): boolean {
    const { m, w, seq, early, late } = this;
    const size = m.size;
    const last = seq[q]!;
    if (w === 1) {
      let d = early[p]!;
      let prev = seq[p]!;
      for (let i = 0; i < count; i++) {
        const c = middle[i]!;
        const s = serviceStart(m, c, d + m.travel[prev * size + c]!);
        if (s === Infinity) return false;
        d = s + m.service[c]!;
        prev = c;
      }
      return d + m.travel[prev * size + last]! <= late[q]! + EPS;
    }
    let cur = this.scratchA;
    let next = this.scratchB;
    for (let k = 0; k < w; k++) cur[k] = early[p * w + k]!;
    let prev = seq[p]!;
    for (let i = 0; i <= count; i++) {
      const c = i < count ? middle[i]! : last;
      const t = m.travel[prev * size + c]!;
      next.fill(Infinity);
      for (let k0 = 0; k0 < w; k0++) {
        const d = cur[k0]!;
        if (d === Infinity) continue;
        for (let k1 = k0; k1 < w; k1++) {
          const r = gapReady(m, d, t, k0, k1);
          if (r === Infinity) break;
          if (i === count) {
            if (r <= late[q * w + k1]! + EPS) return true;
            continue;
          }
          const s = serviceStart(m, c, r);
          if (s === Infinity) continue;
          const out = s + m.service[c]!;
          if (out < next[k1]!) next[k1] = out;
        }
      }
      [cur, next] = [next, cur];
      prev = c;
    }
    return false;
  }

  /** Insert node c after position p and refresh. The caller has checked feasibility. */
  insertAfter(c: number, p: number): void {
    this.seq.copyWithin(p + 2, p + 1, this.len + 2);
    this.seq[p + 1] = c;
    this.len++;
    this.refresh();
  }

  /** Remove the stop at position p (1..len) without refreshing; call refresh() after a batch. */
  removeAtNoRefresh(p: number): void {
    this.pos[this.seq[p]!] = -1;
    this.seq.copyWithin(p, p + 1, this.len + 2);
    this.len--;
  }
}
