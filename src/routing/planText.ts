/**
 * Text in, text out: what the CLI does, minus the I/O, so it can be tested directly.
 * A bad problem is an expected failure (a value), never an exception.
 */
import { parseProblemText } from './problem';
import { solve } from './solve';
import type { SolveOptions } from './types';

export type PlanTextResult = { ok: true; json: string } | { ok: false; code: 'invalid_problem'; message: string };

export function planFromText(text: string, options: SolveOptions = {}): PlanTextResult {
  const parsed = parseProblemText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, json: JSON.stringify(solve(parsed.problem, options), null, 2) };
}
