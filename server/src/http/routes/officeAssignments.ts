/**
 * The office's Assignments: `GET /api/office/assignments`, `POST /api/office/territories/:territoryId/assign`,
 * `POST /api/office/coverages`, `POST /api/office/coverages/:coverageId/cancel` and
 * `POST /api/office/patients/move`. Behind the session gate; whether the caller may look at
 * assignments at all (a supervisor or an admin) is checked before the body is read, the rules
 * of each step (`patient.move` on the territories and people concerned) in
 * office/assignments.ts, office/coverages.ts and office/assignmentsMove.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { noQuerySchema } from '../../../../src/protocol/office';
import { assignTerritoryRequestSchema, bulkMoveRequestSchema, createCoverageRequestSchema } from '../../../../src/protocol/officeAssignments';
import { TEXT_MAX, textProblem } from '../../../../src/protocol/safeText';
import type { Db } from '../../db/db';
import { assignmentsRefusal, assignTerritory, readAssignments, type AssignmentsRequest } from '../../office/assignments';
import { movePatients } from '../../office/assignmentsMove';
import { cancelCoverage, createCoverage } from '../../office/coverages';
import type { OfficeOutcome } from '../../office/escalations';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeAssignmentsDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** A bulk move names at most BULK_MOVE_MAX ids; the others are a few fields. */
const MOVE_BODY_LIMIT = 64 * 1024;
const SMALL_BODY_LIMIT = 4 * 1024;

function officeRequest(request: FastifyRequest, deps: OfficeAssignmentsDeps): AssignmentsRequest {
  return { db: deps.db, actor: actorOf(request), address: request.ip, now: deps.now() };
}

function answer<T>(reply: FastifyReply, outcome: OfficeOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : sendError(reply, outcome.code, outcome.message);
}

/** No stored id is longer or holds what PostgreSQL cannot store (a query with it would fail). */
const storableId = (value: string) => value.length <= TEXT_MAX.id && textProblem(value) === null;

export function officeAssignmentsRoutes(app: FastifyInstance, deps: OfficeAssignmentsDeps): void {
  app.get('/api/office/assignments', async (request, reply) => {
    const refused = assignmentsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const query = parseBody(noQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await readAssignments(officeRequest(request, deps)));
  });

  app.post<{ Params: { territoryId: string } }>(
    '/api/office/territories/:territoryId/assign',
    { bodyLimit: SMALL_BODY_LIMIT },
    async (request, reply) => {
      const refused = assignmentsRefusal(actorOf(request));
      if (refused) return answer(reply, refused);
      const body = parseBody(assignTerritoryRequestSchema, request.body);
      if (!body.ok) return sendError(reply, 'bad_request', body.message);
      const { territoryId } = request.params;
      if (!storableId(territoryId)) return sendError(reply, 'not_found', 'No such territory in your organisation');
      return answer(reply, await assignTerritory(officeRequest(request, deps), territoryId, body.value.userId));
    },
  );

  app.post('/api/office/coverages', { bodyLimit: SMALL_BODY_LIMIT }, async (request, reply) => {
    const refused = assignmentsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const body = parseBody(createCoverageRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    return answer(reply, await createCoverage(officeRequest(request, deps), body.value));
  });

  app.post<{ Params: { coverageId: string } }>(
    '/api/office/coverages/:coverageId/cancel',
    { bodyLimit: SMALL_BODY_LIMIT },
    async (request, reply) => {
      const refused = assignmentsRefusal(actorOf(request));
      if (refused) return answer(reply, refused);
      // Takes no fields: no body at all is the same as `{}`.
      const body = parseBody(noQuerySchema, request.body === undefined ? {} : request.body);
      if (!body.ok) return sendError(reply, 'bad_request', body.message);
      const { coverageId } = request.params;
      if (!storableId(coverageId)) return sendError(reply, 'not_found', 'No such coverage in your organisation');
      return answer(reply, await cancelCoverage(officeRequest(request, deps), coverageId));
    },
  );

  app.post('/api/office/patients/move', { bodyLimit: MOVE_BODY_LIMIT }, async (request, reply) => {
    const refused = assignmentsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const body = parseBody(bulkMoveRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    return answer(reply, await movePatients(officeRequest(request, deps), body.value));
  });
}
