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
      // The server's code decides, never the wording of its message.
      return f.errorCode === 'unsupported_protocol' ? 'app_outdated' : 'request_refused';
  }
}
