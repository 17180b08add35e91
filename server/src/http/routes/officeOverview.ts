/**
 * The office's numbers: `GET /api/office/overview?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days,
 * both included). Behind the session gate and the policy's 'team.read'; the numbers cover the
 * territories of the caller's team and nothing else (an administrator, who supervises no team,
 * sees zeros). Aggregates only: no patient is named, so nothing is recorded as read.
 */
import type { FastifyInstance } from 'fastify';
import { overviewQuerySchema } from '../../../../src/protocol/officeMetrics';
import { authorize } from '../../auth/policy';
import type { Db } from '../../db/db';
import { overview } from '../../office/metrics';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeOverviewDeps {
  readonly db: Db;
}

export function officeOverviewRoutes(app: FastifyInstance, deps: OfficeOverviewDeps): void {
  app.get('/api/office/overview', async (request, reply) => {
    const actor = actorOf(request);
    const decision = authorize(actor, 'team.read', { type: 'org', orgId: actor.orgId });
    if (!decision.allowed) return sendError(reply, decision.code, decision.message);
    const query = parseBody(overviewQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return overview(deps.db, { orgId: actor.orgId, territoryIds: [...actor.teamTerritoryIds].sort(), ...query.value });
  });
}
