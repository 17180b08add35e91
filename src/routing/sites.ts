/**
 * Care homes as one stop: residents of one site are served in one block (drive in once, see them
 * one after another, leave). The exact search builds only such routes; the heuristics search
 * freely, and every route they offer passes through gatherSites before it can become the plan.
 */
import type { Model } from './model';
import { compareScores, type Score } from './objective';

/** True when the stops of each site form one unbroken run in `seq`. */
export function sitesContiguous(m: Model, seq: readonly number[]): boolean {
  if (m.siteCount === 0) return true;
  const left = new Uint8Array(m.siteCount);
  for (let i = 0; i < seq.length; i++) {
    const s = m.site[seq[i]!]!;
    if (s < 0) continue;
    if (left[s]) return false;
    const next = seq[i + 1];
    if (next === undefined || m.site[next] !== s) left[s] = 1;
  }
  return true;
}

/** Maximal runs [from, to) of the site's stops in seq. */
function runsOf(m: Model, seq: readonly number[], s: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < seq.length; i++) {
    if (m.site[seq[i]!] !== s) continue;
    const from = i;
    while (i + 1 < seq.length && m.site[seq[i + 1]!] === s) i++;
    runs.push([from, i + 1]);
  }
  return runs;
}

/**
 * A route with every site in one block, as good as the options allow: for a site split into
 * several runs, try gathering all its stops at each run's place (in their order) and keeping
 * only one run's stops; take the best feasible. Dropping stops only removes service and, with
 * the triangle inequality, travel; if even that fails the site's stops all go. Returns null only
 * when no option is feasible (a matrix without the triangle inequality).
 */
export function gatherSites(m: Model, seq: readonly number[], scoreOf: (seq: readonly number[]) => Score | null): { seq: number[]; score: Score } | null {
  let current = [...seq];
  for (;;) {
    let split = -1;
    for (let s = 0; s < m.siteCount && split < 0; s++) if (runsOf(m, current, s).length > 1) split = s;
    if (split < 0) {
      const score = scoreOf(current);
      return score ? { seq: current, score } : null;
    }
    const runs = runsOf(m, current, split);
    const members = current.filter((j) => m.site[j] === split);
    const others = current.filter((j) => m.site[j] !== split);
    const options: number[][] = [others];
    for (const [from, to] of runs) {
      // Stops of other sites before this run keep their order; the whole site goes here.
      const before = current.slice(0, from).filter((j) => m.site[j] !== split).length;
      options.push([...others.slice(0, before), ...members, ...others.slice(before)]);
      options.push([...others.slice(0, before), ...current.slice(from, to), ...others.slice(before)]);
    }
    let best: { seq: number[]; score: Score } | null = null;
    for (const option of options) {
      const score = scoreOf(option);
      if (score && (!best || compareScores(score, best.score) > 0)) best = { seq: option, score };
    }
    if (!best) return null;
    current = best.seq;
  }
}
