/** `GET /api/health`: the server is up and which protocol it speaks. Needs no session. */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, type HealthResponse } from '../../../../src/protocol/wire';

export function healthRoute(app: FastifyInstance, deps: { readonly version: string }): void {
  app.get('/api/health', async (): Promise<HealthResponse> => ({ ok: true, version: deps.version, protocolVersion: PROTOCOL_VERSION }));
}
