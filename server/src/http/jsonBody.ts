/**
 * How request bodies are read: JSON only, and said plainly when it is not. A body must come
 * with `Content-Type: application/json` (a body without one is refused, not guessed at), must
 * parse, and must not carry the keys that rewrite an object's prototype (`__proto__`, or
 * `constructor` holding a `prototype`) anywhere: code further on may copy request objects,
 * and such a key is never a field of ours. Each failure has its own message.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

export class BodyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyRefused';
  }
}

export const NOT_JSON_MESSAGE = 'Request body must be JSON (Content-Type: application/json)';

export function installJsonBody(app: FastifyInstance): void {
  // JSON only: a text/plain body would otherwise reach the routes as a string, and refusing it
  // also keeps cross-site "simple" form posts away from the API.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseJsonBody(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (hasBody && request.headers['content-type'] === undefined) return sendError(reply, 'bad_request', NOT_JSON_MESSAGE, 415);
  });
}

/** Parses a request body; a BodyRefused says why it cannot be used. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new BodyRefused('Request body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which may hold anything a person typed.
    throw new BodyRefused('Request body is not valid JSON');
  }
  const forbidden = forbiddenKey(value);
  if (forbidden) throw new BodyRefused(`Request body contains the field "${forbidden}", which is never accepted`);
  return value;
}

/**
 * Where the first prototype-rewriting key sits in a parsed value (`notes.0.__proto__`), so the
 * answer names the field. Iterative, so depth is no risk; each step links to its parent
 * instead of copying the path, so a deep or wide body costs time in proportion to its size.
 */
interface Step {
  readonly key: string;
  readonly parent: Step | null;
}

function forbiddenKey(root: unknown): string | null {
  const pending: [unknown, Step | null][] = [[root, null]];
  while (pending.length > 0) {
    const [node, at] = pending.pop() as [unknown, Step | null];
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => pending.push([item, { key: String(i), parent: at }]));
      continue;
    }
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      if (key === '__proto__') return pathText({ key, parent: at });
      if (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype')) {
        return pathText({ key: 'prototype', parent: { key, parent: at } });
      }
      pending.push([child, { key, parent: at }]);
    }
  }
  return null;
}

/** The path as `a.b.c`; a deep one keeps its first three and last two parts. */
function pathText(last: Step): string {
  const path: string[] = [];
  for (let step: Step | null = last; step; step = step.parent) path.push(step.key);
  path.reverse();
  const parts = path.length > 6 ? [...path.slice(0, 3), '…', ...path.slice(-2)] : path;
  return parts.map((part) => (part.length > 40 ? `${part.slice(0, 40)}…` : part)).join('.');
}
