/**
 * Greedy repair: put unrouted stops back while any fits. Mandatory stops go first (cheapest
 * feasible position, tightest first), then optional ones by the ratio priority^power / cost,
 * where cost = added travel + service (the "shift" the stop adds to the day), with optional
 * noise so repeated repairs explore. Each candidate's best position is cached: inserting a stop
 * only tightens the route, so a cached position that is still feasible stays the best among the
 * old edges, and only the two new edges need pricing.
 */
import type { Model } from './model';
import type { Rng } from './rng';
import type { Route } from './route';

export interface RepairStyle {
  /** 0, 1 or 2: weight of priority against cost (0 = cheapest first). */
  readonly power: number;
  /** Relative noise on the ratio, 0 = deterministic greedy. */
  readonly noise: number;
}

/** Cheapest feasible position after which c can go: [position, added travel] or null. */
export function bestInsertion(r: Route, c: number): [number, number] | null {
  let best = -1;
  let bestDelta = Infinity;
  for (let p = 0; p <= r.len; p++) {
    const d = r.insertionDelta(c, p);
    if (d < bestDelta) {
      bestDelta = d;
      best = p;
    }
  }
  return best < 0 ? null : [best, bestDelta];
}

function insertMandatory(r: Route, candidates: readonly number[]): void {
  const m = r.m;
  for (;;) {
    let pick = -1;
    let pickPos = -1;
    let fewest = Infinity;
    let pickDelta = Infinity;
    for (const c of candidates) {
      if (!m.mandatory[c] || r.pos[c]! >= 0) continue;
      let options = 0;
      let bp = -1;
      let bd = Infinity;
      for (let p = 0; p <= r.len; p++) {
        const d = r.insertionDelta(c, p);
        if (Number.isNaN(d)) continue;
        options++;
        if (d < bd) {
          bd = d;
          bp = p;
        }
      }
      if (options > 0 && (options < fewest || (options === fewest && bd < pickDelta))) {
        fewest = options;
        pick = c;
        pickPos = bp;
        pickDelta = bd;
      }
    }
    if (pick < 0) return;
    r.insertAfter(pick, pickPos);
  }
}

/**
 * Insert stops from `candidates` (nodes that can be served alone) until none fits. Priority-0
 * optional stops are never inserted: they cannot raise the objective, only add travel.
 * `cache`/`cacheAfter` are scratch arrays indexed by node.
 */
export function repair(r: Route, candidates: readonly number[], rng: Rng, style: RepairStyle, cache: Float64Array, cacheAfter: Int32Array): void {
  const m: Model = r.m;
  insertMandatory(r, candidates);
  const open: number[] = [];
  for (const c of candidates) {
    if (r.pos[c]! >= 0 || m.priority[c]! <= 0) continue;
    const b = bestInsertion(r, c);
    if (!b) continue;
    open.push(c);
    cacheAfter[c] = r.seq[b[0]]!;
    cache[c] = b[1];
  }
  while (open.length > 0) {
    let bestIdx = -1;
    let bestRatio = -Infinity;
    for (let i = 0; i < open.length; i++) {
      const c = open[i]!;
      const cost = cache[c]! + m.service[c]! + 1e-3;
      let ratio = m.priority[c]! ** style.power / Math.max(cost, 1e-3);
      if (style.noise > 0) ratio *= Math.max(0.01, 1 + style.noise * (rng.next() - 0.5));
      if (ratio > bestRatio) {
        bestRatio = ratio;
        bestIdx = i;
      }
    }
    const c = open[bestIdx]!;
    open[bestIdx] = open[open.length - 1]!;
    open.pop();
    const after = cacheAfter[c]!;
    r.insertAfter(c, r.pos[after]!);
    // Re-price the others: keep a cached position if still feasible, also price the two new edges.
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i]!;
      const oa = cacheAfter[o]!;
      let bp = -1;
      let bd = Infinity;
      if (oa !== after) {
        const d = r.insertionDelta(o, r.pos[oa]!);
        if (!Number.isNaN(d)) {
          bp = r.pos[oa]!;
          bd = d;
          for (const p of [r.pos[after]!, r.pos[c]!]) {
            const dn = r.insertionDelta(o, p);
            if (dn < bd) {
              bd = dn;
              bp = p;
            }
          }
        }
      }
      if (bp < 0) {
        const b = bestInsertion(r, o);
        if (!b) {
          open[i] = open[open.length - 1]!;
          open.pop();
          continue;
        }
        [bp, bd] = b;
      }
      cacheAfter[o] = r.seq[bp]!;
      cache[o] = bd;
    }
  }
}
