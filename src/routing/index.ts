/**
 * Public surface of the day planner, for the worker. Pure: no I/O, no clock, no randomness
 * beyond the seeded generator; the worker passes `now`, `shouldStop` and `onProgress`.
 */
export type * from './types';
export { SKIP_REASONS, INFEASIBILITY_CODES } from './types';
export { parseProblem, parseProblemText, type ParseResult } from './problem';
export { solve, DEFAULT_TIME_LIMIT_MS, DEFAULT_EXACT_MAX_LOG2_STATES } from './solve';
export { replan, remainingProblem, REPLAN_TIME_LIMIT_MS, type DayProgress } from './replan';
export { checkPlan } from './checkPlan';
export {
  buildDayProblem,
  withVisitMinutes,
  legMinutes,
  facilityWindows,
  DAY_TRAVEL,
  type DayStopInput,
  type DayStopFacility,
  type DayStartInput,
  type DayStartUsed,
  type VisitMinutesIssue,
  type DayProblemInput,
  type DayProblemIssue,
  type DayProblemResult,
  type ExcludedStop,
} from './dayProblem';
export { applyDayEvent, startProgress, RUNNING_LATE_MINUTES, type DayEvent, type DayEventKind, type VanProgress } from './dayProgress';
export {
  dayTimeline,
  visitingHours,
  LATE_RISK_MINUTES,
  SHOWN_WAIT_MINUTES,
  type BreakWhere,
  type DriveFrom,
  type TimelineBack,
  type TimelineBreak,
  type TimelineDrive,
  type TimelineEntry,
  type TimelineStop,
  type TimelineVisit,
  type TimelineWait,
  type VisitLateRisk,
  type VisitState,
} from './timeline';
