/**
 * Signs a person in on this device and keeps the session for offline use. When a different
 * person signs in, the previous person's territory is removed first: a device holds one
 * person's patients at a time.
 */
import { asIsoDateTime } from '../domain/ids';
import type { SignInErrorCode } from '../domain/syncStatus';
import { loginResponseSchema } from '../protocol/wire';
import { clearLocalData } from '../storage/clearLocalData';
import { ensureDeviceId, getMeta, setMeta, type Session } from '../storage/meta';
import type { SyncDeps } from './deps';
import { requestJson } from './requestJson';

export type SignInResult =
  | { readonly ok: true; readonly session: Session }
  | { readonly ok: false; readonly code: SignInErrorCode };

export async function signIn(deps: SyncDeps, username: string, password: string): Promise<SignInResult> {
  const deviceId = await ensureDeviceId(deps.db, deps.newId);
  const res = await requestJson(deps, '/api/auth/login', { username, password, deviceId }, loginResponseSchema);
  if (!res.ok) {
    switch (res.code) {
      case 'unauthorized':
        return { ok: false, code: 'wrong_credentials' };
      case 'rejected':
        return { ok: false, code: res.status === 400 ? 'wrong_credentials' : 'bad_response' };
      default:
        return { ok: false, code: res.code };
    }
  }
  const { token, user, territories, careTeamPhone } = res.value;
  const session: Session = {
    token,
    user: { ...user, username: username.trim() },
    territories,
    careTeamPhone,
    signedInAt: asIsoDateTime(deps.now().toISOString()),
  };
  const previous = await getMeta(deps.db, 'session');
  if (previous && previous.user.id !== user.id) {
    // The previous person's unsynced work stays until it reaches the server.
    const cleared = await clearLocalData(deps.db);
    if (!cleared.ok) return { ok: false, code: 'unsynced_changes' };
  }
  await setMeta(deps.db, 'session', session);
  return { ok: true, session };
}
