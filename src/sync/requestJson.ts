/**
 * One JSON request to the API, turned into a value: the parsed body, or a closed failure code.
 * `navigator.onLine` is never consulted: only a request that could not reach the server
 * counts as offline.
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorCode } from '../protocol/wire';
import type { SyncDeps } from './deps';

export type RequestFailure =
  | { readonly ok: false; readonly code: 'offline' }
  | { readonly ok: false; readonly code: 'unauthorized'; readonly message: string }
  | { readonly ok: false; readonly code: 'device_revoked' }
  /** A 4xx other than 401: `errorCode` is the server's own code, kept as sent (STYLE 13). */
  | {
      readonly ok: false;
      readonly code: 'rejected';
      readonly status: number;
      readonly errorCode: ErrorCode | null;
      readonly message: string;
      /** From `Retry-After`, on `too_many_attempts`: seconds to wait; null when not given. */
      readonly retryAfterSeconds?: number | null;
    }
  | { readonly ok: false; readonly code: 'server_error'; readonly status: number }
  | { readonly ok: false; readonly code: 'bad_response' };

export type RequestResult<T> = { readonly ok: true; readonly value: T } | RequestFailure;

export interface RequestOptions {
  /** POST unless said otherwise; a GET sends no body. */
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** `text`: a successful answer is handed to the schema as a string (a CSV download); default JSON. */
  readonly responseType?: 'json' | 'text';
}

export async function requestJson<S extends z.ZodType>(
  deps: Pick<SyncDeps, 'fetch' | 'baseUrl'>,
  path: string,
  body: unknown,
  schema: S,
  token?: string,
  options: RequestOptions = {},
): Promise<RequestResult<z.infer<S>>> {
  const method = options.method ?? 'POST';
  const sendsBody = method !== 'GET';
  let res: Response;
  try {
    res = await deps.fetch(`${deps.baseUrl}${path}`, {
      method,
      headers: { ...(sendsBody ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(sendsBody ? { body: JSON.stringify(body) } : {}),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, code: 'offline' };
  }
  if (res.ok && options.responseType === 'text') {
    let text: string;
    try {
      text = await res.text();
    } catch {
      return { ok: false, code: 'bad_response' };
    }
    const parsedText = schema.safeParse(text);
    return parsedText.success ? { ok: true, value: parsedText.data } : { ok: false, code: 'bad_response' };
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    // A captive portal or a proxy answering HTML is as good as no network.
    return res.ok ? { ok: false, code: 'bad_response' } : { ok: false, code: 'offline' };
  }
  if (!res.ok) {
    const err = errorBodySchema.safeParse(json);
    const message = err.success ? err.data.error.message : res.statusText;
    const errorCode = err.success ? err.data.error.code : null;
    if (errorCode === 'device_revoked') return { ok: false, code: 'device_revoked' };
    if (res.status === 401) return { ok: false, code: 'unauthorized', message };
    // Sign-in limits are the server's answer, not a busy server: the code is kept.
    if (errorCode === 'too_many_attempts') {
      return { ok: false, code: 'rejected', status: res.status, errorCode, message, retryAfterSeconds: retryAfter(res.headers.get('retry-after')) };
    }
    // Busy or timed out: the server will answer later.
    if (res.status >= 500 || res.status === 408 || res.status === 429) return { ok: false, code: 'server_error', status: res.status };
    return { ok: false, code: 'rejected', status: res.status, errorCode, message };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'bad_response' };
}

/** `Retry-After` in seconds (the server sends a number); null when absent or a date. */
function retryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}
