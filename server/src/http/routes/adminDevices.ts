/** `GET /api/admin/devices`, `POST /api/admin/devices/:id/revoke` (admin/devices.ts holds the rules). */
import type { FastifyInstance } from 'fastify';
import { listDevices, revokeDevice } from '../../admin/devices';
import { actorOf } from '../sessionGate';
import { ADMIN_BODY_LIMIT, adminContext, refuseUnless, reply, type AdminRouteDeps } from './adminSupport';

export function adminDevicesRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.get('/api/admin/devices', async (request, res) => {
    const refused = refuseUnless(request, res, 'device.manage');
    if (refused) return refused;
    return { devices: await listDevices(deps.db, actorOf(request).orgId) };
  });

  app.post<{ Params: { id: string } }>('/api/admin/devices/:id/revoke', { bodyLimit: ADMIN_BODY_LIMIT }, async (request, res) => {
    const refused = refuseUnless(request, res, 'device.manage');
    if (refused) return refused;
    return reply(res, await revokeDevice(adminContext(request, deps), request.params.id), (value) => value);
  });
}
