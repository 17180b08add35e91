/**
 * What the device knows about its own sync: the phase it is in, when the server last
 * confirmed a sync, and why the last attempt failed, as a closed set of reasons that the UI
 * renders in plain words.
 */
import type { IsoDateTime } from './ids';

export const SYNC_ERROR_CODES = [
  'offline',
  'unauthorized',
  'device_revoked',
  'server_error',
  'bad_response',
  'storage_full',
  'app_outdated',
  /** The server refused the request itself (not a change in it): an update or support helps, retrying does not. */
  'request_refused',
  /** Something failed on this device during sync (its database, a bug); tried again later. */
  'device_error',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/**
 * Failures that pass by themselves (no network, the server down or answering nonsense), so
 * trying again later can succeed. The others need a person: sign in (again), update the app,
 * free storage; a revoked device has already been wiped.
 */
export function isTransientSyncError(code: SyncErrorCode | 'signed_out'): boolean {
  switch (code) {
    case 'offline':
    case 'server_error':
    case 'bad_response':
    case 'device_error':
      return true;
    case 'request_refused':
    case 'signed_out':
    case 'unauthorized':
    case 'device_revoked':
    case 'storage_full':
    case 'app_outdated':
      return false;
  }
}

export type SyncPhase = 'idle' | 'uploading' | 'downloading';

export interface SyncStatus {
  readonly phase: SyncPhase;
  /** Set only when the server confirmed the whole exchange. */
  readonly lastSuccessAt: IsoDateTime | null;
  readonly lastAttemptAt: IsoDateTime | null;
  readonly lastError: SyncErrorCode | null;
  /** Records received in the current or last download, for progress. */
  readonly received: number;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  received: 0,
};

export const SIGN_IN_ERROR_CODES = [
  'wrong_credentials',
  /** The server's sign-in limits: too many failures for this account or address. */
  'too_many_attempts',
  'offline',
  'server_error',
  'bad_response',
  'device_revoked',
  'unsynced_changes',
  /** The device holds sealed data that neither this password nor the server's device key opens. */
  'key_unavailable',
] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];
