/**
 * Exchange move: take one routed stop out and put a more valuable unrouted one in its place (or
 * anywhere else). This is the "replace" step of orienteering heuristics; greedy insertion alone
 * never does it because the route is full. First improvement on (priority, then travel); the
 * route is refreshed once per tried removal, then every unrouted stop is priced in O(len).
 */
import { bestInsertion } from './insertion';
import type { Route } from './route';
import { EPS } from './timing';

/** Apply one improving exchange; false when none exists. `pool` = unrouted candidates worth trying. */
export function tryExchange(r: Route, pool: readonly number[]): boolean {
  const m = r.m;
  const T = m.travel;
  const size = m.size;
  const routed = r.stops();
  for (const v of routed) {
    if (m.mandatory[v]) continue;
    const p = r.pos[v]!;
    if (!r.chainFeasible(p - 1, [], 0, p + 1)) continue;
    const a = r.seq[p - 1]!;
    const b = r.seq[p + 1]!;
    const saved = T[a * size + v]! + T[v * size + b]! - T[a * size + b]!;
    const pv = m.priority[v]!;
    let cands = 0;
    for (const c of pool) if (r.pos[c]! < 0 && m.priority[c]! >= pv) cands++;
    if (cands === 0) continue;
    r.removeAtNoRefresh(p);
    r.refresh();
    let pick = -1;
    let pickPos = -1;
    let pickGain = 0;
    let pickTravel = 0;
    for (const c of pool) {
      if (r.pos[c]! >= 0 || c === v || m.priority[c]! < pv) continue;
      const ins = bestInsertion(r, c);
      if (!ins) continue;
      const gain = m.priority[c]! - pv;
      const dTravel = ins[1] - saved;
      const better = gain > EPS || dTravel < -EPS;
      if (!better) continue;
      if (pick < 0 || gain > pickGain + EPS || (Math.abs(gain - pickGain) <= EPS && dTravel < pickTravel)) {
        pick = c;
        pickPos = ins[0];
        pickGain = gain;
        pickTravel = dTravel;
      }
    }
    if (pick >= 0) {
      r.insertAfter(pick, pickPos);
      return true;
    }
    // Put v back where it was; the route was feasible with it there.
    r.insertAfter(v, p - 1);
  }
  return false;
}
