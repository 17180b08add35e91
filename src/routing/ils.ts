/**
 * The metaheuristic for days too big to prove: iterated local search in the style of large
 * neighbourhood search. Each iteration removes some stops (a run of consecutive stops, random
 * ones, the least valuable ones or a cluster of related ones), re-inserts greedily with noise,
 * shortens the route (2-opt, or-opt) and inserts again into the time that freed. The trial is
 * accepted when better, or by a simulated-annealing rule on priority (then travel) that is
 * reheated whenever the search restarts from the best route after a long stall.
 */
import { tryExchange } from './exchange';
import { repair, type RepairStyle } from './insertion';
import { reduceTravel } from './localSearch';
import type { Model } from './model';
import { compareScores, type Score } from './objective';
import type { Rng } from './rng';
import { Route } from './route';

export interface IlsControl {
  readonly shouldStop: () => boolean;
  readonly maxIterations: number;
  /** Stop after this many iterations without a new best. */
  readonly stallIterations: number;
  readonly onImprove?: (stops: number[], score: Score) => void;
}

export interface IlsResult {
  readonly stops: number[];
  readonly score: Score;
  readonly iterations: number;
}

// Greedy styles for the repair; the last two are close to a random order, which is what
// finds the coordinated changes (drop one stop, move another to its second window, add a third)
// that a sharper greedy keeps undoing.
const STYLES: readonly RepairStyle[] = [
  { power: 1, noise: 0 },
  { power: 2, noise: 0 },
  { power: 1, noise: 0.4 },
  { power: 2, noise: 0.4 },
  { power: 1, noise: 2 },
  { power: 0, noise: 2 },
];

/** Remove a feasible batch of stops chosen by one of four destroy operators. */
function destroy(r: Route, rng: Rng, protectMandatory: boolean): void {
  if (r.len === 0) return;
  const m = r.m;
  const T = m.travel;
  const size = m.size;
  const maxQ = Math.max(1, Math.min(r.len, Math.round(r.len * 0.35)));
  const q = 1 + rng.int(maxQ);
  const stops = r.stops();
  let chosen: number[];
  switch (rng.int(4)) {
    case 0: {
      const from = rng.int(stops.length);
      chosen = stops.slice(from, from + q);
      break;
    }
    case 1: {
      for (let i = stops.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [stops[i], stops[j]] = [stops[j]!, stops[i]!];
      }
      chosen = stops.slice(0, q);
      break;
    }
    case 2: {
      // Least priority per minute it costs, with randomised ranks (rand^3 biases toward the worst).
      const value = (j: number): number => {
        const p = r.pos[j]!;
        const a = r.seq[p - 1]!;
        const b = r.seq[p + 1]!;
        const saved = T[a * size + j]! + T[j * size + b]! - T[a * size + b]!;
        return m.priority[j]! / (saved + m.service[j]! + 1e-3);
      };
      const ranked = stops.map((j) => ({ j, v: value(j) })).sort((x, y) => x.v - y.v);
      chosen = [];
      for (let k = 0; k < q && ranked.length > 0; k++) {
        const idx = Math.floor(rng.next() ** 3 * ranked.length);
        chosen.push(ranked.splice(idx, 1)[0]!.j);
      }
      break;
    }
    default: {
      const seed = stops[rng.int(stops.length)]!;
      chosen = stops
        .map((j) => ({ j, d: T[seed * size + j]! + T[j * size + seed]! }))
        .sort((x, y) => x.d - y.d)
        .slice(0, q)
        .map((x) => x.j);
    }
  }
  for (const j of chosen) {
    if (protectMandatory && m.mandatory[j] && rng.next() < 0.9) continue;
    const p = r.pos[j]!;
    // Without the triangle inequality (truncated or matrix travel) a removal can break the route.
    if (!r.chainFeasible(p - 1, [], 0, p + 1)) continue;
    r.removeAtNoRefresh(p);
    r.refresh();
  }
}

function improve(r: Route, candidates: readonly number[], rng: Rng, style: RepairStyle, scratch: Scratch, exchange: boolean): void {
  repair(r, candidates, rng, style, scratch.cache, scratch.after);
  reduceTravel(r, scratch.buf);
  repair(r, candidates, rng, style, scratch.cache, scratch.after);
  if (!exchange) return;
  for (let rounds = 0; rounds < 50 && tryExchange(r, candidates); rounds++) {
    reduceTravel(r, scratch.buf);
    repair(r, candidates, rng, style, scratch.cache, scratch.after);
  }
}

interface Scratch {
  readonly cache: Float64Array;
  readonly after: Int32Array;
  readonly buf: Int32Array;
}

/** Search from `initial` (a feasible order of stops, possibly empty) over `candidates`. */
export function iteratedLocalSearch(m: Model, candidates: readonly number[], initial: readonly number[], rng: Rng, control: IlsControl): IlsResult {
  const scratch: Scratch = { cache: new Float64Array(m.size), after: new Int32Array(m.size), buf: new Int32Array(m.size) };
  const cur = new Route(m);
  if (!cur.setStops(initial)) cur.setStops([]);
  // Exchanges cost O(len^2 x pool) per round: every iteration on small days, on new bests otherwise.
  const alwaysExchange = candidates.length <= 40;
  improve(cur, candidates, rng, STYLES[1]!, scratch, true);
  const best = new Route(m);
  best.copyFrom(cur);
  control.onImprove?.(best.stops(), best.score());
  const trial = new Route(m);
  const protect = candidates.some((j) => !m.mandatory[j]);
  const restartAfter = Math.max(100, 4 * candidates.length);
  let sinceBest = 0;
  let sinceRestart = 0;
  let it = 0;
  for (; it < control.maxIterations && sinceBest < control.stallIterations; it++) {
    if ((it & 7) === 0 && control.shouldStop()) break;
    trial.copyFrom(cur);
    destroy(trial, rng, protect);
    improve(trial, candidates, rng, STYLES[rng.int(STYLES.length)]!, scratch, alwaysExchange);
    if (!alwaysExchange && compareScores(trial.score(), best.score()) > 0) improve(trial, candidates, rng, STYLES[0]!, scratch, true);
    const ts = trial.score();
    const cs = cur.score();
    if (accept(ts, cs, best.score(), 1 - sinceRestart / restartAfter, rng)) cur.copyFrom(trial);
    if (compareScores(ts, best.score()) > 0) {
      best.copyFrom(trial);
      sinceBest = 0;
      sinceRestart = 0;
      control.onImprove?.(best.stops(), ts);
    } else {
      sinceBest++;
      if (++sinceRestart >= restartAfter) {
        cur.copyFrom(best);
        sinceRestart = 0;
      }
    }
  }
  return { stops: best.stops(), score: best.score(), iterations: it };
}

/** Annealing on priority (then travel), temperature falling with `heat` in [0, 1]. */
function accept(trial: Score, cur: Score, best: Score, heat: number, rng: Rng): boolean {
  const cmp = compareScores(trial, cur);
  if (cmp >= 0) return true;
  if (trial.mandatory < cur.mandatory) return false;
  if (trial.priority < cur.priority - 1e-9) {
    const temp = 0.01 * Math.max(1, best.priority) * heat;
    return temp > 0 && rng.next() < Math.exp(-(cur.priority - trial.priority) / temp);
  }
  const temp = 0.002 * Math.max(1, best.travel) * heat;
  return temp > 0 && rng.next() < Math.exp(-(trial.travel - cur.travel) / temp);
}
