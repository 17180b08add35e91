/**
 * The office's Team table and the people an escalation may go to: `GET /api/office/team`
 * (`team.read`: a supervisor's team, an administrator's whole organisation; office/team.ts)
 * and `GET /api/office/assignees` (`escalation.manage`; office/escalations.ts). Behind the
 * session gate; the policy is checked before the query is read. Neither takes a query.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { noQuerySchema } from '../../../../src/protocol/office';
import type { Db } from '../../db/db';
import { listAssignees, queueRefusal, type OfficeOutcome } from '../../office/escalations';
import { readTeam, teamRefusal } from '../../office/team';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeTeamDeps {
  readonly db: Db;
  readonly now: () => Date;
}

function answer<T>(reply: FastifyReply, outcome: OfficeOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : sendError(reply, outcome.code, outcome.message);
}

export function officeTeamRoutes(app: FastifyInstance, deps: OfficeTeamDeps): void {
  app.get('/api/office/team', async (request, reply) => {
    const actor = actorOf(request);
    const refused = teamRefusal(actor);
    if (refused) return answer(reply, refused);
    const query = parseBody(noQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await readTeam(deps.db, actor, deps.now()));
  });

  app.get('/api/office/assignees', async (request, reply) => {
    const actor = actorOf(request);
    const refused = queueRefusal(actor);
    if (refused) return answer(reply, refused);
    const query = parseBody(noQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await listAssignees({ db: deps.db, actor }));
  });
}
