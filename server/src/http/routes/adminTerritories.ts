/** `GET/POST /api/admin/territories`, `PATCH /api/admin/territories/:id` (admin/territories.ts holds the rules). */
import type { FastifyInstance } from 'fastify';
import { territoryNameRequestSchema } from '../../../../src/protocol/admin';
import { createTerritory, listTerritories, renameTerritory } from '../../admin/territories';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';
import { ADMIN_BODY_LIMIT, adminContext, refuseUnless, reply, type AdminRouteDeps } from './adminSupport';

export function adminTerritoriesRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.get('/api/admin/territories', async (request, res) => {
    const refused = refuseUnless(request, res, 'territory.manage');
    if (refused) return refused;
    return { territories: await listTerritories(deps.db, actorOf(request).orgId) };
  });

  app.post('/api/admin/territories', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'territory.manage');
    if (refused) return refused;
    const body = parseBody(territoryNameRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    const outcome = await createTerritory(adminContext(request, deps), body.value.name);
    return reply(res.code(outcome.ok ? 201 : res.statusCode), outcome, (territory) => ({ territory }));
  });

  app.patch<{ Params: { id: string } }>('/api/admin/territories/:id', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'territory.manage');
    if (refused) return refused;
    const body = parseBody(territoryNameRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    return reply(res, await renameTerritory(adminContext(request, deps), request.params.id, body.value.name), (territory) => ({ territory }));
  });
}
