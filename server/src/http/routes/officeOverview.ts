/**
 * The office's numbers: `GET /api/office/overview?from=YYYY-MM-DD&to=YYYY-MM-DD[&followUpDays=N]`
 * (UTC days, both included; N whole days from 1 to 60, default 7, the window in which a
 * no-show counts as followed up). Behind the session gate and the policy's 'team.read'; the
 * numbers cover the territories of the caller's team and nothing else (an administrator, who
 * supervises no team, sees zeros). Aggregates and staff names only: no patient is named, so
 * nothing is recorded as read.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { overviewQuerySchema } from '../../../../src/protocol/officeMetrics';
import { authorize } from '../../auth/policy';
import type { Db } from '../../db/db';
import { DEFAULT_FOLLOW_UP_DAYS, overview } from '../../office/metrics';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeOverviewDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** The longest follow-up window one may ask for, in days. */
export const FOLLOW_UP_DAYS_MAX = 60;

// Checked apart from the range so the range keeps the one schema the funnel shares.
const followUpSchema = z.strictObject({
  followUpDays: z
    .string()
    .regex(/^[0-9]{1,2}$/, `a whole number of days from 1 to ${FOLLOW_UP_DAYS_MAX}`)
    .transform(Number)
    .pipe(z.number().min(1, `at least 1 day`).max(FOLLOW_UP_DAYS_MAX, `at most ${FOLLOW_UP_DAYS_MAX} days`))
    .optional(),
});

export function officeOverviewRoutes(app: FastifyInstance, deps: OfficeOverviewDeps): void {
  app.get('/api/office/overview', async (request, reply) => {
    const actor = actorOf(request);
    const decision = authorize(actor, 'team.read', { type: 'org', orgId: actor.orgId });
    if (!decision.allowed) return sendError(reply, decision.code, decision.message);
    const { followUpDays, ...range } = { ...(request.query as Record<string, unknown>) };
    const query = parseBody(overviewQuerySchema, range);
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    const days = parseBody(followUpSchema, followUpDays === undefined ? {} : { followUpDays });
    if (!days.ok) return sendError(reply, 'bad_request', days.message);
    const scope = { orgId: actor.orgId, territoryIds: [...actor.teamTerritoryIds].sort(), ...query.value };
    return overview(deps.db, scope, { followUpDays: days.value.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS, now: deps.now() });
  });
}
