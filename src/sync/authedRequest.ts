/**
 * One request to a gated API route on behalf of the signed-in person: the bearer token comes
 * from the stored session, the answer is parsed with a wire schema (or taken as text, for a
 * CSV download) and every failure is a closed code, as in requestJson.ts.
 *
 * Minimal version: no token refresh yet (the session's token is used as is).
 */
import type { z } from 'zod';
import { errorBodySchema } from '../protocol/wire';
import { getMeta } from '../storage/meta';
import type { SyncDeps } from './deps';
import type { RequestResult } from './requestJson';

export interface AuthedRequestOptions {
  /** POST unless said otherwise; a GET sends no body. */
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** `text`: the body is handed to the schema as a string (for CSV); default JSON. */
  readonly responseType?: 'json' | 'text';
}

export async function authedRequest<S extends z.ZodType>(
  deps: Pick<SyncDeps, 'db' | 'fetch' | 'baseUrl'>,
  path: string,
  body: unknown,
  schema: S,
  options: AuthedRequestOptions = {},
): Promise<RequestResult<z.infer<S>>> {
  const session = await getMeta(deps.db, 'session');
  if (!session) return { ok: false, code: 'unauthorized', message: 'Sign in first' };
  const method = options.method ?? 'POST';
  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${session.token}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, code: 'offline' };
  }
  if (!res.ok) {
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      // A captive portal or a proxy answering HTML is as good as no network.
      return res.status >= 500 ? { ok: false, code: 'server_error', status: res.status } : { ok: false, code: 'offline' };
    }
    const err = errorBodySchema.safeParse(json);
    const message = err.success ? err.data.error.message : res.statusText;
    const errorCode = err.success ? err.data.error.code : null;
    if (errorCode === 'device_revoked') return { ok: false, code: 'device_revoked' };
    if (res.status === 401) return { ok: false, code: 'unauthorized', message };
    if (res.status >= 500 || res.status === 408 || res.status === 429) return { ok: false, code: 'server_error', status: res.status };
    return { ok: false, code: 'rejected', status: res.status, errorCode, message };
  }
  let value: unknown;
  try {
    value = options.responseType === 'text' ? await res.text() : await res.json();
  } catch {
    return { ok: false, code: 'bad_response' };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'bad_response' };
}
