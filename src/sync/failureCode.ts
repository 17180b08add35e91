/** Turns a failed request into the sync status code a person sees. */
import type { SyncErrorCode } from '../domain/syncStatus';
import type { RequestFailure } from './requestJson';

export function syncFailureCode(f: RequestFailure): SyncErrorCode {
  switch (f.code) {
    case 'offline':
    case 'server_error':
    case 'bad_response':
      return f.code;
    case 'unauthorized':
      return 'unauthorized';
    case 'device_revoked':
      return 'device_revoked';
    case 'rejected':
      // The server refuses this protocol version: only an app update helps.
      return f.message.toLowerCase().includes('protocol') ? 'app_outdated' : 'bad_response';
  }
}
