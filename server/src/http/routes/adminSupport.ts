/**
 * What every `/api/admin/...` route shares: the policy check for the organisation as a whole
 * (before anything is read or parsed), the admin context from the session, and turning an
 * operation's outcome into a response.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminContext } from '../../admin/adminDeps';
import type { AdminOutcome } from '../../admin/outcome';
import { authorize, type Action } from '../../auth/policy';
import type { Db } from '../../db/db';
import { sendError } from '../errors';
import { actorOf } from '../sessionGate';

export interface AdminRouteDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/** Admin bodies are small; a territory list of 100 ids is well under this. */
export const ADMIN_BODY_LIMIT = 16 * 1024;

/** Null when allowed; otherwise the error response has been sent. */
export function refuseUnless(request: FastifyRequest, reply: FastifyReply, action: Action): FastifyReply | null {
  const actor = actorOf(request);
  const decision = authorize(actor, action, { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : sendError(reply, decision.code, decision.message);
}

export function adminContext(request: FastifyRequest, deps: AdminRouteDeps): AdminContext {
  const actor = actorOf(request);
  return {
    db: deps.db,
    now: deps.now(),
    actor,
    auditActor: { orgId: actor.orgId, userId: actor.userId, deviceId: actor.deviceId, address: request.ip },
  };
}

export function reply<T>(res: FastifyReply, outcome: AdminOutcome<T>, wrap: (value: T) => unknown): unknown {
  if (!outcome.ok) return sendError(res, outcome.code, outcome.message);
  return wrap(outcome.value);
}
