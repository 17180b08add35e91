/**
 * `GET/POST /api/admin/users`, `PATCH /api/admin/users/:id`, `POST /api/admin/users/:id/password`,
 * `POST /api/admin/users/:id/unlock`: the organisation's people (admin/*.ts holds the rules).
 */
import type { FastifyInstance } from 'fastify';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type AdminUsersResponse,
} from '../../../../src/protocol/admin';
import { createUser } from '../../admin/createUser';
import { updateUser } from '../../admin/updateUser';
import { resetPassword, unlockUser } from '../../admin/userAccess';
import { listUsers } from '../../admin/users';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';
import { ADMIN_BODY_LIMIT, adminContext, refuseUnless, reply, type AdminRouteDeps } from './adminSupport';

type ById = { Params: { id: string } };

export function adminUsersRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.get('/api/admin/users', async (request, res) => {
    const refused = refuseUnless(request, res, 'user.manage');
    if (refused) return refused;
    const response: AdminUsersResponse = { users: await listUsers(deps.db, actorOf(request).orgId) };
    return response;
  });

  app.post('/api/admin/users', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'user.manage');
    if (refused) return refused;
    const body = parseBody(createUserRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    const outcome = await createUser(adminContext(request, deps), body.value);
    return reply(res.code(outcome.ok ? 201 : res.statusCode), outcome, (user) => ({ user }));
  });

  app.patch<ById>('/api/admin/users/:id', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'user.manage');
    if (refused) return refused;
    const body = parseBody(updateUserRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    const outcome = await updateUser(adminContext(request, deps), request.params.id, body.value);
    return reply(res, outcome, (user) => ({ user }));
  });

  app.post<ById>('/api/admin/users/:id/password', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'user.manage');
    if (refused) return refused;
    const body = parseBody(resetPasswordRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    return reply(res, await resetPassword(adminContext(request, deps), request.params.id, body.value.password), (ok) => ok);
  });

  app.post<ById>('/api/admin/users/:id/unlock', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'user.manage');
    if (refused) return refused;
    return reply(res, await unlockUser(adminContext(request, deps), request.params.id), (value) => value);
  });
}
