/**
 * `POST /api/sync/pull`: the next page of changes in the caller's scope after their cursor.
 * Behind the session gate. The cursor rules live in changes/pullChanges.ts.
 */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, PULL_PAGE_DEFAULT, pullRequestSchema, type PullResponse } from '../../../../src/protocol/wire';
import type { Db } from '../../db/db';
import { territoriesInScope } from '../../auth/scope';
import { CURSOR_START, decodeCursor, encodeCursor } from '../../changes/cursor';
import { pullChanges } from '../../changes/pullChanges';
import { parseBody, sendError } from '../errors';
import { sessionOf } from '../sessionGate';

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
    const after = cursor === null ? { ok: true as const, cursor: CURSOR_START } : decodeCursor(cursor);
    if (!after.ok) return sendError(reply, 'bad_request', 'cursor: not a cursor this server issued');

    const session = sessionOf(request);
    const territories = await territoriesInScope(deps.db, session);
    const page = await pullChanges(deps.db, {
      scope: { orgId: session.orgId, territoryIds: territories.map((t) => t.id) },
      after: after.cursor,
      limit,
    });
    const response: PullResponse = {
      records: page.records,
      leftScope: page.leftScope,
      cursor: encodeCursor(page.cursor),
      hasMore: page.hasMore,
      serverTime: deps.now().toISOString(),
      territories,
    };
    return response;
  });
}
