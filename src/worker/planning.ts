/**
 * The day planner as the worker runs it, so the UI thread never blocks on a search: plan a day
 * from the Today screen's choices, re-plan it in the van, and keep it on the device after every
 * change. Owns the worker's clock readings (the solver's time budget and the time of each van
 * event) and the shape of a saved day; the planning itself is src/routing, the saving
 * src/storage/plans.
 */
import type { DaySettings } from '../domain/daySettings';
import type { IsoDate, IsoDateTime, Minutes } from '../domain/ids';
import {
  applyDayEvent,
  buildDayProblem,
  legMinutes,
  replan,
  RUNNING_LATE_MINUTES,
  solve,
  startProgress,
  type DayEvent,
  type DayProblemInput,
  type DayProblemIssue,
  type ExcludedStop,
  type Plan,
  type Problem,
  type StopId,
  type VanProgress,
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
}
export type SavedDayPlan = StoredPlan<DayPlan>;

/** A tap in the van; the worker stamps it with the time. */
export type DayAction =
  | { readonly kind: 'arrived' | 'done' | 'not_home'; readonly stopId: StopId }
  | { readonly kind: 'running_late' };

export type PlanDayResult = { readonly ok: true; readonly saved: SavedDayPlan } | { readonly ok: false; readonly code: DayProblemIssue };
export type DayActionResult = { readonly ok: true; readonly saved: SavedDayPlan } | { readonly ok: false; readonly code: 'no_plan' };

export interface PlanningDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
  readonly newId: () => string;
  /** Wall clock: when a plan was saved, and the local time of van events. */
  readonly now: () => Date;
  /** Monotonic milliseconds for the solver's time budget (performance.now in the worker). */
  readonly clock: () => number;
}

/** Enough for a proven optimum on a realistic day of ~20 candidates. */
export const PLAN_TIME_LIMIT_MS = 1000;

const minutesOfDay = (d: Date): Minutes => (d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60) as Minutes;

function toEvent(action: DayAction, at: Minutes): DayEvent {
  return action.kind === 'running_late' ? { kind: 'running_late', minutes: RUNNING_LATE_MINUTES, at } : { ...action, at };
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

    /** Builds the day from the Today screen's choices, plans it from the start, and saves it. */
    async planMyDay(
      request: { readonly day: IsoDate; readonly input: DayProblemInput; readonly timeLimitMs?: number },
      onProgress?: (best: Plan) => void,
    ): Promise<PlanDayResult> {
      const built = buildDayProblem(request.input);
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
      };
      return { ok: true, saved: await save(request.day, existing?.id ?? deps.newId(), content) };
    },

    /** A van event at the current time: re-plan the rest of the day and save at once. */
    async recordDayAction(day: IsoDate, action: DayAction): Promise<DayActionResult> {
      const saved = await loadPlan<DayPlan>(db, codec, day);
      if (!saved) return { ok: false, code: 'no_plan' };
      const { problem, plan, progress } = saved.content;
      const next = applyDayEvent(problem, plan, progress, toEvent(action, minutesOfDay(deps.now())));
      const nextPlan = replanDay(problem, next);
      const content: DayPlan = { ...saved.content, plan: nextPlan, progress: next, legs: legMinutes(problem, nextPlan, next) };
      return { ok: true, saved: await save(day, saved.id, content) };
    },
  };
}
