/**
 * Turns everything that is not a route's own answer into the JSON error shape: Fastify's body
 * parsing failures (bad JSON, too large, wrong content type), unknown routes, and bugs.
 * Bad input is always a 4xx; a 500 is only ever our fault and reveals nothing about why.
 *
 * No PHI in logs: what is logged of an error is only its route, name, code, SQLSTATE,
 * constraint and table, and the code locations of its stack. Never its message, detail or
 * the query's parameters: a database error's message and detail quote the values of the row
 * that failed ("Failing row contains (...)"), which are patient records.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
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
      request.log.info({ failure: safeFailure(request, error) }, 'rejected request');
      return sendError(reply, status === 404 ? 'not_found' : 'bad_request', 'The request could not be understood', status);
    }
    request.log.error({ failure: safeFailure(request, error) }, 'unhandled error');
    return sendError(reply, 'internal', INTERNAL_MESSAGE);
  });
}

/** What may be logged of an error: where and what kind, never a value it carries. */
export interface SafeFailure {
  readonly route: string;
  readonly name: string;
  readonly code: string | null;
  /** PostgreSQL's error class and condition, when the database refused. */
  readonly sqlState: string | null;
  readonly constraint: string | null;
  readonly table: string | null;
  /** The stack's code locations only (its first line, the message, is dropped). */
  readonly stack: string | null;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export function safeFailure(request: FastifyRequest, error: unknown): SafeFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const text = (value: unknown, shape: RegExp) => (typeof value === 'string' && shape.test(value) ? value : null);
  const code = typeof e.code === 'string' ? e.code : null;
  const sqlState = text(e.code, SQLSTATE);
  const stack = typeof e.stack === 'string' ? e.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : null;
  return {
    route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
    name: text(e.name, IDENTIFIER) ?? (error instanceof Error ? 'Error' : typeof error),
    code: sqlState ? null : text(code, /^[A-Z0-9_]{1,64}$/),
    sqlState,
    constraint: text(e.constraint, IDENTIFIER),
    table: text(e.table, IDENTIFIER),
    stack,
  };
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
