/**
 * The lexicographic objective: serve as many mandatory stops as possible, then maximise total
 * priority, then minimise travel, then return as early as possible. One comparison used by
 * every solver so they can never disagree on what "better" means.
 */
export interface Score {
  readonly mandatory: number;
  readonly priority: number;
  readonly travel: number;
  readonly returnAt: number;
}

/** Tolerance for sums of floats; priorities and minutes are compared within it. */
export const SCORE_EPS = 1e-6;

/** > 0 when a is better than b, < 0 when worse, 0 when equal within SCORE_EPS. */
export function compareScores(a: Score, b: Score): number {
  if (a.mandatory !== b.mandatory) return a.mandatory - b.mandatory;
  if (Math.abs(a.priority - b.priority) > SCORE_EPS) return a.priority - b.priority;
  if (Math.abs(a.travel - b.travel) > SCORE_EPS) return b.travel - a.travel;
  if (Math.abs(a.returnAt - b.returnAt) > SCORE_EPS) return b.returnAt - a.returnAt;
  return 0;
}

export const WORST_SCORE: Score = { mandatory: -1, priority: -Infinity, travel: Infinity, returnAt: Infinity };
