/** `POST /api/auth/login`: username, password and device id in; a session token out. */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse } from '../../../../src/protocol/wire';
import { login, type LoginDeps } from '../../auth/login';
import { parseBody, sendError } from '../errors';

/** A sign-in body is a few hundred bytes; anything near this is not a sign-in. */
const LOGIN_BODY_LIMIT = 16 * 1024;

export function loginRoute(app: FastifyInstance, deps: LoginDeps): void {
  app.post('/api/auth/login', { bodyLimit: LOGIN_BODY_LIMIT }, async (request, reply) => {
    const body = parseBody(loginRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);

    const outcome = await login(deps, body.value);
    if (!outcome.ok) {
      switch (outcome.code) {
        case 'wrong_credentials':
          return sendError(reply, 'unauthorized', 'Wrong username or password');
        case 'device_revoked':
          return sendError(reply, 'device_revoked', 'This device has been signed out by an administrator');
      }
    }
    const response: LoginResponse = {
      token: outcome.token,
      user: outcome.user,
      territories: outcome.territories,
      careTeamPhone: outcome.careTeamPhone,
      serverTime: deps.now().toISOString(),
    };
    return response;
  });
}
