/**
 * `POST /api/office/patients/:patientId/territory`: a supervisor of the team or an
 * administrator moves a patient to another territory of their organisation. Behind the
 * session gate; the rule (`patient.move` on both territories) lives in office/movePatient.ts.
 */
import type { FastifyInstance } from 'fastify';
import { movePatientRequestSchema, type MovePatientResponse } from '../../../../src/protocol/wire';
import { TEXT_MAX, textProblem } from '../../../../src/protocol/safeText';
import type { Db } from '../../db/db';
import { movePatient } from '../../office/movePatient';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface MovePatientDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function movePatientRoute(app: FastifyInstance, deps: MovePatientDeps): void {
  app.post<{ Params: { patientId: string } }>(
    '/api/office/patients/:patientId/territory',
    { bodyLimit: 4 * 1024 },
    async (request, reply) => {
      const body = parseBody(movePatientRequestSchema, request.body);
      if (!body.ok) return sendError(reply, 'bad_request', body.message);
      const { patientId } = request.params;
      // No stored id is longer or holds what PostgreSQL cannot store (a query with it would fail).
      if (patientId.length > TEXT_MAX.id || textProblem(patientId) !== null) return sendError(reply, 'not_found', 'No such patient in your organisation');
      const outcome = await movePatient(deps.db, {
        actor: actorOf(request),
        address: request.ip,
        now: deps.now(),
        patientId,
        territoryId: body.value.territoryId,
      });
      if (!outcome.ok) return sendError(reply, outcome.code, outcome.message);
      const response: MovePatientResponse = { moved: outcome.moved };
      return response;
    },
  );
}
