/**
 * The engagement funnel: `GET /api/office/funnel?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, both
 * included; the overview's range rules). Behind the session gate and the policy's 'team.read',
 * over the territories of the caller's team only (an administrator, who supervises no team,
 * sees zeros), exactly as the overview. Counts of patients and territory names, no patient
 * named: nothing is recorded as read.
 */
import type { FastifyInstance } from 'fastify';
import { funnelQuerySchema } from '../../../../src/protocol/officeMetrics';
import { authorize } from '../../auth/policy';
import type { Db } from '../../db/db';
import { funnel, namesOf } from '../../office/metrics';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeFunnelDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function officeFunnelRoutes(app: FastifyInstance, deps: OfficeFunnelDeps): void {
  app.get('/api/office/funnel', async (request, reply) => {
    const actor = actorOf(request);
    const decision = authorize(actor, 'team.read', { type: 'org', orgId: actor.orgId });
    if (!decision.allowed) return sendError(reply, decision.code, decision.message);
    const query = parseBody(funnelQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    const dataAsOf = deps.now().toISOString();
    const territoryIds = [...actor.teamTerritoryIds].sort();
    const result = await funnel(deps.db, { orgId: actor.orgId, territoryIds, ...query.value });
    // The names of the territories the rows can name: the team's (a row is only ever one of them).
    const names = await namesOf(deps.db, 'territories', actor.orgId, territoryIds);
    const territoryNames = Object.fromEntries(result.by.territory.map((r) => [r.value, names.get(r.value) ?? '']));
    return { dataAsOf, territoryNames, ...result };
  });
}
