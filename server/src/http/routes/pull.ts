/**
 * `POST /api/sync/pull`: the next page of changes in the caller's scope after their cursor.
 * Behind the session gate. The scope is the territories the caller works, each allowed by
 * `authorize(actor, 'records.sync', territory)`; supervisors and admins usually work none,
 * so their devices hold no patients. The cursor rules live in changes/pullChanges.ts and
 * changes/cursor.ts (only cursors this server signed are accepted, T1). Every page is a
 * read of the patients it carries: one audit event per patient, in one insert, written
 * before the page is answered, with the page's sync event (S21) in the same transaction.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, PULL_PAGE_DEFAULT, pullRequestSchema, type PullResponse } from '../../../../src/protocol/wire';
import type { Db } from '../../db/db';
import { recordAudit } from '../../audit/recordAudit';
import { authorize } from '../../auth/policy';
import { territoriesInScope } from '../../auth/scope';
import { CURSOR_START, cursorKeyOf, decodeCursor, encodeCursor } from '../../changes/cursor';
import { pullChanges } from '../../changes/pullChanges';
import { recordSyncEvent } from '../../syncEvents/recordSyncEvent';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';

const PULL_BODY_LIMIT = 16 * 1024;

export interface PullDeps {
  readonly db: Db;
  readonly now: () => Date;
}

export function pullRoute(app: FastifyInstance, deps: PullDeps): void {
  app.post('/api/sync/pull', { bodyLimit: PULL_BODY_LIMIT }, async (request, reply) => {
    const body = parseBody(pullRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const { protocolVersion, cursor, limit = PULL_PAGE_DEFAULT } = body.value;
    if (protocolVersion !== PROTOCOL_VERSION) {
      return sendError(
        reply,
        'unsupported_protocol',
        `This server speaks protocol ${PROTOCOL_VERSION}, not ${protocolVersion}; update the app`,
      );
    }
    const key = await cursorKeyOf(deps.db);
    const after = cursor === null ? { ok: true as const, cursor: CURSOR_START } : decodeCursor(key, cursor);
    if (!after.ok) return sendError(reply, 'bad_request', 'cursor: not a cursor this server issued');

    const actor = actorOf(request);
    const sync = authorize(actor, 'records.sync', { type: 'org', orgId: actor.orgId });
    if (!sync.allowed) return sendError(reply, sync.code, sync.message);
    const territories = (await territoriesInScope(deps.db, actor, deps.now())).filter(
      (t) => authorize(actor, 'records.sync', { type: 'territory', orgId: actor.orgId, territoryId: t.id }).allowed,
    );
    const page = await pullChanges(deps.db, {
      scope: { orgId: actor.orgId, territoryIds: territories.map((t) => t.id) },
      after: after.cursor,
      limit,
    });
    const { pending, deviceTime } = body.value;
    // The page's reads and its sync event (S21) are committed together, before the answer.
    const at = deps.now();
    await deps.db.transaction(async (tx) => {
      await recordAudit(
        tx,
        { orgId: actor.orgId, userId: actor.userId, deviceId: actor.deviceId, address: request.ip },
        at,
        page.patientIds.map((patientId) => ({ action: 'read', entityKind: 'patient', entityId: patientId, patientId })),
      );
      await recordSyncEvent(tx, at, {
        kind: 'pull',
        orgId: actor.orgId,
        userId: actor.userId,
        deviceId: actor.deviceId,
        changes: page.records.length,
        report: { pending, deviceTime },
      });
    });
    const response: PullResponse = {
      records: page.records,
      leftScope: page.leftScope,
      cursor: encodeCursor(key, page.cursor),
      hasMore: page.hasMore,
      serverTime: deps.now().toISOString(),
      territories,
    };
    return response;
  });
}
