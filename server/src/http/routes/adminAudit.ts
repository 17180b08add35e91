/**
 * `GET /api/admin/audit` (a page of events, newest first) and `GET /api/admin/audit.csv`
 * (every matching event as a CSV attachment), with the same filters in the query string.
 */
import type { FastifyInstance } from 'fastify';
import { auditQuerySchema } from '../../../../src/protocol/admin';
import { auditCsv } from '../../admin/auditCsv';
import { readAuditPage } from '../../admin/auditTrail';
import { parseBody, sendError } from '../errors';
import { actorOf } from '../sessionGate';
import { refuseUnless, type AdminRouteDeps } from './adminSupport';

export function adminAuditRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.get('/api/admin/audit', async (request, res) => {
    const refused = refuseUnless(request, res, 'audit.read');
    if (refused) return refused;
    const query = parseBody(auditQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(res, 'bad_request', query.message);
    return readAuditPage(deps.db, actorOf(request).orgId, query.value);
  });

  app.get('/api/admin/audit.csv', async (request, res) => {
    const refused = refuseUnless(request, res, 'audit.read');
    if (refused) return refused;
    const query = parseBody(auditQuerySchema, { ...(request.query as object) });
    if (!query.ok) return sendError(res, 'bad_request', query.message);
    const csv = await auditCsv(deps.db, actorOf(request).orgId, query.value);
    const day = deps.now().toISOString().slice(0, 10);
    return res
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
