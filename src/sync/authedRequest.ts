/**
 * Every request made as the signed-in person: the access token as `Authorization: Bearer`;
 * when the server answers 401 (the access token expired or was ended), the refresh token is
 * exchanged once at /api/auth/refresh, the new tokens are stored, and the request is retried
 * once. A refresh the server refuses with 401 means the session is over: the caller reports
 * `unauthorized` and the person signs in again. `device_revoked` passes through unchanged, so
 * sync keeps wiping the device as before.
 *
 * A refresh token works once: two refreshes racing with the same token would look like a
 * stolen copy and end the session. Refreshes of one device database are therefore run one at
 * a time, and a caller whose token was already replaced by another's refresh just uses the
 * new access token.
 */
import type { z } from 'zod';
import { refreshResponseSchema } from '../protocol/wire';
import { getMeta, setMeta } from '../storage/meta';
import { readSession, writeSession, type Session } from '../storage/session';
import type { SyncDeps } from './deps';
import { requestJson, type RequestFailure, type RequestOptions, type RequestResult } from './requestJson';

export type AuthedRequestOptions = RequestOptions;

export type AuthedResult<T> = RequestResult<T> | { readonly ok: false; readonly code: 'signed_out' };

export type AuthedDeps = Pick<SyncDeps, 'db' | 'codec' | 'fetch' | 'baseUrl'>;

export async function authedRequest<S extends z.ZodType>(
  deps: AuthedDeps,
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
): Promise<AuthedResult<z.infer<S>>> {
  const session = await readSession(deps);
  if (!session) return { ok: false, code: 'signed_out' };
  const first = await requestJson(deps, path, body, schema, session.accessToken, options);
  if (first.ok || first.code !== 'unauthorized') return first;
  const renewed = await refreshOnce(deps, session);
  if (!renewed.ok) return renewed;
  return requestJson(deps, path, body, schema, renewed.session.accessToken, options);
}

type Renewal = { readonly ok: true; readonly session: Session } | RequestFailure | { readonly ok: false; readonly code: 'signed_out' };

/** In-flight refreshes by device database: one at a time per database in this context. */
const inFlight = new WeakMap<object, Promise<Renewal>>();

function refreshOnce(deps: AuthedDeps, stale: Session): Promise<Renewal> {
  const running = inFlight.get(deps.db);
  if (running) return running;
  const started = refresh(deps, stale).finally(() => inFlight.delete(deps.db));
  inFlight.set(deps.db, started);
  return started;
}

async function refresh(deps: AuthedDeps, stale: Session): Promise<Renewal> {
  const current = await readSession(deps);
  if (!current) return { ok: false, code: 'signed_out' };
  // Someone else refreshed since the failed request read the session: use their tokens.
  if (current.refreshToken !== stale.refreshToken) return { ok: true, session: current };
  const deviceId = await getMeta(deps.db, 'deviceId');
  if (!deviceId) return { ok: false, code: 'signed_out' };
  const res = await requestJson(deps, '/api/auth/refresh', { refreshToken: current.refreshToken, deviceId, appVersion: __APP_VERSION__ }, refreshResponseSchema);
  if (!res.ok) return res;
  const latest = await readSession(deps);
  // Signed out (or someone else signed in) while the refresh was on its way: keep nothing.
  if (!latest || latest.user.id !== current.user.id) return { ok: false, code: 'signed_out' };
  const session: Session = {
    ...latest,
    accessToken: res.value.accessToken,
    refreshToken: res.value.refreshToken,
    accessExpiresAt: res.value.accessExpiresAt,
    lockAfterMinutes: res.value.settings.lockAfterMinutes,
  };
  await writeSession(deps, session);
  await setMeta(deps.db, 'backgroundPush', { token: res.value.pushToken, sealKey: res.value.pushSealKey });
  return { ok: true, session };
}
