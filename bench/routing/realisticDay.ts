/**
 * A synthetic but realistic field day around Boston, generated from a seed: candidates spread
 * over the city, 20-45 minute visits, some booked slots and facility hours, a lunch break,
 * priorities 1-10 with a few mandatory visits. Used by the benchmark (proof of optimum, re-plan).
 */
import { parseProblem } from '../../src/routing/problem';
import { createRng } from '../../src/routing/rng';
import type { Problem } from '../../src/routing/types';

export const OFFICE = { lat: 42.3496, lng: -71.0746 }; // Back Bay

export function realisticDay(candidates: number, seed: number): Problem {
  const rng = createRng(seed);
  const stops = Array.from({ length: candidates }, (_, i) => {
    const kind = rng.next();
    // About a fifth booked to a half-hour slot, a sixth with facility hours, the rest any time.
    const windows =
      kind < 0.2
        ? [{ start: 540 + 30 * rng.int(14), end: 0 }].map((w) => ({ start: w.start, end: w.start + 30 }))
        : kind < 0.37
          ? [{ start: 600, end: 690 }, { start: 810, end: 930 }]
          : [];
    return {
      id: `patient-${String(i + 1).padStart(2, '0')}`,
      at: { lat: 42.3 + 0.1 * rng.next(), lng: -71.15 + 0.15 * rng.next() },
      serviceMinutes: 20 + 5 * rng.int(6),
      windows,
      priority: 1 + rng.int(10),
      mandatory: i < 3 && kind < 0.37,
    };
  });
  return bostonDay(stops);
}

/** A day from the Back Bay office, 8:00 to 17:00, lunch starting 11:30-13:00, at 30 km/h in town. */
export function bostonDay(stops: readonly Record<string, unknown>[]): Problem {
  const r = parseProblem({
    start: OFFICE,
    end: OFFICE,
    shift: { start: 480, end: 1020 },
    travel: { kind: 'haversine', kmh: 30, roadFactor: 1.3 },
    breaks: [{ earliest: 690, latest: 780, minutes: 30 }],
    stops,
  });
  if (!r.ok) throw new Error(r.message);
  return r.problem;
}
