/**
 * `POST /api/sync/push-sealed`: the push of a context that has no data key (the service
 * worker's background sync, docs/SECURITY.md). Authorized by the session's push token, not
 * the access token: outside the session gate, and the only route that token opens. Each
 * change's content arrives sealed to the server's key (src/protocol/pushSeal.ts) and bound to
 * its clear identity; the server opens it, and from there it is a push like any other
 * (push.ts: the same policy, the same audited write path, recorded as 'background_sync').
 * A batch with a change that does not open is refused whole (`bad_request`), changing nothing:
 * the app sends those changes itself once unlocked.
 */
import type { FastifyInstance } from 'fastify';
import { openFromDevice } from '../../../../src/protocol/pushSeal';
import { pushRequestSchema, sealedContentSchema, sealedPushRequestSchema, type Mutation } from '../../../../src/protocol/wire';
import { loadActor } from '../../auth/loadActor';
import { pushSealKeyOf } from '../../auth/pushSealKey';
import { findPushSession } from '../../auth/sessions';
import { parseBody, sendError } from '../errors';
import { answerPush, PUSH_BODY_LIMIT, refusedOtherProtocol, type PushDeps } from './push';

export function pushSealedRoute(app: FastifyInstance, deps: PushDeps): void {
  app.post('/api/sync/push-sealed', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    const found = await findPushSession(deps.db, request.headers.authorization, deps.now());
    if (!found.ok) {
      return found.code === 'device_revoked'
        ? sendError(reply, 'device_revoked', 'This device has been signed out by an administrator')
        : sendError(reply, 'unauthorized', 'This push token does not work; the app sends the changes once signed in');
    }
    if (refusedOtherProtocol(request, reply)) return reply;
    const body = parseBody(sealedPushRequestSchema, request.body);
    if (!body.ok) return sendError(reply, 'bad_request', body.message);
    const { privateKey } = await pushSealKeyOf(deps.db);
    const mutations: Mutation[] = [];
    for (const [i, sealedMutation] of body.value.mutations.entries()) {
      const { sealed, ...clear } = sealedMutation;
      const opened = await openFromDevice(privateKey, { deviceId: body.value.deviceId, ...clear }, sealed);
      // The content's own problems are not named: they are the person's data.
      const content = sealedContentSchema.safeParse(opened);
      if (!content.success) return sendError(reply, 'bad_request', `mutations.${i}.sealed: does not open as this change with the server's key`);
      mutations.push({ ...clear, ...content.data });
    }
    const push = parseBody(pushRequestSchema, { ...body.value, mutations });
    if (!push.ok) return sendError(reply, 'bad_request', push.message);
    return answerPush(deps, request, reply, await loadActor(deps.db, found.session, deps.now()), push.value, 'sealed_push');
  });
}
