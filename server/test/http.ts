/** Small helpers for driving the app with fastify's inject() in tests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  errorBodySchema,
  loginResponseSchema,
  PROTOCOL_VERSION,
  pullResponseSchema,
  type ErrorCode,
  type LoginResponse,
  type PullResponse,
} from '../../src/protocol/wire';
import { DEVICE, PASSWORD } from './fixtures';

/** Signs in over HTTP, expecting success; returns the whole answer. */
export async function signInAs(app: FastifyInstance, username: string, deviceId = DEVICE, password = PASSWORD): Promise<LoginResponse> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId } });
  expect(res.statusCode, res.body).toBe(200);
  return loginResponseSchema.parse(res.json());
}

/** Signs in over HTTP; returns the access token (valid 15 minutes of the app's clock). */
export async function signIn(app: FastifyInstance, username: string, deviceId = DEVICE): Promise<string> {
  return (await signInAs(app, username, deviceId)).accessToken;
}

export function pull(app: FastifyInstance, token: string | null, body: object): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/sync/pull',
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    payload: { protocolVersion: PROTOCOL_VERSION, cursor: null, ...body },
  });
}

export async function pullPage(app: FastifyInstance, token: string, body: object): Promise<PullResponse> {
  const res = await pull(app, token, body);
  expect(res.statusCode, res.body).toBe(200);
  return pullResponseSchema.parse(res.json());
}

/** Pulls from `cursor` until hasMore is false; returns every page. */
export async function pullAll(app: FastifyInstance, token: string, cursor: string | null, limit?: number): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let next = cursor;
  for (;;) {
    const page = await pullPage(app, token, { cursor: next, ...(limit === undefined ? {} : { limit }) });
    pages.push(page);
    next = page.cursor;
    if (!page.hasMore) return pages;
  }
}

/** Asserts a JSON error response with the given status and code; returns its message. */
export function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode): string {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = errorBodySchema.parse(res.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}
