/**
 * Public types of the day planner: the problem it is given and the plan it returns. These are
 * the shapes the CLI reads and prints and the worker hands to the UI. Owns no behaviour.
 *
 * Times are minutes on one clock chosen by the caller (for example minutes since midnight).
 * Node numbering, used by the travel matrix and everywhere inside the solver:
 *   0 = start place, 1 = end place, 2 + i = stops[i].
 */
import type { Brand, Minutes } from '../domain/ids';

export type { Minutes };
export type StopId = Brand<string, 'RouteStopId'>;

export interface LatLngPlace {
  readonly lat: number;
  readonly lng: number;
}
export interface XyPlace {
  readonly x: number;
  readonly y: number;
}
export type Place = LatLngPlace | XyPlace;

/** A closed interval [start, end] in which service may START. */
export interface TimeWindow {
  readonly start: Minutes;
  readonly end: Minutes;
}

export type TravelModel =
  /** Great-circle distance times roadFactor, driven at kmh. Works offline. */
  | { readonly kind: 'haversine'; readonly kmh: number; readonly roadFactor: number }
  /** Planar distance divided by unitsPerMinute (benchmarks, synthetic maps). */
  | { readonly kind: 'euclidean'; readonly unitsPerMinute: number }
  /** minutes[from][to] with the node numbering above (for example an OSRM table). */
  | { readonly kind: 'matrix'; readonly minutes: readonly (readonly number[])[] };

/**
 * A break that must be taken: it starts in [earliest, latest] and lasts `minutes`. It happens in
 * a gap between two services (at the previous stop, pulled over on the way, or at the next stop
 * while waiting); driving and the break never overlap. Breaks are taken in the order listed.
 */
export interface BreakRule {
  readonly earliest: Minutes;
  readonly latest: Minutes;
  readonly minutes: Minutes;
}

export interface Stop {
  readonly id: StopId;
  readonly at: Place;
  readonly serviceMinutes: Minutes;
  /** Empty means "any time in the shift". */
  readonly windows: readonly TimeWindow[];
  readonly priority: number;
  readonly mandatory: boolean;
  /**
   * Stops with the same site (residents of one care home) are one place: the plan drives there
   * once and serves them one after another, never leaving in between. Members of a site must
   * share `at` (their windows may differ, e.g. each visit must end by closing time); the solver
   * may serve any subset of them.
   */
  readonly site?: string;
}

export interface Problem {
  readonly start: Place;
  readonly end: Place;
  readonly shift: TimeWindow;
  readonly travel: TravelModel;
  readonly breaks: readonly BreakRule[];
  readonly stops: readonly Stop[];
  readonly timeLimitMs?: number;
  readonly seed?: number;
}

export interface PlannedVisit {
  readonly id: StopId;
  /** When driving to this stop ends (a break may follow before service). */
  readonly arrive: Minutes;
  readonly start: Minutes;
  readonly depart: Minutes;
}

export interface PlannedBreak {
  readonly start: Minutes;
  readonly end: Minutes;
}

export const SKIP_REASONS = ['window_unreachable', 'outside_shift', 'not_enough_time', 'lower_priority', 'no_priority', 'unavailable'] as const;
/**
 * window_unreachable: has time windows and cannot be served in them even as the only visit of the day.
 * outside_shift:      has no window and does not fit in the shift even as the only visit of the day.
 * not_enough_time:    a mandatory stop that fits alone but not with the other mandatory stops.
 * lower_priority:     optional; the time went to stops whose priorities add up to more.
 * no_priority:        optional with priority 0; serving it would only add travel.
 * unavailable:        taken out of the day while re-planning (for example "not home").
 */
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedStop {
  readonly id: StopId;
  readonly reason: SkipReason;
}

export const INFEASIBILITY_CODES = ['mandatory_unreachable', 'mandatory_conflict', 'breaks_unschedulable'] as const;
export type InfeasibilityCode = (typeof INFEASIBILITY_CODES)[number];

export interface Infeasibility {
  readonly code: InfeasibilityCode;
  readonly ids: readonly StopId[];
  readonly message: string;
}

export interface Plan {
  /** True when every mandatory stop is served. */
  readonly feasible: boolean;
  /** In route order. */
  readonly visits: readonly PlannedVisit[];
  /** One entry per BreakRule, in the order of problem.breaks. */
  readonly breaks: readonly PlannedBreak[];
  /** Every stop not in `visits`, in problem order. */
  readonly skipped: readonly SkippedStop[];
  readonly totalPriority: number;
  readonly travelMinutes: Minutes;
  /** Arrival at the end place (or the end of a break taken there, if later). */
  readonly returnAt: Minutes;
  readonly reasons: readonly Infeasibility[];
  /** True when the exact search finished: no plan is better in the lexicographic objective. */
  readonly provenOptimal: boolean;
}

/** How the caller steers a solve. Clock and cancellation come in here; the solver has none. */
export interface SolveOptions {
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /** Heuristic iterations cap; with a fixed cap and seed the result is reproducible. */
  readonly maxIterations?: number;
  /** Milliseconds from any origin; without it only iteration caps stop the search. */
  readonly now?: () => number;
  readonly shouldStop?: () => boolean;
  readonly signal?: { readonly aborted: boolean };
  /** Called with each new best plan. */
  readonly onProgress?: (best: Plan) => void;
  /**
   * Largest estimated state space, as log2, on which the exact search runs (default 24);
   * -1 never runs it, Infinity always does.
   */
  readonly exactMaxLog2States?: number;
}
