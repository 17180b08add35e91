/**
 * Tight-window days: the shape of a day with many booked slots. Generated from a seed around
 * Boston (visits booked to a 15-30 minute slot for the start of service, 20-45 minute visits, a
 * lunch break, priorities 1-10), or cut from a public OPTW instance (its first n customers, with
 * their own windows). Used by the benchmark to measure the gap to the proven optimum.
 */
import { createRng } from '../../src/routing/rng';
import type { Problem } from '../../src/routing/types';
import type { BenchInstance } from './instances';
import { bostonDay } from './realisticDay';

export function tightDay(candidates: number, seed: number): Problem {
  const rng = createRng(seed);
  const stops = Array.from({ length: candidates }, (_, i) => {
    const start = 480 + 5 * rng.int(96); // 8:00 to 15:55, on the five minutes
    return {
      id: `booked-${String(i + 1).padStart(2, '0')}`,
      at: { lat: 42.3 + 0.1 * rng.next(), lng: -71.15 + 0.15 * rng.next() },
      serviceMinutes: 20 + 5 * rng.int(6),
      windows: [{ start, end: start + 15 + 5 * rng.int(4) }],
      priority: 1 + rng.int(10),
      mandatory: false,
    };
  });
  return bostonDay(stops);
}

/** The first n customers of an OPTW instance, with the instance's depot, horizon and windows. */
export function cutInstance(inst: BenchInstance, n: number): Problem {
  return { ...inst.problem, stops: inst.problem.stops.slice(0, n) };
}
