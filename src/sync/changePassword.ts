/**
 * The signed-in person changes their own password on the server (`POST /api/auth/password`).
 * Online only. The answer is a value with a closed code (STYLE 6, 13); the server's code
 * decides, never its message's wording. Re-wrapping the device's data key under the new
 * password is the worker's part, once this says ok (worker/api.ts, keys/deviceLock.ts).
 */
import { okResponseSchema } from '../protocol/wire';
import { authedRequest, type AuthedDeps } from './authedRequest';

export type ChangePasswordFailure =
  | { readonly ok: false; readonly code: 'offline' }
  /** The current password is wrong (the server's 403 `forbidden` here). */
  | { readonly ok: false; readonly code: 'wrong_password' }
  /** The server refused the new one: too short, the username, or the demo password. */
  | { readonly ok: false; readonly code: 'weak_password' }
  | { readonly ok: false; readonly code: 'too_many_attempts'; readonly retryAfterSeconds: number | null }
  /** The session is over: sign in again. */
  | { readonly ok: false; readonly code: 'unauthorized' }
  | { readonly ok: false; readonly code: 'device_revoked' }
  | { readonly ok: false; readonly code: 'server_error' }
  | { readonly ok: false; readonly code: 'bad_response' };

export type ChangePasswordOnServer = { readonly ok: true } | ChangePasswordFailure;

export async function changePasswordOnServer(deps: AuthedDeps, currentPassword: string, newPassword: string): Promise<ChangePasswordOnServer> {
  const res = await authedRequest(deps, '/api/auth/password', { currentPassword, newPassword }, okResponseSchema);
  if (res.ok) return { ok: true };
  switch (res.code) {
    case 'offline':
    case 'device_revoked':
    case 'server_error':
    case 'bad_response':
      return { ok: false, code: res.code };
    case 'unauthorized':
    case 'signed_out':
      return { ok: false, code: 'unauthorized' };
    case 'rejected':
      switch (res.errorCode) {
        case 'forbidden':
          return { ok: false, code: 'wrong_password' };
        case 'bad_request':
          return { ok: false, code: 'weak_password' };
        case 'too_many_attempts':
          return { ok: false, code: 'too_many_attempts', retryAfterSeconds: res.retryAfterSeconds ?? null };
        default:
          return { ok: false, code: 'bad_response' };
      }
  }
}
