/**
 * `POST /api/auth/login`: username, password and device id in; tokens, the device's id and
 * key, and who the person is out. Sign-in limits answer 429 with `Retry-After`.
 */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse } from '../../../../src/protocol/wire';
import { login, type LoginDeps } from '../../auth/login';
import { pushSealKeyOf } from '../../auth/pushSealKey';
import { parseBody, sendError } from '../errors';

/** A sign-in body is a few hundred bytes; anything near this is not a sign-in. */
export const AUTH_BODY_LIMIT = 16 * 1024;

export const TOO_MANY_ATTEMPTS = 'Too many failed sign-ins: wait and try again, or ask an administrator';

export function loginRoute(app: FastifyInstance, deps: LoginDeps): void {
  app.post('/api/auth/login', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const body = parseBody(loginRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);

    const outcome = await login(deps, body.value, { address: request.ip });
    if (!outcome.ok) {
      switch (outcome.code) {
        case 'wrong_credentials':
          return sendError(reply, 'unauthorized', 'Wrong username or password');
        case 'device_revoked':
          return sendError(reply, 'device_revoked', 'This device has been signed out by an administrator');
        case 'too_many_attempts':
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return sendError(reply, 'too_many_attempts', TOO_MANY_ATTEMPTS);
      }
    }
    const response: LoginResponse = {
      accessToken: outcome.tokens.accessToken,
      refreshToken: outcome.tokens.refreshToken,
      accessExpiresAt: outcome.tokens.accessExpiresAt.toISOString(),
      deviceId: outcome.deviceId,
      deviceKey: outcome.deviceKey,
      user: outcome.user,
      territories: outcome.territories,
      careTeamPhone: outcome.careTeamPhone,
      serverTime: deps.now().toISOString(),
      settings: { lockAfterMinutes: outcome.settings.lockAfterMinutes },
      pushToken: outcome.tokens.pushToken,
      pushSealKey: (await pushSealKeyOf(deps.db)).publicKey,
    };
    return response;
  });
}
