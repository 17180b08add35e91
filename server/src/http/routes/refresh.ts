/**
 * `POST /api/auth/refresh`: a refresh token and the device it was issued to in; new tokens
 * out (the refresh token is replaced at every use). Outside the session gate: the access
 * token has usually expired when this is called.
 */
import type { FastifyInstance } from 'fastify';
import { refreshRequestSchema, type RefreshResponse } from '../../../../src/protocol/wire';
import { pushSealKeyOf } from '../../auth/pushSealKey';
import { refreshSession } from '../../auth/sessions';
import type { Db } from '../../db/db';
import { parseBody, sendError } from '../errors';
import { AUTH_BODY_LIMIT } from './login';

export interface RefreshRouteDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function refreshRoute(app: FastifyInstance, deps: RefreshRouteDeps): void {
  app.post('/api/auth/refresh', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const body = parseBody(refreshRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const outcome = await refreshSession(deps.db, {
      refreshToken: body.value.refreshToken,
      deviceId: body.value.deviceId,
      appVersion: body.value.appVersion ?? null,
      now: deps.now(),
    });
    if (!outcome.ok) {
      return outcome.code === 'device_revoked'
        ? sendError(reply, 'device_revoked', 'This device has been signed out by an administrator')
        : sendError(reply, 'unauthorized', 'Your session has ended; sign in again');
    }
    const response: RefreshResponse = {
      accessToken: outcome.tokens.accessToken,
      refreshToken: outcome.tokens.refreshToken,
      accessExpiresAt: outcome.tokens.accessExpiresAt.toISOString(),
      settings: { lockAfterMinutes: outcome.settings.lockAfterMinutes },
      pushToken: outcome.tokens.pushToken,
      pushSealKey: (await pushSealKeyOf(deps.db)).publicKey,
    };
    return response;
  });
}
