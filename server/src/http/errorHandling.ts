/**
 * Turns everything that is not a route's own answer into the JSON error shape: Fastify's body
 * parsing failures (bad JSON, too large, wrong content type), unknown routes, and bugs.
 * Bad input is always a 4xx; a 500 is only ever our fault and reveals nothing about why.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../../src/protocol/wire';
import { sendError } from './errors';

interface KnownFailure {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

const FASTIFY_FAILURES: Readonly<Record<string, KnownFailure>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request', message: 'Request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: 'Request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'bad_request',
    message: 'Request body must be JSON (Content-Type: application/json)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'Request body size does not match Content-Length',
  },
};

export const INTERNAL_MESSAGE = 'Something went wrong on the server';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = FASTIFY_FAILURES[error.code];
    if (known) return sendError(reply, known.code, known.message, known.status);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Some other client error Fastify detected (bad URL, bad header): say so without echoing it.
      request.log.info({ err: error }, 'rejected request');
      return sendError(reply, status === 404 ? 'not_found' : 'bad_request', 'The request could not be understood', status);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'internal', INTERNAL_MESSAGE);
  });
}

export interface NotFoundOptions {
  /** Serve index.html for app navigations outside /api (the PWA routes on the client). */
  readonly spaFallback: boolean;
}

export function installNotFoundHandler(app: FastifyInstance, options: NotFoundOptions): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (!isApi && options.spaFallback && isNavigation(request.method, request.headers.accept)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 'not_found', isApi ? `No API endpoint ${request.method} ${path}` : 'Not found');
  });
}

function isNavigation(method: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && (accept ?? '').includes('text/html');
}
