/**
 * The day planner as the worker runs it, so the UI thread never blocks on a search: plan a day
 * from the Today screen's choices (from the time and place the UI read when the person asked),
 * re-plan it in the van, change a visit's length, and keep it on the device after every change.
 * Owns the solver's time budget and the shape of a saved day. Times of day come from the UI
 * thread, the clock the screen shows (browser tests set it; it does not reach workers); the
 * worker's wall clock only stamps when a plan was saved. The planning itself is src/routing,
 * the saving src/storage/plans.
 */
import type { DaySettings } from '../domain/daySettings';
import type { IsoDate, IsoDateTime, LatLng, Minutes } from '../domain/ids';
import {
  applyDayEvent,
  buildDayProblem,
  withVisitMinutes,
  legMinutes,
  replan,
  RUNNING_LATE_MINUTES,
  solve,
  startProgress,
  type DayEvent,
  type DayProblemInput,
  type DayProblemIssue,
  type DayStartUsed,
  type ExcludedStop,
  type Plan,
  type Problem,
  type StopId,
  type VanProgress,
  type VisitMinutesIssue,
} from '../routing';
import type { RecordCodec } from '../storage/codec';
import type { RoundsDb } from '../storage/db';
import { loadPlan, savePlan, type StoredPlan } from '../storage/plans';

/** What is saved for a day: the choices, the problem made of them, the plan and the progress. */
export interface DayPlan {
  readonly settings: DaySettings;
  readonly problem: Problem;
  readonly plan: Plan;
  readonly progress: VanProgress;
  /** Driving minutes to each visit and then to the end, from where the van really was (legMinutes). */
  readonly legs: readonly number[];
  /** Picked patients left out of the problem (care home closed that day). */
  readonly excluded: readonly ExcludedStop[];
  /** Where and when the day was planned from; absent on plans saved before it was kept. */
  readonly start?: DayStartUsed;
}
export type SavedDayPlan = StoredPlan<DayPlan>;

/** A tap in the van, as the plan's buttons say it. */
export type DayAction =
  | { readonly kind: 'arrived' | 'done' | 'not_home'; readonly stopId: StopId }
  | { readonly kind: 'running_late' };
/** A tap stamped with the UI thread's clock (minutes since local midnight) when it happened. */
export type StampedDayAction = DayAction & { readonly at: Minutes };

/** What the Today screen sends to plan the day; `now` and `position` are read on the UI thread. */
export interface PlanDayRequest {
  readonly day: IsoDate;
  readonly input: Omit<DayProblemInput, 'from'>;
  /** Minutes since local midnight when the person asked: a day asked for after its start is planned from now. */
  readonly now: Minutes;
  /** The device's position when the person let it be used and it was found; else the start place. */
  readonly position: LatLng | null;
  readonly timeLimitMs?: number;
}

export type PlanDayResult = { readonly ok: true; readonly saved: SavedDayPlan } | { readonly ok: false; readonly code: DayProblemIssue };
export type DayActionResult = { readonly ok: true; readonly saved: SavedDayPlan } | { readonly ok: false; readonly code: 'no_plan' };
export type VisitMinutesErrorCode = 'no_plan' | 'stop_done' | VisitMinutesIssue;
export type VisitMinutesResult = { readonly ok: true; readonly saved: SavedDayPlan } | { readonly ok: false; readonly code: VisitMinutesErrorCode };

export interface PlanningDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
  readonly newId: () => string;
  /** Wall clock: when a plan was saved. */
  readonly now: () => Date;
  /** Monotonic milliseconds for the solver's time budget (performance.now in the worker). */
  readonly clock: () => number;
}

/** Enough for a proven optimum on a realistic day of ~20 candidates. */
export const PLAN_TIME_LIMIT_MS = 1000;

function toEvent(action: StampedDayAction): DayEvent {
  return action.kind === 'running_late' ? { kind: 'running_late', minutes: RUNNING_LATE_MINUTES, at: action.at } : { kind: action.kind, stopId: action.stopId, at: action.at };
}

