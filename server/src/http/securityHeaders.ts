/**
 * Headers every response carries, whatever produced it (a route, an error, a static file).
 * API responses contain patient data, so no cache (browser, proxy or service worker) may keep
 * them. The Content-Security-Policy allows only the app's own files: no inline script or
 * style, no eval, no other origin; Vite's build and the service worker need nothing more (the
 * PWA plugin is told not to inject an inline registration script, see vite.config.ts).
 * Strict-Transport-Security is sent only over HTTPS, where browsers honour it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * One year, without includeSubDomains: the operator's other hosts under the same domain may
 * still need plain HTTP, and that is theirs to decide (a proxy in front can add it).
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export function applySecurityHeaders(reply: FastifyReply, url: string, https: boolean): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (https) reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) reply.header('cache-control', 'no-store');
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    applySecurityHeaders(reply, request.url, request.protocol === 'https');
  });
}
