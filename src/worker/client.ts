/**
 * The only worker module the UI imports: starts the worker and hands out a typed Comlink
 * proxy. Types come from api.ts; no worker code runs on the UI thread. The app creates one
 * client at start-up and passes it down (no module-level singleton).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { WorkerApi } from './api';
import type { ReadArgs, ReadName, ReadValue } from './reads';
import type { WatchCallback } from './watch';

export type { WorkerApi };
export type { ChangePasswordResult, LockState, LockStateName, UnlockResult } from './api';
// Planner types the UI renders (types only: the solver never reaches the UI thread).
export type { DayAction, DayActionResult, DayPlan, PlanDayRequest, PlanDayResult, SavedDayPlan, StampedDayAction, VisitMinutesErrorCode, VisitMinutesResult } from './planning';
export type { DayProblemInput, DayProblemIssue, DayStartUsed, DayStopInput, ExcludedStop, InfeasibilityCode, Plan, PlannedBreak, PlannedVisit, SkipReason, StopId } from '../routing';
// The one piece of planner code the UI runs: the plan screen's timeline, pure and small (no
// solver), so the screen shows exactly what the property tests check. Imported from its own
// module so the solver stays out of the UI bundle.
export { dayTimeline, missedBreaks, visitingHours } from '../routing/timeline';
export type { TimelineBreak, TimelineDrive, TimelineEntry, TimelineStop, TimelineVisit, TimelineWait } from '../routing/timeline';
// The admin console's result codes and wire shapes (types only).
export type { AdminErrorCode, AdminResult } from '../sync/admin';
export type { AdminDevice, AdminTerritory, AdminUser, AuditEventRow, AuditPage, AuditQuery, OrgSettings } from '../protocol/admin';
// The office's result codes and wire shapes (types only).
export type { OfficeErrorCode, OfficeResult } from '../sync/office';
export type { ReviewListFilter } from '../sync/officeReview';
export type { ReviewFilter, ReviewListResponse, ReviewNoteResponse, ReviewNoteSummary } from '../protocol/officeReview';
export type { OnlineResult } from '../sync/onlineResult';
export type { EscalationFilter, EscalationListResponse, OfficeAssignee, OfficeEscalation, TeamMember, TeamResponse } from '../protocol/office';
export type { ContactTally, FunnelCounts, FunnelDimension, FunnelGroup, FunnelQuery, FunnelResponse, FunnelStage, OverviewQuery, OverviewResponse, TallyColumn } from '../protocol/officeMetrics';
export type { AlertKind, AlertsResponse, OfficeAlert } from '../protocol/officeAlerts';
// Live reads (reads.ts, watch.ts): the names the UI may watch and what each answers.
export type { ReadArgs, ReadName, ReadValue, SessionView } from './reads';
export type { WatchCallback, WatchEvent } from './watch';
export type WorkerClient = Remote<WorkerApi>;

export function createWorkerClient(): WorkerClient {
  return wrap<WorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'rounds-sync' }));
}

type WatchFn = <N extends ReadName>(name: N, args: ReadArgs<N>, onValue: WatchCallback<ReadValue<N>>) => number | Promise<number>;

/**
 * Watches a named read in the worker (worker/watch.ts) and returns the function that stops it.
 * `onEvent` crosses as a Comlink proxy (a plain call when the API runs in-process, in tests).
 * Stopping before the worker answered with the watch's id stops it as soon as the id arrives.
 */
export function watchRead<N extends ReadName>(
  worker: WorkerClient,
  name: N,
  args: ReadArgs<N>,
  onEvent: WatchCallback<ReadValue<N>>,
): () => void {
  let stopped = false;
  let id: number | null = null;
  // Comlink's Remote type drops the method's type parameter; the call itself is the same.
  const watch = worker.watch as unknown as WatchFn;
  void Promise.resolve(watch(name, args, proxy(onEvent))).then(
    (given) => {
      if (stopped) void worker.unwatch(given);
      else id = given;
    },
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      if (!stopped) onEvent({ seq: Number.MAX_SAFE_INTEGER, status: 'error', name: err.name, message: err.message });
    },
  );
  return () => {
    if (stopped) return;
    stopped = true;
    if (id !== null) void worker.unwatch(id);
  };
}
