/**
 * `POST /api/sync/push`: a device's numbered changes in; per change, applied, duplicate or
 * rejected out, after the batch committed. Behind the session gate. The rules live in
 * changes/applyPush.ts; a refused change is a result, never an HTTP error (S7).
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, pushRequestSchema, type PushResponse } from '../../../../src/protocol/wire';
import type { Db } from '../../db/db';
import { applyPush } from '../../changes/applyPush';
import { parseBody, sendError } from '../errors';
import { sessionOf } from '../sessionGate';

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
    const session = sessionOf(request);
    if (body.value.deviceId !== session.deviceId) {
      return sendError(reply, 'bad_request', 'deviceId: not the device this session was signed in on');
    }

    const outcome = await applyPush(deps.db, { session, mutations: body.value.mutations, now: deps.now() });
    const response: PushResponse = { ...outcome, serverTime: deps.now().toISOString() };
    return response;
  });
}
