/**
 * Travel-reducing moves on one route that keep its stops: 2-opt (reverse a segment) and or-opt
 * (move a segment of 1-3 stops elsewhere, either way round). Each candidate is priced in O(1)
 * from the travel prefix sums first; only improving ones pay for the time-window check, which
 * walks just the changed part against the latest-start array. First improvement, repeated until
 * no move helps. Time freed here is what the insertion step turns into more priority.
 */
import type { Route } from './route';
import { EPS } from './timing';

const MAX_SEGMENT = 3;

function tryTwoOpt(r: Route, buf: Int32Array): boolean {
  const { m, seq } = r;
  const size = m.size;
  const T = m.travel;
  for (let i = 0; i < r.len - 1; i++) {
    const a = seq[i]!;
    const a1 = seq[i + 1]!;
    for (let j = i + 2; j <= r.len; j++) {
      const b = seq[j]!;
      const b1 = seq[j + 1]!;
      // Reverse positions i+1..j: legs inside the segment are driven backwards.
      const inside = r.cumF[j]! - r.cumF[i + 1]!;
      const insideBack = r.cumB[j]! - r.cumB[i + 1]!;
      const delta = T[a * size + b]! + T[a1 * size + b1]! + insideBack - T[a * size + a1]! - T[b * size + b1]! - inside;
      if (delta > -EPS) continue;
      const count = j - i;
      for (let k = 0; k < count; k++) buf[k] = seq[j - k]!;
      if (!r.chainFeasible(i, buf, count, j + 1)) continue;
      seq.set(buf.subarray(0, count), i + 1);
      r.refresh();
      return true;
    }
  }
  return false;
}

function tryOrOpt(r: Route, buf: Int32Array): boolean {
  const { m, seq } = r;
  const size = m.size;
  const T = m.travel;
  for (let len = 1; len <= MAX_SEGMENT; len++) {
    for (let i = 1; i + len - 1 <= r.len; i++) {
      const first = seq[i]!;
      const lastPos = i + len - 1;
      const last = seq[lastPos]!;
      const before = seq[i - 1]!;
      const after = seq[lastPos + 1]!;
      const inside = r.cumF[lastPos]! - r.cumF[i]!;
      const insideBack = r.cumB[lastPos]! - r.cumB[i]!;
      const removeGain = T[before * size + first]! + T[last * size + after]! - T[before * size + after]!;
      if (removeGain <= EPS) continue;
      for (let p = 0; p <= r.len; p++) {
        if (p >= i - 1 && p <= lastPos) continue;
        const x = seq[p]!;
        const y = seq[p + 1]!;
        const base = T[x * size + y]!;
        const fwd = T[x * size + first]! + T[last * size + y]! - base;
        const rev = T[x * size + last]! + T[first * size + y]! - base + insideBack - inside;
        const reversed = rev < fwd;
        if (Math.min(fwd, rev) - removeGain > -EPS) continue;
        // Build the new order of the changed stretch (lo, hi) exclusive, then check it.
        const lo = Math.min(p, i - 1);
        const hi = Math.max(p + 1, lastPos + 1);
        let k = 0;
        const pushSeg = (): void => {
          for (let s = 0; s < len; s++) buf[k++] = reversed ? seq[lastPos - s]! : seq[i + s]!;
        };
        for (let q = lo + 1; q < hi; q++) {
          if (q >= i && q <= lastPos) continue;
          if (p < i && q === p + 1) pushSeg();
          buf[k++] = seq[q]!;
          if (p > lastPos && q === p) pushSeg();
        }
        if (!r.chainFeasible(lo, buf, k, hi)) continue;
        seq.set(buf.subarray(0, k), lo + 1);
        r.refresh();
        return true;
      }
    }
  }
  return false;
}

/** Apply improving moves until none is left (or `budget` moves were made). */
export function reduceTravel(r: Route, buf: Int32Array, budget = 1000): void {
  for (let moves = 0; moves < budget; moves++) {
    if (!tryOrOpt(r, buf) && !tryTwoOpt(r, buf)) return;
  }
}
