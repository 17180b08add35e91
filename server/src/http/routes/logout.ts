/** `POST /api/auth/logout`: ends the session behind the request, server-side. Behind the session gate. */
import type { FastifyInstance } from 'fastify';
import type { OkResponse } from '../../../../src/protocol/wire';
import { recordAudit } from '../../audit/recordAudit';
import { authorize } from '../../auth/policy';
import { endSessionById } from '../../auth/sessions';
import type { Db } from '../../db/db';
import { sendError } from '../errors';
import { actorOf, sessionOf } from '../sessionGate';

export function logoutRoute(app: FastifyInstance, deps: { readonly db: Db; readonly now: () => Date }): void {
  // No body is needed; one sent anyway is ignored (a client may post `{}`).
  app.post('/api/auth/logout', { bodyLimit: 1024 }, async (request, reply) => {
    const session = sessionOf(request);
    const decision = authorize(actorOf(request), 'self.manage', { type: 'user', orgId: session.orgId, userId: session.userId });
    if (!decision.allowed) return sendError(reply, decision.code, decision.message);
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      if (await endSessionById(tx, session.sessionId, 'signed_out', now)) {
        await recordAudit(tx, { orgId: session.orgId, userId: session.userId, deviceId: session.deviceId, address: request.ip }, now, [
          { action: 'sign_out' },
        ]);
      }
    });
    const response: OkResponse = { ok: true };
    return response;
  });
}
