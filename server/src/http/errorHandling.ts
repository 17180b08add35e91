/**
 * Turns everything that is not a route's own answer into the JSON error shape: body parsing
 * failures (bad JSON, too large, wrong content type), bad URLs, unknown routes, a method an
 * endpoint does not take, and bugs. Bad input is always a 4xx; a 500 is only ever our fault
 * and reveals nothing about why.
 *
 * No PHI in logs: what is logged of an error is only its route, name, code, SQLSTATE,
 * constraint and table, and the code locations of its stack. Never its message, detail or
 * the query's parameters: a database error's message and detail quote the values of the row
 * that failed ("Failing row contains (...)"), which are patient records.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { ErrorCode } from '../../../src/protocol/wire';
import { sendError } from './errors';
import { BodyRefused, NOT_JSON_MESSAGE } from './jsonBody';
import { applySecurityHeaders } from './securityHeaders';

interface KnownFailure {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

const FASTIFY_FAILURES: Readonly<Record<string, KnownFailure>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request', message: 'Request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: 'Request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'bad_request', message: NOT_JSON_MESSAGE },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request', message: 'The URL is not valid (a broken %-escape?)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'Request body size does not match Content-Length',
  },
};

export const INTERNAL_MESSAGE = 'Something went wrong on the server';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BodyRefused) return sendError(reply, 'bad_request', error.message);
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

/**
 * Fastify's `frameworkErrors`: failures found while routing (a broken %-escape, a path part
 * longer than any id), before any hook runs, so the security headers are set here too.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  applySecurityHeaders(reply, request.url, request.protocol === 'https');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendError(reply, 'not_found', 'No such API endpoint: a part of the path is longer than any id');
    return;
  }
  const known = FASTIFY_FAILURES[error.code];
  if (known) {
    void sendError(reply, known.code, known.message, known.status);
    return;
  }
  request.log.info({ failure: safeFailure(request, error) }, 'rejected request');
  void sendError(reply, 'bad_request', 'The request could not be understood');
}

export interface NotFoundOptions {
  /** Serve index.html for app navigations outside /api (the PWA routes on the client). */
  readonly spaFallback: boolean;
}

/**
 * Must be installed before the routes: it learns the API's routes as they are added, to tell
 * "no such endpoint" (404) from "this endpoint, another method" (405 with `Allow`).
 */
export function installNotFoundHandler(app: FastifyInstance, options: NotFoundOptions): void {
  const apiRoutes: { readonly pattern: RegExp; readonly methods: readonly string[] }[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = ([] as HTTPMethods[]).concat(route.method);
    apiRoutes.push({ pattern: routePattern(route.url), methods });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (!isApi && options.spaFallback && isNavigation(request.method, request.headers.accept)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (!isApi) return sendError(reply, 'not_found', 'Not found');
    // A path is echoed only as far as it could be ours; past that it is just input.
    const shown = path.length > 120 ? `${path.slice(0, 120)}...` : path;
    const allowed = [...new Set(apiRoutes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))];
    // (The method can be allowed when a parameter was too long for the router: not found.)
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return sendError(reply, 'not_found', `${shown} does not take ${request.method}; use ${allowed.filter((m) => m !== 'HEAD').join(' or ')}`, 405);
    }
    return sendError(reply, 'not_found', `No API endpoint ${request.method} ${shown}`);
  });
}

/** `/api/office/patients/:patientId/territory` as a pattern for a concrete path. */
function routePattern(url: string): RegExp {
  const parts = url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}$`);
}

function isNavigation(method: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && (accept ?? '').includes('text/html');
}
