/**
 * The gate in front of every /api route except health, sign-in and refresh: a valid, unexpired
 * access token (`Authorization: Bearer`) of a session that has not ended, of a user who is not
 * disabled, on a device that has not been revoked (auth/sessions.ts). The session it finds is attached to the request
 * for the route; routes behind the gate can rely on it being there.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { loadActor } from '../auth/loadActor';
import type { Actor } from '../auth/policy';
import { findSession, type Session, type SessionRejection } from '../auth/sessions';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    /** The policy's view of the signed-in person (auth/policy.ts), loaded with the session. */
    actor: Actor | null;
  }
}

const MESSAGES: Record<SessionRejection, string> = {
  missing_token: 'Sign in first',
  // The app refreshes its tokens once on this answer, and asks the person to sign in if that fails.
  unknown_or_expired: 'Your session has expired; sign in again',
  device_revoked: 'This device has been signed out by an administrator',
};

export interface SessionGateDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function installSessionGate(app: FastifyInstance, deps: SessionGateDeps): void {
  app.addHook('preHandler', async (request, reply) => {
    const found = await findSession(deps.db, request.headers.authorization, deps.now());
    if (!found.ok) {
      // A revoked device is told so distinctly: the app then wipes what it holds.
      const code = found.code === 'device_revoked' ? 'device_revoked' : 'unauthorized';
      return sendError(reply, code, MESSAGES[found.code]);
    }
    request.session = found.session;
    request.actor = await loadActor(deps.db, found.session, deps.now());
  });
}

/** The session behind a gated route; its absence means the route was registered outside the gate. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error(`route ${request.routeOptions.url ?? request.url} is not behind the session gate`);
  return request.session;
}


/** The actor behind a gated route, for `authorize(actor, action, resource)`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`route ${request.routeOptions.url ?? request.url} is not behind the session gate`);
  return request.actor;
}
