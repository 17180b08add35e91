/** `GET/PUT /api/admin/settings`: lock and session settings of the organisation (admin/settings.ts). */
import type { FastifyInstance } from 'fastify';
import { updateSettingsRequestSchema } from '../../../../src/protocol/admin';
import { readSettings, updateSettings } from '../../admin/settings';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';
import { ADMIN_BODY_LIMIT, adminContext, refuseUnless, reply, type AdminRouteDeps } from './adminSupport';

export function adminSettingsRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.get('/api/admin/settings', async (request, res) => {
    const refused = refuseUnless(request, res, 'settings.manage');
    if (refused) return refused;
    return { settings: await readSettings(deps.db, actorOf(request).orgId) };
  });

  app.put('/api/admin/settings', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'settings.manage');
    if (refused) return refused;
    const body = parseBody(updateSettingsRequestSchema, request.body);
    if (!body.ok) return sendError(res, 'bad_request', body.message);
    return reply(res, await updateSettings(adminContext(request, deps), body.value), (settings) => ({ settings }));
  });
}
