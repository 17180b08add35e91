/**
 * Signs a person in on this device and keeps the session for offline use. When a different
 * person signs in, the previous person's territory is removed first: a device holds one
 * person's patients at a time.
 *
 * The server may answer with a device id other than the one sent (that id belongs to another
 * person): from then on this device uses the server's. The device key in the answer goes back
 * to the caller (the worker wraps the data key with it) and is never stored.
 */
import { asIsoDateTime } from '../domain/ids';
import type { SignInErrorCode } from '../domain/syncStatus';
import { loginResponseSchema } from '../protocol/wire';
import { clearLocalData } from '../storage/clearLocalData';
import { ensureDeviceId, setMeta } from '../storage/meta';
import { readSession, writeSession, type Session } from '../storage/session';
import type { SyncDeps } from './deps';
import { requestJson } from './requestJson';

export type SignInResult =
  | { readonly ok: true; readonly session: Session; readonly deviceKey: string }
  | { readonly ok: false; readonly code: SignInErrorCode };

export async function signIn(deps: SyncDeps, username: string, password: string): Promise<SignInResult> {
  const deviceId = await ensureDeviceId(deps.db, deps.newId);
  const res = await requestJson(deps, '/api/auth/login', { username, password, deviceId }, loginResponseSchema);
  if (!res.ok) {
    switch (res.code) {
      case 'unauthorized':
        return { ok: false, code: 'wrong_credentials' };
      case 'rejected':
        if (res.errorCode === 'too_many_attempts') return { ok: false, code: 'too_many_attempts' };
        return { ok: false, code: res.status === 400 ? 'wrong_credentials' : 'bad_response' };
      default:
        return { ok: false, code: res.code };
    }
  }
  const { accessToken, refreshToken, accessExpiresAt, user, territories, careTeamPhone, settings } = res.value;
  const session: Session = {
    accessToken,
    refreshToken,
    accessExpiresAt,
    user: { ...user, username: username.trim() },
    territories,
    careTeamPhone,
    signedInAt: asIsoDateTime(deps.now().toISOString()),
    lockAfterMinutes: settings.lockAfterMinutes,
  };
  const previous = await readSession(deps);
  if (previous && previous.user.id !== user.id) {
    // The previous person's unsynced work stays until it reaches the server.
    const cleared = await clearLocalData(deps.db);
    if (!cleared.ok) return { ok: false, code: 'unsynced_changes' };
  }
  // The refresh token is bound to the id the server answered with.
  if (res.value.deviceId !== deviceId) await setMeta(deps.db, 'deviceId', res.value.deviceId);
  await writeSession(deps, session);
  return { ok: true, session, deviceKey: res.value.deviceKey };
}
