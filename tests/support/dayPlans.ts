/**
 * Saved days for component tests, made with the real planner: a day solved from scratch, and the
 * same day after van taps re-planned exactly as the worker does (src/worker/planning.ts
 * recordDayAction: applyDayEvent, replan, legMinutes from the progress).
 */
import { DEFAULT_DAY_SETTINGS } from '../../src/domain/daySettings';
import type { Minutes } from '../../src/domain/ids';
import { applyDayEvent, DAY_TRAVEL, legMinutes, replan, solve, startProgress, type DayEvent, type ExcludedStop, type Problem, type Stop } from '../../src/routing';
import type { DayPlan } from '../../src/worker/client';

const SOLVE = { maxIterations: 200 } as const;

/** Minutes since midnight from "HH:mm". */
export const at = (hhmm: string): Minutes => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) as Minutes;
};

export function dayProblem(stops: readonly Stop[], extra: Partial<Problem> = {}): Problem {
  const office = { lat: 42.4, lng: -71.03 };
  return { start: office, end: office, shift: { start: at('08:00'), end: at('17:00') }, travel: DAY_TRAVEL, breaks: [], stops, ...extra };
}

export function solvedDay(problem: Problem, excluded: readonly ExcludedStop[] = []): DayPlan {
  const plan = solve(problem, SOLVE);
  return { settings: DEFAULT_DAY_SETTINGS, problem, plan, progress: startProgress(problem), legs: legMinutes(problem, plan), excluded };
}

export function vanDay(problem: Problem, events: readonly DayEvent[]): DayPlan {
  let day = solvedDay(problem);
  for (const e of events) {
    const progress = applyDayEvent(problem, day.plan, day.progress, e);
    const plan = replan(problem, progress, SOLVE);
    day = { ...day, plan, progress, legs: legMinutes(problem, plan, progress) };
  }
  return day;
}