export function createPlanning(deps: PlanningDeps) {
  const { db, codec } = deps;

  function planDay(problem: Problem, options: { readonly timeLimitMs?: number } = {}, onProgress?: (best: Plan) => void): Plan {
    return solve(problem, {
      timeLimitMs: options.timeLimitMs ?? PLAN_TIME_LIMIT_MS,
      now: deps.clock,
      // Over Comlink the callback is a remote proxy: calling it posts a message and never waits.
      ...(onProgress ? { onProgress: (best: Plan) => void onProgress(best) } : {}),
    });
  }

  function replanDay(problem: Problem, progress: VanProgress): Plan {
    return replan(problem, progress, { now: deps.clock });
  }

  async function save(day: IsoDate, id: string, content: DayPlan): Promise<SavedDayPlan> {
    const saved: SavedDayPlan = { id, day, updatedAt: deps.now().toISOString() as IsoDateTime, content };
    await savePlan(db, codec, saved);
    return saved;
  }

  return {
    // Async like every worker method, so the in-process test worker matches the Comlink one.
    planDay: async (problem: Problem, options: { readonly timeLimitMs?: number } = {}, onProgress?: (best: Plan) => void) =>
      planDay(problem, options, onProgress),
    replanDay: async (problem: Problem, progress: VanProgress) => replanDay(problem, progress),

    /**
     * Builds the day from the Today screen's choices and saves its plan. A day asked for after
     * the shift began starts now (buildDayProblem: the shift of the problem starts then, so
     * the van's progress starts there too), from the device's position when it gave one.
     */
    async planMyDay(request: PlanDayRequest, onProgress?: (best: Plan) => void): Promise<PlanDayResult> {
      const built = buildDayProblem({ ...request.input, from: { now: request.now, position: request.position } });
      if (!built.ok) return built;
      const plan = planDay(built.problem, { timeLimitMs: request.timeLimitMs ?? PLAN_TIME_LIMIT_MS }, onProgress);
      const existing = await loadPlan<DayPlan>(db, codec, request.day);
      const content: DayPlan = {
        settings: request.input.settings,
        problem: built.problem,
        plan,
        progress: startProgress(built.problem),
        legs: legMinutes(built.problem, plan),
        excluded: built.excluded,
        start: built.start,
      };
      return { ok: true, saved: await save(request.day, existing?.id ?? deps.newId(), content) };
    },

    /** A van event at the time the UI stamped: re-plan the rest of the day and save at once. */
    async recordDayAction(day: IsoDate, action: StampedDayAction): Promise<DayActionResult> {
      const saved = await loadPlan<DayPlan>(db, codec, day);
      if (!saved) return { ok: false, code: 'no_plan' };
      const { problem, plan, progress } = saved.content;
      const next = applyDayEvent(problem, plan, progress, toEvent(action));
      const nextPlan = replanDay(problem, next);
      const content: DayPlan = { ...saved.content, plan: nextPlan, progress: next, legs: legMinutes(problem, nextPlan, next) };
      return { ok: true, saved: await save(day, saved.id, content) };
    },

    /**
     * The person says a visit will take `minutes` (whole minutes, 5 to 240): the saved problem
     * takes the new length (a care-home resident's windows move with it), and the rest of the
     * day is re-planned from where the van's progress is, and no earlier than `at` (the UI's
     * clock: a change made at 11:00 plans nothing before 11:00), as after a van event. A visit
     * done or under way keeps its length.
     */
    async setVisitMinutes(day: IsoDate, stopId: StopId, minutes: number, at: Minutes): Promise<VisitMinutesResult> {
      const saved = await loadPlan<DayPlan>(db, codec, day);
      if (!saved) return { ok: false, code: 'no_plan' };
      const { problem, progress } = saved.content;
      if (progress.done.some((v) => v.id === stopId)) return { ok: false, code: 'stop_done' };
      const changed = withVisitMinutes(problem, stopId, minutes);
      if (!changed.ok) return changed;
      const now = Math.min(Math.max(progress.now, at), problem.shift.end) as Minutes;
      const nextPlan = replanDay(changed.problem, { ...progress, now });
      const content: DayPlan = { ...saved.content, problem: changed.problem, plan: nextPlan, legs: legMinutes(changed.problem, nextPlan, progress) };
      return { ok: true, saved: await save(day, saved.id, content) };
    },
  };
}
