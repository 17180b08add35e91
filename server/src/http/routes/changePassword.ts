/**
 * `POST /api/auth/password`: the signed-in person changes their own password (current and new
 * password in). Behind the session gate. Ends the person's other sessions.
 */
import type { FastifyInstance } from 'fastify';
import { changePasswordRequestSchema, type OkResponse } from '../../../../src/protocol/wire';
import { changePassword } from '../../auth/changePassword';
import type { LoginDeps } from '../../auth/login';
import { authorize } from '../../auth/policy';
import { parseBody, sendError } from '../errors';
import { actorOf, sessionOf } from '../sessionGate';
import { AUTH_BODY_LIMIT, TOO_MANY_ATTEMPTS } from './login';

export function changePasswordRoute(app: FastifyInstance, deps: LoginDeps): void {
  app.post('/api/auth/password', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const session = sessionOf(request);
    const decision = authorize(actorOf(request), 'self.manage', { type: 'user', orgId: session.orgId, userId: session.userId });
    if (!decision.allowed) return sendError(reply, decision.code, decision.message);
    const body = parseBody(changePasswordRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const outcome = await changePassword(deps, session, body.value, request.ip);
    if (!outcome.ok) {
      switch (outcome.code) {
        // Not 401: that would tell the app its session is gone.
        case 'wrong_password':
          return sendError(reply, 'forbidden', 'currentPassword: the current password is wrong');
        case 'bad_password':
          return sendError(reply, 'bad_request', outcome.message);
        case 'too_many_attempts':
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return sendError(reply, 'too_many_attempts', TOO_MANY_ATTEMPTS);
      }
    }
    const response: OkResponse = { ok: true };
    return response;
  });
}
