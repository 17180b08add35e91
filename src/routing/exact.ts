/**
 * Exact search: a label-setting search over partial routes, in order of departure time, with
 * dominance between labels at the same stop. Proves optimality in the lexicographic objective
 * when it finishes; how big its state space is likely to be is estimated by stateSpaceLog2, so
 * the caller can decide whether to run it at all.
 *
 * A label is a partial route from the start ending at `node`: departure time, breaks taken,
 * travel, priority and mandatory stops so far, and `closed`, the candidates it can no longer
 * serve: those it visited, those it can no longer reach in their windows (their latest start has
 * passed even when driving straight there), and the other residents of a care home it has left.
 * Counting unreachable stops as closed is what makes the search fast on days with tight
 * windows: labels that differ only in stops whose windows have passed compare equal.
 *
 * Dominance (at the same node): A dominates B when A departs no later, has taken at least as
 * many breaks, has no more travel, at least as much priority and as many mandatory stops, and
 * closed(A) is a subset of closed(B). Every completion of B uses only stops open for B, so A can
 * drive it too, no later (all timing is monotone: being earlier is never worse), for a score at
 * least as good. The search goes layer by layer (routes of k stops, then k + 1) and compares
 * only labels of the same layer that fall in one bucket, keyed by a hash of (stop, closed set):
 * in practice labels with equal closed sets. Comparing every subset would prune more but cost a
 * scan of every label at the stop (a version that did ran 2-4x slower on wide-window days);
 * the subset test in `dominates` keeps a hash collision harmless.
 *
 * Bounds per label (upper/lower bounds, so pruning never loses the optimum):
 *  - mandatory: stops served + remaining mandatory stops still open;
 *  - priority: fractional knapsack over open stops, weight = service + cheapest way in (from the
 *    current stop or an open one), capacity = time left minus remaining breaks minus the cheapest
 *    way into the end place; when the label can only tie on mandatory stops, all remaining
 *    mandatory ones are charged first; rounded down when priorities are integers;
 *  - travel (only when the label can at best tie on priority): travel so far + cheapest way into
 *    the end + cheapest way into every remaining mandatory stop it must still serve.
 */
import type { Model } from './model';
import { compareScores, SCORE_EPS, type Score } from './objective';
import { EPS, gapReady, latestServiceStart, serviceStart } from './timing';

interface Label {
  readonly node: number;
  /** Bit per candidate (by index in `candidates`): visited, unreachable, or a left care home's. */
  readonly closed: number[];
  readonly k: number;
  readonly depart: number;
  readonly travel: number;
  readonly priority: number;
  readonly mandatory: number;
  readonly parent: Label | null;
}

export interface ExactResult {
  readonly seq: number[] | null;
  readonly score: Score | null;
  /** True when the search space was exhausted: nothing beats `score`. */
  readonly proven: boolean;
  /** Labels created (for tests and the benchmark). */
  readonly labels: number;
}

export interface ExactControl {
  readonly shouldStop: () => boolean;
  /** Give up (unproven) after creating this many labels. */
  readonly maxLabels: number;
}

function path(label: Label): number[] {
  const out: number[] = [];
  for (let l: Label | null = label; l && l.node !== 0; l = l.parent) out.push(l.node);
  return out.reverse();
}

/**
 * Bit sets as plain arrays of 30-bit words: small integers stay unboxed in V8, so copying and
 * comparing them is much cheaper than typed arrays for the few words a day needs. The hot loops
 * test bits through WORD/MASK tables (built per search) rather than dividing.
 */
const BITS = 30;
const setBit = (bits: number[], b: number): void => {
  bits[(b / BITS) | 0]! |= 1 << b % BITS;
};

/** True when every bit of a is also set in b. */
function subset(a: readonly number[], b: readonly number[]): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
  return true;
}

/** Earliest service start and latest useful service start of each candidate (breaks ignored). */
function candidateTimes(m: Model, candidates: readonly number[]): { earliest: Float64Array; latest: Float64Array } {
  const earliest = new Float64Array(m.size).fill(Infinity);
  const latest = new Float64Array(m.size).fill(-Infinity);
  for (const j of candidates) {
    earliest[j] = serviceStart(m, j, m.shiftStart + m.reach[j]!);
    latest[j] = latestServiceStart(m, j, m.shiftEnd - m.reach[j * m.size + 1]!);
  }
  return { earliest, latest };
}

