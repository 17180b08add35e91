/**
 * `POST /api/sync/push`: a device's numbered changes in; per change, applied, duplicate or
 * rejected out, after the batch committed. Behind the session gate. The rules live in
 * changes/applyPush.ts (each change is authorized against its patient's current territory,
 * applyMutation.ts); a refused change is a result, never an HTTP error (S7). The device is the
 * session's: a batch naming another device is refused whole.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, pushRequestSchema, type PushResponse } from '../../../../src/protocol/wire';
import type { Db } from '../../db/db';
import { authorize } from '../../auth/policy';
import { applyPush } from '../../changes/applyPush';
import { cursorKeyOf } from '../../changes/cursor';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

/** A batch of PUSH_BATCH_MAX changes with long notes can exceed this: devices split by size too. */
const PUSH_BODY_LIMIT = 1024 * 1024;

export interface PushDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function pushRoute(app: FastifyInstance, deps: PushDeps): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    // Checked before the schema: a newer app's changes may not parse here, and "update" is
    // the useful answer then, not a list of fields.
    const version = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (typeof version === 'number' && version !== PROTOCOL_VERSION) {
      return sendError(reply, 'unsupported_protocol', `This server speaks protocol ${PROTOCOL_VERSION}, not ${version}; update the app`);
    }
    const body = parseBody(pushRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const actor = actorOf(request);
    if (body.value.deviceId !== actor.deviceId) {
      return sendError(reply, 'bad_request', 'deviceId: not the device this session was signed in on');
    }
    const sync = authorize(actor, 'records.sync', { type: 'org', orgId: actor.orgId });
    if (!sync.allowed) return sendError(reply, sync.code, sync.message);

    const outcome = await applyPush(deps.db, {
      actor,
      address: request.ip,
      cursorKey: await cursorKeyOf(deps.db),
      mutations: body.value.mutations,
      now: deps.now(),
    });
    const response: PushResponse = { ...outcome, serverTime: deps.now().toISOString() };
    return response;
  });
}
