/**
 * The only worker module the UI imports: starts the worker and hands out a typed Comlink
 * proxy. Types come from api.ts; no worker code runs on the UI thread. The app creates one
 * client at start-up and passes it down (no module-level singleton).
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from './api';

export type { WorkerApi };
export type { LockState, LockStateName, UnlockResult } from './api';
// Planner types the UI renders (types only: no planner code reaches the UI thread).
export type { DayAction, DayActionResult, DayPlan, PlanDayResult, SavedDayPlan } from './planning';
export type { DayProblemInput, DayProblemIssue, DayStopInput, ExcludedStop, InfeasibilityCode, Plan, PlannedBreak, PlannedVisit, SkipReason, StopId } from '../routing';
export type WorkerClient = Remote<WorkerApi>;

export function createWorkerClient(): WorkerClient {
  return wrap<WorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'rounds-sync' }));
}
