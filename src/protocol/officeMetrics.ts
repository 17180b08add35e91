/**
 * Wire schemas of the office's numbers: `GET /api/office/overview` and `GET /api/office/funnel`.
 * Each query is a range of UTC calendar days, both ends included, at most a year long; the
 * overview also takes how many days after a no-show its follow-up still counts. The responses
 * are server/src/office/metrics.ts's; docs/METRICS.md defines each number. Responses are strict
 * so a renamed or extra field is a `bad_response`, never a number silently missing.
 */
import { z } from 'zod';
import { isoDate, isoDateTime } from './entityParts';

/** The longest range one request may ask for, in days. */
export const METRICS_RANGE_MAX_DAYS = 366;

/** Days after a no-show within which a follow-up contact counts, when the query does not say. */
export const FOLLOW_UP_DAYS_DEFAULT = 7;
export const FOLLOW_UP_DAYS_MAX = 60;

/** Days from `from` to `to`, both included (1 when equal). */
export function rangeDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const range = { from: isoDate, to: isoDate };
type Range = { from: string; to: string };
/** `from` not after `to`, and at most a year between them. */
function checkedRange<T extends z.ZodType<Range>>(schema: T) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
    .refine((q) => rangeDays(q.from, q.to) <= METRICS_RANGE_MAX_DAYS, { message: `at most ${METRICS_RANGE_MAX_DAYS} days`, path: ['to'] });
}

export const overviewQuerySchema = checkedRange(
  z.strictObject({
    ...range,
    /** A query string's value arrives as text; a whole number of days, 1 to 60. */
    followUpDays: z.coerce.number().int().min(1).max(FOLLOW_UP_DAYS_MAX).default(FOLLOW_UP_DAYS_DEFAULT),
  }),
);
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const funnelQuerySchema = checkedRange(z.strictObject(range));
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

const count = z.number().int().min(0);
/** A share from 0 to 1; null when its denominator is zero. */
const rate = z.number().min(0).max(1).nullable();
const label = z.string().max(200);

/** The columns every overview row has (totals, per specialist, per territory, per week). */
export const contactTallyShape = {
  contactsAttempted: count,
  contactsReached: count,
  patientsAttempted: count,
  patientsReached: count,
  reachRate: rate,
  visitsCompleted: count,
  appointmentsSet: count,
  portalEnrollments: count,
  rpmSetups: count,
  hrasCompleted: count,
  surveysCompleted: count,
  referrals: count,
  teachBackConfirmed: count,
  gapsClosedInContact: count,
};
export const contactTallySchema = z.strictObject(contactTallyShape);
export type ContactTally = z.infer<typeof contactTallySchema>;
export type TallyColumn = keyof ContactTally;
export const TALLY_COLUMNS = Object.keys(contactTallyShape) as TallyColumn[];

export const overviewResponseSchema = z.strictObject({
  /** The server's time when the numbers were read. */
  dataAsOf: isoDateTime,
  followUpDays: z.number().int().min(1).max(FOLLOW_UP_DAYS_MAX),
  totals: z.strictObject({
    ...contactTallyShape,
    appointmentsKept: count,
    noShows: count,
    /** Of the no-shows, those followed by a contact within `followUpDays`. */
    noShowsFollowedUp: count,
    satisfactionResponses: count,
    /** The mean satisfaction score; null without responses. */
    satisfactionAverage: z.number().nullable(),
  }),
  outcomes: z.array(z.strictObject({ outcome: label, contacts: count })),
  bySpecialist: z.array(z.strictObject({ ...contactTallyShape, authorId: label, name: label })),
  byTerritory: z.array(z.strictObject({ ...contactTallyShape, territoryId: label, name: label })),
  /** One row per ISO week (Monday, UTC), oldest first. */
  weekly: z.array(z.strictObject({ ...contactTallyShape, weekStart: isoDate })),
  gapsClosedByMeasure: z.array(z.strictObject({ measure: label, closed: count })),
});
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

export const FUNNEL_STAGES = ['attempted', 'reached', 'appointmentSet', 'appointmentKept', 'gapClosed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_DIMENSIONS = ['language', 'ageBand', 'channel', 'territory'] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

const funnelCountsShape = { attempted: count, reached: count, appointmentSet: count, appointmentKept: count, gapClosed: count };
export const funnelCountsSchema = z.strictObject(funnelCountsShape);
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;
const funnelGroup = z.array(z.strictObject({ ...funnelCountsShape, value: label }));
export type FunnelGroup = z.infer<typeof funnelGroup>[number];

export const funnelResponseSchema = z.strictObject({
  dataAsOf: isoDateTime,
  /** Territory id → name, for the territories `by.territory` names. */
  territoryNames: z.record(label, label),
  totals: funnelCountsSchema,
  by: z.strictObject({ language: funnelGroup, ageBand: funnelGroup, channel: funnelGroup, territory: funnelGroup }),
});
export type FunnelResponse = z.infer<typeof funnelResponseSchema>;
