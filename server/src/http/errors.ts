/**
 * The one shape of every error response, `{ error: { code, message } }`, and how request
 * validation failures become plain messages that name the offending field.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../../../src/protocol/wire';

export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  device_revoked: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_protocol: 400,
  too_many_attempts: 429,
  internal: 500,
};

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Sends an error with the status that belongs to its code, unless `status` says otherwise (415). */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string, status = STATUS_OF[code]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, message));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses a request body with a wire schema; failures carry a message like `username: username is required`. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues.map((issue) => describeIssue(issue, body)).join('; ') };
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${[...path, key].join('.')}: unknown field`).join('; ');
  }
  if (path.length === 0) {
    return issue.code === 'invalid_type' ? 'Request body must be a JSON object' : issue.message;
  }
  const name = path.join('.');
  if (issue.code === 'invalid_type' && isMissing(body, issue.path)) return `${name}: ${name} is required`;
  return `${name}: ${issue.message}`;
}

function isMissing(body: unknown, path: readonly PropertyKey[]): boolean {
  let parent: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  return typeof parent === 'object' && parent !== null && last !== undefined && !Object.hasOwn(parent, last);
}
