/**
 * `POST /api/sync/push`: a device's numbered changes in; per change, applied, duplicate or
 * rejected out, after the batch committed. Behind the session gate. The rules live in
 * changes/applyPush.ts (each change is authorized against its patient's current territory,
 * applyMutation.ts); a refused change is a result, never an HTTP error (S7). The device is the
 * session's: a batch naming another device is refused whole. The sealed push
 * (pushSealed.ts) opens its changes and then answers through the same steps. A batch that
 * commits records its sync event (S21) in its own transaction; a refused request, none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_VERSION, pushRequestSchema, type PushRequest, type PushResponse } from '../../../../src/protocol/wire';
import type { Db } from '../../db/db';
import { authorize, type Actor } from '../../auth/policy';
import { applyPush } from '../../changes/applyPush';
import { cursorKeyOf } from '../../changes/cursor';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

/** A batch of PUSH_BATCH_MAX changes with long notes can exceed this: devices split by size too. */
export const PUSH_BODY_LIMIT = 1024 * 1024;

export interface PushDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/**
 * Sends "update the app" for a body of another protocol version, and says so. Checked before
 * the schema: a newer app's changes may not parse here, and "update" is the useful answer
 * then, not a list of fields.
 */
export function refusedOtherProtocol(request: FastifyRequest, reply: FastifyReply): boolean {
  const version = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (typeof version !== 'number' || version === PROTOCOL_VERSION) return false;
  void sendError(reply, 'unsupported_protocol', `This server speaks protocol ${PROTOCOL_VERSION}, not ${version}; update the app`);
  return true;
}

/** The checks and the answer every push shares, once its changes are in the clear. */
export async function answerPush(
  deps: PushDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  push: PushRequest,
  kind: 'push' | 'sealed_push' = 'push',
): Promise<PushResponse | FastifyReply> {
  if (push.deviceId !== actor.deviceId) {
    return sendError(reply, 'bad_request', 'deviceId: not the device this session was signed in on');
  }
  const sync = authorize(actor, 'records.sync', { type: 'org', orgId: actor.orgId });
  if (!sync.allowed) return sendError(reply, sync.code, sync.message);
  const outcome = await applyPush(deps.db, {
    actor,
    address: request.ip,
    cursorKey: await cursorKeyOf(deps.db),
    mutations: push.mutations,
    now: deps.now(),
    // The audit trail tells a sealed push's changes apart by their source.
    via: kind === 'sealed_push' ? 'background_sync' : null,
    syncEvent: { kind, report: { pending: push.pending, deviceTime: push.deviceTime } },
  });
  return { ...outcome, serverTime: deps.now().toISOString() };
}

export function pushRoute(app: FastifyInstance, deps: PushDeps): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    if (refusedOtherProtocol(request, reply)) return reply;
    const body = parseBody(pushRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    return answerPush(deps, request, reply, actorOf(request), body.value);
  });
}
