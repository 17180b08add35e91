/**
 * Exact search for small days: a labelling DP over (visited set, last stop, breaks taken) with
 * Pareto labels on (departure time, travel), extended one stop per layer, pruned by bounds
 * against the incumbent. Proves optimality in the lexicographic objective when it finishes.
 *
 * Bounds per label (all valid upper/lower bounds, so pruning never loses the optimum):
 *  - mandatory: stops served + remaining mandatory stops still reachable in their windows;
 *  - priority: fractional knapsack over reachable stops, weight = service + cheapest way in
 *    (from the current stop or an unvisited one), capacity = time left minus remaining breaks
 *    minus the cheapest way into the end place; when the label can only tie on mandatory stops,
 *    all remaining mandatory ones are charged first; rounded down when priorities are integers;
 *  - travel (only when the label can at best tie on priority): travel so far + cheapest way
 *    into the end + cheapest way into every remaining mandatory stop it must still serve.
 */
import type { Model } from './model';
import { compareScores, SCORE_EPS, type Score } from './objective';
import { EPS, gapReady, latestServiceStart, serviceStart } from './timing';

interface Label {
  readonly node: number;
  readonly mask: number;
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
 * `candidates`: stop nodes that can be served alone (at most 30). `incumbent`: best known route
 * and its score (or null), which the search must beat to replace.
 */
export function solveExact(
  m: Model,
  candidates: readonly number[],
  incumbent: { seq: number[]; score: Score } | null,
  control: ExactControl,
): ExactResult {
  const c = candidates.length;
  if (c > 30) throw new Error('exact search is limited to 30 candidates');
  const size = m.size;
  const T = m.travel;
  const nb = m.nBreaks;
  const breakSuffix = new Float64Array(nb + 1);
  for (let b = nb - 1; b >= 0; b--) breakSuffix[b] = breakSuffix[b + 1]! + m.brMinutes[b]!;

  // Possible predecessors of each candidate and of the end, nearest first. For a label only the
  // current stop and the unvisited candidates can still precede anything.
  const bitOf = new Int32Array(size).fill(-1);
  candidates.forEach((j, bit) => (bitOf[j] = bit));
  const preds: Int32Array[] = [];
  for (const j of [...candidates, 1]) {
    preds[j] = Int32Array.from([0, ...candidates].filter((i) => i !== j).sort((x, y) => T[x * size + j]! - T[y * size + j]!));
  }
  const minInFor = (l: Label, j: number): number => {
    for (const i of preds[j]!) {
      if (i === l.node || (i !== 0 && !(l.mask & (1 << bitOf[i]!)))) return T[i * size + j]!;
    }
    return Infinity;
  };
  // Latest start at each candidate that still allows reaching the end (breaks ignored: optimistic).
  const latest = new Float64Array(size);
  for (const j of candidates) latest[j] = latestServiceStart(m, j, m.shiftEnd - m.reach[j * size + 1]!);
  const integral = candidates.every((j) => Number.isInteger(m.priority[j]!));

  let best: { seq: number[]; score: Score } | null = incumbent;
  let labels = 0;
  let nextCheck = 4096;
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
      if (l.mask & (1 << bit)) continue;
      const j = candidates[bit]!;
      if (l.depart + m.reach[l.node * size + j]! > latest[j]! + EPS) continue;
      const inJ = minInFor(l, j);
      const w = m.service[j]! + inJ;
      if (m.mandatory[j]) {
        // Counted now; charged to the knapsack below only if every one of them must be served.
        mandUb++;
        mustTravel += inJ;
        cap -= w;
        prioUb += m.priority[j]!;
      } else if (m.priority[j]! > 0) {
        // Insertion into the ratio-sorted scratch (c <= 30, so this beats a general sort).
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

  const close = (l: Label): void => {
    const ret = gapReady(m, l.depart, T[l.node * size + 1]!, l.k, nb);
    if (!(ret <= m.shiftEnd + EPS)) return;
    const score: Score = { mandatory: l.mandatory, priority: l.priority, travel: l.travel + T[l.node * size + 1]!, returnAt: ret };
    if (!best || compareScores(score, best.score) > 0) best = { seq: path(l), score };
  };

  // Buckets by (visited set, last stop). A label with at least as many breaks behind it, an
  // earlier-or-equal departure and no more travel dominates: it can copy any completion.
  let layer: Label[][] = [[{ node: 0, mask: 0, k: 0, depart: m.shiftStart, travel: 0, priority: 0, mandatory: 0, parent: null }]];
  const dominates = (o: Label, l: Label): boolean => o.k >= l.k && o.depart <= l.depart + EPS && o.travel <= l.travel + EPS;

  while (layer.length > 0 && proven) {
    const next = new Map<number, Label[]>();
    for (const group of layer) {
      for (const l of group) {
        close(l);
        if (!promising(l)) continue;
        for (let bit = 0; bit < c; bit++) {
          if (l.mask & (1 << bit)) continue;
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
            const cand: Label = {
              node: j,
              mask: l.mask | (1 << bit),
              k: k1,
              depart,
              travel: l.travel + t,
              priority: l.priority + m.priority[j]!,
              mandatory: l.mandatory + m.mandatory[j]!,
              parent: l,
            };
            const key = cand.mask * 32 + bit;
            const bucket = next.get(key);
            if (!bucket) next.set(key, [cand]);
            else {
              let dominated = false;
              for (const o of bucket) {
                if (dominates(o, cand)) {
                  dominated = true;
                  break;
                }
              }
              if (dominated) continue;
              let w = 0;
              for (const o of bucket) if (!dominates(cand, o)) bucket[w++] = o;
              bucket.length = w;
              bucket.push(cand);
            }
            labels++;
          }
        }
        if (labels >= nextCheck) {
          nextCheck = labels + 4096;
          if (labels > control.maxLabels || control.shouldStop()) {
            proven = false;
            break;
          }
        }
      }
      if (!proven) break;
    }
    layer = [...next.values()];
  }
  const found = best as { seq: number[]; score: Score } | null;
  return { seq: found ? found.seq : null, score: found ? found.score : null, proven };
}
