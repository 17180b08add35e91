/**
 * Wire schema of the office's numbers (`GET /api/office/overview`): the query is a range of
 * UTC calendar days, both ends included, at most a year long. The response is the overview of
 * server/src/office/metrics.ts; docs/METRICS.md defines each number.
 */
import { z } from 'zod';
import { isoDate } from './entityParts';

/** The longest range one request may ask for, in days. */
export const METRICS_RANGE_MAX_DAYS = 366;

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

export const overviewQuerySchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => days(q.from, q.to) <= METRICS_RANGE_MAX_DAYS, { message: `at most ${METRICS_RANGE_MAX_DAYS} days`, path: ['to'] });
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
