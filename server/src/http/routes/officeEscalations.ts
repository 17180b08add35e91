/**
 * The office's escalation queue: `GET /api/office/escalations` and the steps
 * `POST /api/office/escalations/:escalationId/acknowledge | assign | resolve`. Behind the
 * session gate; the rules (`escalation.manage`, the team's scope, the transitions) live in
 * office/escalations.ts. The policy is checked before the body is read: a specialist or an
 * administrator is told 403 whatever they send.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  acknowledgeEscalationRequestSchema,
  assignEscalationRequestSchema,
  escalationQuerySchema,
  resolveEscalationRequestSchema,
} from '../../../../src/protocol/office';
import { TEXT_MAX, textProblem } from '../../../../src/protocol/safeText';
import type { Db } from '../../db/db';
import { actOnEscalation, listEscalations, queueRefusal, type EscalationAction, type OfficeOutcome, type OfficeRequest } from '../../office/escalations';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeEscalationsDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** A resolution note is at most a few KiB of text. */
const STEP_BODY_LIMIT = 16 * 1024;

type StepRequest = FastifyRequest<{ Params: { escalationId: string } }>;

function officeRequest(request: FastifyRequest, deps: OfficeEscalationsDeps): OfficeRequest {
  return { db: deps.db, actor: actorOf(request), address: request.ip, now: deps.now() };
}

function answer<T>(reply: FastifyReply, outcome: OfficeOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : sendError(reply, outcome.code, outcome.message);
}

export function officeEscalationsRoutes(app: FastifyInstance, deps: OfficeEscalationsDeps): void {
  app.get('/api/office/escalations', async (request, reply) => {
    const refused = queueRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const query = parseBody(escalationQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await listEscalations(officeRequest(request, deps), query.value));
  });

  /** One step route: policy, the id, the body, then the step. */
  const step = <T>(name: string, schema: z.ZodType<T>, toAction: (body: T) => EscalationAction) =>
    app.post(`/api/office/escalations/:escalationId/${name}`, { bodyLimit: STEP_BODY_LIMIT }, async (request: StepRequest, reply) => {
      const refused = queueRefusal(actorOf(request));
      if (refused) return answer(reply, refused);
      // Acknowledge takes no fields: no body at all is the same as `{}` (a JSON `null` is a body, and refused).
      const body = parseBody(schema, request.body === undefined ? {} : request.body);
      if (!body.ok) return sendError(reply, 'bad_request', body.message);
      const { escalationId } = request.params;
      // No stored id is longer or holds what PostgreSQL cannot store (a query with it would fail).
      if (escalationId.length > TEXT_MAX.id || textProblem(escalationId) !== null) return sendError(reply, 'not_found', 'No such escalation in your team');
      return answer(reply, await actOnEscalation(officeRequest(request, deps), escalationId, toAction(body.value)));
    });

  step('acknowledge', acknowledgeEscalationRequestSchema, () => ({ kind: 'acknowledge' }));
  step('assign', assignEscalationRequestSchema, (body) => ({ kind: 'assign', userId: body.userId }));
  step('resolve', resolveEscalationRequestSchema, (body) => ({ kind: 'resolve', resolution: body.resolution }));
}
