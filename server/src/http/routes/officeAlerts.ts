/**
 * The office's alerts: `GET /api/office/alerts` (the team's open alerts, newest first) and
 * `POST /api/office/alerts/done {key}` / `POST /api/office/alerts/snooze {key, until}`.
 * Behind the session gate; supervisors only (`team.act`, office/alerts.ts), checked before the
 * query or body is read. A key names ids only and travels in the body, never the URL.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { noQuerySchema } from '../../../../src/protocol/office';
import { alertDoneRequestSchema, alertSnoozeRequestSchema } from '../../../../src/protocol/officeAlerts';
import type { Db } from '../../db/db';
import { alertsRefusal, handleAlert, listAlerts } from '../../office/alerts';
import type { OfficeOutcome, OfficeRequest } from '../../office/escalations';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface OfficeAlertsDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** A key and a time: a few hundred bytes. */
const STEP_BODY_LIMIT = 4 * 1024;

function officeRequest(request: FastifyRequest, deps: OfficeAlertsDeps): OfficeRequest {
  return { db: deps.db, actor: actorOf(request), address: request.ip, now: deps.now() };
}

function answer<T>(reply: FastifyReply, outcome: OfficeOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : sendError(reply, outcome.code, outcome.message);
}

export function officeAlertsRoutes(app: FastifyInstance, deps: OfficeAlertsDeps): void {
  app.get('/api/office/alerts', async (request, reply) => {
    const refused = alertsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const query = parseBody(noQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(reply, 'bad_request', query.message);
    return answer(reply, await listAlerts(officeRequest(request, deps)));
  });

  app.post('/api/office/alerts/done', { bodyLimit: STEP_BODY_LIMIT }, async (request, reply) => {
    const refused = alertsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const body = parseBody(alertDoneRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    return answer(reply, await handleAlert(officeRequest(request, deps), body.value.key, { kind: 'done' }));
  });

  app.post('/api/office/alerts/snooze', { bodyLimit: STEP_BODY_LIMIT }, async (request, reply) => {
    const refused = alertsRefusal(actorOf(request));
    if (refused) return answer(reply, refused);
    const body = parseBody(alertSnoozeRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    return answer(reply, await handleAlert(officeRequest(request, deps), body.value.key, { kind: 'snooze', until: new Date(body.value.until) }));
  });
}