/**
 * log2 of a rough count of the states the exact search may visit: for each candidate j, the
 * other candidates that could come either before or after it (both orders fit their windows)
 * are the ones whose state is open when the route is at j; the rest are settled by time. Wide
 * windows make every pair undecided (n 2^(n-1) states); tight windows keep it small.
 */
export function stateSpaceLog2(m: Model, candidates: readonly number[]): number {
  if (candidates.length === 0) return 0;
  const { earliest, latest } = candidateTimes(m, candidates);
  const size = m.size;
  let total = 0;
  let maxFree = 0;
  const free: number[] = [];
  for (const j of candidates) {
    let f = 0;
    for (const i of candidates) {
      if (i === j) continue;
      const iBeforeJ = earliest[i]! + m.service[i]! + m.reach[i * size + j]! <= latest[j]! + EPS;
      const jBeforeI = earliest[j]! + m.service[j]! + m.reach[j * size + i]! <= latest[i]! + EPS;
      if (iBeforeJ && jBeforeI) f++;
    }
    free.push(f);
    if (f > maxFree) maxFree = f;
  }
  // Sum of 2^f, scaled by 2^-maxFree so it stays finite for 100+ candidates.
  for (const f of free) total += 2 ** (f - maxFree);
  return maxFree + Math.log2(total);
}

/**
 * `candidates`: stop nodes worth serving. `incumbent`: best known route and its score (or null),
 * which the search must beat to replace. `site[node]` (>= 0) groups a care home's residents.
 */
