/**
 * Time arithmetic shared by every solver: when service can start given a ready time (windows),
 * how breaks stretch a gap between two services, and the inverse of both (latest times).
 *
 * Gap rule (breaks "pulled over" anywhere between two services): leaving at `depart` with
 * `travel` minutes to drive and breaks k0..k1-1 to take, drive as far as possible before each
 * break without passing its latest start, then take it (waiting for its earliest start if
 * needed). Driving early never hurts, so this greedy gives the earliest ready time, and every
 * function here is monotone in time: being earlier is never worse (waiting is allowed).
 */
import type { Model } from './model';

/** Slack for float comparisons inside the solver (the checker uses a looser one). */
export const EPS = 1e-7;

/** Earliest service start at node i when ready at `ready`; Infinity when every window has closed. */
export function serviceStart(m: Model, i: number, ready: number): number {
  const open = m.winOpen[i]!;
  const close = m.winClose[i]!;
  for (let w = 0; w < open.length; w++) {
    if (close[w]! >= ready - EPS) return ready > open[w]! ? ready : open[w]!;
  }
  return Infinity;
}

/** Latest service start at node i such that departing (start + service) is at most `latestDepart`. */
export function latestServiceStart(m: Model, i: number, latestDepart: number): number {
  const open = m.winOpen[i]!;
  const close = m.winClose[i]!;
  const bound = latestDepart - m.service[i]!;
  for (let w = open.length - 1; w >= 0; w--) {
    if (open[w]! <= bound + EPS) return close[w]! < bound ? close[w]! : bound;
  }
  return -Infinity;
}

/** Ready time at the next node after a gap with breaks k0..k1-1; Infinity if a break's latest start is missed. */
export function gapReady(m: Model, depart: number, travel: number, k0: number, k1: number): number {
  let t = depart;
  let left = travel;
  for (let b = k0; b < k1; b++) {
    const latest = m.brLatest[b]!;
    if (t > latest + EPS) return Infinity;
    const drive = Math.max(0, Math.min(left, latest - t));
    t += drive;
    left -= drive;
    t = Math.max(t, m.brEarliest[b]!) + m.brMinutes[b]!;
  }
  return t + left;
}

/**
 * Latest departure such that gapReady(depart, travel, k0, k1) <= latestReady; -Infinity if none.
 * Pushing every break as late as possible leaves the most room before the first one.
 */
export function gapLatestDepart(m: Model, latestReady: number, travel: number, k0: number, k1: number): number {
  let cur = latestReady;
  let breakMinutes = 0;
  for (let b = k1 - 1; b >= k0; b--) {
    const s = Math.min(m.brLatest[b]!, cur - m.brMinutes[b]!);
    if (s < m.brEarliest[b]! - EPS) return -Infinity;
    cur = s;
    breakMinutes += m.brMinutes[b]!;
  }
  return Math.min(cur, latestReady - breakMinutes - travel);
}

/** Where each break of a gap starts and when driving ends, for the printed plan. */
export function gapDetail(
  m: Model,
  depart: number,
  travel: number,
  k0: number,
  k1: number,
): { arrive: number; ready: number; breakStarts: number[] } {
  let t = depart;
  let left = travel;
  let arrive = left === 0 ? depart : NaN;
  const breakStarts: number[] = [];
  for (let b = k0; b < k1; b++) {
    const drive = Math.max(0, Math.min(left, m.brLatest[b]! - t));
    t += drive;
    left -= drive;
    if (left <= 0 && Number.isNaN(arrive)) arrive = t;
    const s = Math.max(t, m.brEarliest[b]!);
    breakStarts.push(s);
    t = s + m.brMinutes[b]!;
  }
  if (Number.isNaN(arrive)) arrive = t + left;
  return { arrive, ready: t + left, breakStarts };
}
