/**
 * Signs a person in on this device and keeps the session for offline use. When a different
 * person signs in, the previous person's territory is removed first: a device holds one
 * person's patients at a time.
 *
 * The server may answer with a device id other than the one sent (that id belongs to another
 * person): from then on this device uses the server's. The device key in the answer goes back
 * to the worker's key holder (keys.adopt wraps the data key with it) and is never stored. The
 * data key is settled before the session is written, because the session is sealed with it.
 */
import { asIsoDateTime } from '../domain/ids';
import type { SignInErrorCode } from '../domain/syncStatus';
import { loginResponseSchema } from '../protocol/wire';
import { clearLocalData } from '../storage/clearLocalData';
import { Locked } from '../storage/codec';
import { ensureDeviceId, getMeta, setMeta } from '../storage/meta';
import { readSession, writeSession, type Session } from '../storage/session';
import type { SyncDeps } from './deps';
import { requestJson } from './requestJson';

export type SignInResult =
  | { readonly ok: true; readonly session: Session; readonly deviceKey: string }
  | { readonly ok: false; readonly code: SignInErrorCode };

/** The worker's key holder, as sign-in needs it (worker/keys/deviceLock.ts). */
export interface SignInKeys {
  adopt(
    userId: string,
    password: string,
    deviceKey: string | undefined,
    lockAfterMinutes: number | undefined,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly code: 'key_unavailable' }>;
}

/** Whose data the device holds: the key's owner, else (a database from before encryption) the session's. */
async function previousUser(deps: SyncDeps): Promise<string | null> {
  const owner = await getMeta(deps.db, 'keyOwner');
  if (owner) return owner;
  try {
    return (await readSession(deps))?.user.id ?? null;
  } catch (e) {
    if (e instanceof Locked) return null;
    throw e;
  }
}

export async function signIn(deps: SyncDeps, username: string, password: string, keys?: SignInKeys): Promise<SignInResult> {
  const deviceId = await ensureDeviceId(deps.db, deps.newId);
  const res = await requestJson(deps, '/api/auth/login', { username, password, deviceId, appVersion: __APP_VERSION__ }, loginResponseSchema);
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
  const { accessToken, refreshToken, accessExpiresAt, user, territories, careTeamPhone, deviceKey, settings } = res.value;
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
  const previous = await previousUser(deps);
  if (previous && previous !== user.id) {
    // The previous person's unsynced work stays until it reaches the server.
    const cleared = await clearLocalData(deps.db);
    if (!cleared.ok) return { ok: false, code: 'unsynced_changes' };
  }
  // The refresh token is bound to the id the server answered with.
  if (res.value.deviceId !== deviceId) await setMeta(deps.db, 'deviceId', res.value.deviceId);
  if (keys) {
    const adopted = await keys.adopt(user.id, password, deviceKey, settings.lockAfterMinutes);
    if (!adopted.ok) return { ok: false, code: adopted.code };
  }
  await writeSession(deps, session);
  await setMeta(deps.db, 'backgroundPush', { token: res.value.pushToken, sealKey: res.value.pushSealKey });
  return { ok: true, session, deviceKey };
}