export function solveExact(
  m: Model,
  candidates: readonly number[],
  incumbent: { seq: number[]; score: Score } | null,
  control: ExactControl,
): ExactResult {
  const c = candidates.length;
  const words = Math.max(1, Math.ceil(c / BITS));
  const size = m.size;
  const T = m.travel;
  const nb = m.nBreaks;
  const breakSuffix = new Float64Array(nb + 1);
  for (let b = nb - 1; b >= 0; b--) breakSuffix[b] = breakSuffix[b + 1]! + m.brMinutes[b]!;
  const { latest } = candidateTimes(m, candidates);

  const bitOf = new Int32Array(size).fill(-1);
  candidates.forEach((j, bit) => (bitOf[j] = bit));
  // Word and mask of each candidate's bit, and of each node's (start and end: never closed).
  const WORD = Int32Array.from({ length: c }, (_, b) => (b / BITS) | 0);
  const MASK = Int32Array.from({ length: c }, (_, b) => 1 << b % BITS);
  const has = (bits: readonly number[], b: number): boolean => (bits[WORD[b]!]! & MASK[b]!) !== 0;
  const nodeWord = new Int32Array(size);
  const nodeMask = new Int32Array(size);
  for (const j of candidates) {
    nodeWord[j] = WORD[bitOf[j]!]!;
    nodeMask[j] = MASK[bitOf[j]!]!;
  }

  // Possible predecessors of each candidate and of the end, nearest first. For a label only the
  // current stop and the open candidates can still precede anything.
  const preds: Int32Array[] = [];
  for (const j of [...candidates, 1]) {
    preds[j] = Int32Array.from([0, ...candidates].filter((i) => i !== j).sort((x, y) => T[x * size + j]! - T[y * size + j]!));
  }
  const minInFor = (l: Label, j: number): number => {
    const p = preds[j]!;
    const closed = l.closed;
    for (let q = 0; q < p.length; q++) {
      const i = p[q]!;
      if (i === l.node || (i !== 0 && (closed[nodeWord[i]!]! & nodeMask[i]!) === 0)) return T[i * size + j]!;
    }
    return Infinity;
  };

  // Unreachable sets by departure time: from node j departing at d, candidate i is out of reach
  // once d > deadline = latest[i] - reach(j, i). Candidates sorted by deadline per node, with the
  // union of the first p of them precomputed, so a label's unreachable set is one lookup.
  const nodes = [0, ...candidates];
  const deadlines: Float64Array[] = [];
  const cumulative: number[][] = [];
  for (const j of nodes) {
    const order = candidates.map((i, bit) => ({ bit, d: latest[i]! - m.reach[j * size + i]! })).sort((a, b) => a.d - b.d);
    deadlines[j] = Float64Array.from(order, (o) => o.d);
    const cum = new Array<number>((c + 1) * words).fill(0);
    order.forEach((o, p) => {
      for (let w = 0; w < words; w++) cum[(p + 1) * words + w] = cum[p * words + w]!;
      cum[(p + 1) * words + ((o.bit / BITS) | 0)]! |= 1 << o.bit % BITS;
    });
    cumulative[j] = cum;
  }
  /** OR into `bits` every candidate out of reach when leaving node j at `depart`. */
  const closeUnreachable = (bits: number[], j: number, depart: number): void => {
    const d = deadlines[j]!;
    let lo = 0;
    let hi = d.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d[mid]! < depart - EPS) lo = mid + 1;
      else hi = mid;
    }
    const cum = cumulative[j]!;
    for (let w = 0; w < words; w++) bits[w]! |= cum[lo * words + w]!;
  };

  // Residents of a care home: leaving it closes the ones not served (one visit per home a day).
  const siteBits = new Map<number, number[]>();
  for (const j of candidates) {
    const s = m.site[j]!;
    if (s < 0) continue;
    let bits = siteBits.get(s);
    if (!bits) siteBits.set(s, (bits = new Array<number>(words).fill(0)));
    setBit(bits, bitOf[j]!);
  }

  const integral = candidates.every((j) => Number.isInteger(m.priority[j]!));
  let best: { seq: number[]; score: Score } | null = incumbent;
  let labels = 0;
  let proven = true;
  // Scratch for the knapsack: optional items as (priority, weight, ratio), kept sorted by ratio.
  const itP = new Float64Array(c);
  const itW = new Float64Array(c);
  const itR = new Float64Array(c);

  /** Whether any completion of this label could beat `best` (bounds in the header comment). */
  const promising = (l: Label): boolean => {
    if (!best) return true;
    const s = best.score;
    const endIn = minInFor(l, 1);
    let cap = m.shiftEnd - l.depart - breakSuffix[l.k]! - endIn;
    let mandUb = l.mandatory;
    let prioUb = l.priority;
    let mustTravel = 0;
    let count = 0;
    for (let bit = 0; bit < c; bit++) {
      if (has(l.closed, bit)) continue;
      const j = candidates[bit]!;
      const inJ = minInFor(l, j);
      const w = m.service[j]! + inJ;
      if (m.mandatory[j]) {
        // Counted now; charged to the knapsack below only if every one of them must be served.
        mandUb++;
        mustTravel += inJ;
        cap -= w;
        prioUb += m.priority[j]!;
      } else if (m.priority[j]! > 0) {
        // Insertion into the ratio-sorted scratch (few open stops on tight days).
        const r = m.priority[j]! / Math.max(w, 1e-9);
        let q = count++;
        while (q > 0 && itR[q - 1]! < r) {
          itP[q] = itP[q - 1]!;
          itW[q] = itW[q - 1]!;
          itR[q] = itR[q - 1]!;
          q--;
        }
        itP[q] = m.priority[j]!;
        itW[q] = w;
        itR[q] = r;
      }
    }
    if (mandUb !== s.mandatory) return mandUb > s.mandatory;
    // Ties on mandatory stops need all the remaining ones, so their time is really spent.
    if (cap < -EPS) return false;
    for (let q = 0; q < count && cap > 0; q++) {
      if (itW[q]! <= cap) {
        cap -= itW[q]!;
        prioUb += itP[q]!;
      } else {
        prioUb += (itP[q]! * cap) / itW[q]!;
        cap = 0;
      }
    }
    if (integral) prioUb = Math.floor(prioUb + SCORE_EPS);
    if (prioUb < s.priority - SCORE_EPS) return false;
    if (prioUb > s.priority + SCORE_EPS) return true;
    return l.travel + endIn + mustTravel <= s.travel + SCORE_EPS;
  };

  const finish = (l: Label): void => {
    const ret = gapReady(m, l.depart, T[l.node * size + 1]!, l.k, nb);
    if (!(ret <= m.shiftEnd + EPS)) return;
    const score: Score = { mandatory: l.mandatory, priority: l.priority, travel: l.travel + T[l.node * size + 1]!, returnAt: ret };
    if (!best || compareScores(score, best.score) > 0) best = { seq: path(l), score };
  };

  const dominates = (a: Label, b: Label): boolean =>
    a.node === b.node &&
    a.depart <= b.depart + EPS &&
    a.k >= b.k &&
    a.travel <= b.travel + EPS &&
    a.priority >= b.priority - SCORE_EPS &&
    a.mandatory >= b.mandatory &&
    subset(a.closed, b.closed);

  // The labels of the next layer (one more stop served) by a hash of (node, closed set), for
  // dominance checks. Labels of different nodes never meet in `dominates` (node first in the
  // hash, checked again there); a collision of closed sets only means comparing more labels, as
  // dominance holds across any subsets. Labels are compared within a layer only: a layer's
  // buckets are dropped once it is built, which keeps memory and the table small.
  let next = new Map<number, Label[]>();
  const keyOf = (node: number, closed: readonly number[]): number => {
    let key = node | 0;
    for (let w = 0; w < words; w++) key = Math.imul(key ^ closed[w]!, 0x9e3779b1) ^ (key >>> 15);
    return key;
  };
  /**
   * Adds the label for `probe` (whose closed set is scratch) to the next layer unless one there
   * dominates it; it then gets its own copy of the closed set and drops the labels it dominates.
   * Most children are dominated on busy days, so only the admitted ones cost an allocation.
   */
  const admit = (probe: Label): void => {
    const key = keyOf(probe.node, probe.closed);
    const bucket = next.get(key);
    if (bucket) for (const o of bucket) if (dominates(o, probe)) return;
    const cand: Label = { ...probe, closed: probe.closed.slice() };
    if (!bucket) {
      next.set(key, [cand]);
      return;
    }
    let w = 0;
    for (const o of bucket) if (!dominates(cand, o)) bucket[w++] = o;
    bucket.length = w;
    bucket.push(cand);
  };

  const scratch = new Array<number>(words).fill(0);
  const rootClosed = new Array<number>(words).fill(0);
  closeUnreachable(rootClosed, 0, m.shiftStart);
  let layer: Label[] = [{ node: 0, closed: rootClosed, k: 0, depart: m.shiftStart, travel: 0, priority: 0, mandatory: 0, parent: null }];
  let nextCheck = 2048;

  while (layer.length > 0 && proven) {
    next = new Map();
    for (const l of layer) {
      finish(l);
      if (!promising(l)) continue;
      const here = m.site[l.node]!;
      for (let bit = 0; bit < c; bit++) {
        if (has(l.closed, bit)) continue;
        const j = candidates[bit]!;
        const t = T[l.node * size + j]!;
        if (l.depart + t > latest[j]! + EPS) continue;
        for (let k1 = l.k; k1 <= nb; k1++) {
          const ready = gapReady(m, l.depart, t, l.k, k1);
          if (ready === Infinity) break;
          const s = serviceStart(m, j, ready);
          if (s === Infinity || s > latest[j]! + EPS) continue;
          const depart = s + m.service[j]!;
          if (k1 < nb && depart > m.brLatest[k1]! + EPS) continue; // the next break can no longer start
          if (depart + m.reach[j * size + 1]! + breakSuffix[k1]! > m.shiftEnd + EPS) continue;
          for (let w = 0; w < words; w++) scratch[w] = l.closed[w]!;
          setBit(scratch, bit);
          if (here >= 0 && m.site[j] !== here) {
            const left = siteBits.get(here)!;
            for (let w = 0; w < words; w++) scratch[w]! |= left[w]!;
          }
          closeUnreachable(scratch, j, depart);
          admit({
            node: j,
            closed: scratch,
            k: k1,
            depart,
            travel: l.travel + t,
            priority: l.priority + m.priority[j]!,
            mandatory: l.mandatory + m.mandatory[j]!,
            parent: l,
          });
          labels++;
        }
      }
      if (labels >= nextCheck) {
        nextCheck = labels + 2048;
        if (labels > control.maxLabels || control.shouldStop()) {
          proven = false;
          break;
        }
      }
    }
    layer = [];
    for (const bucket of next.values()) for (const l of bucket) layer.push(l);
  }
  const found = best as { seq: number[]; score: Score } | null;
  return { seq: found ? found.seq : null, score: found ? found.score : null, proven, labels };
}
