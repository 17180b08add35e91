/**
 * The answer of an online-only console call (admin console, office) as a value: the result, or
 * a closed failure code a screen says in words (STYLE 6, 13). The server's own code travels
 * unchanged for the refusals a console names (`kept`); any other refusal of the input is
 * `invalid`, with the server's message naming the field.
 */
import type { ErrorCode } from '../protocol/wire';
import type { AuthedResult } from './authedRequest';

type Passing = 'offline' | 'unauthorized' | 'device_revoked' | 'server_error' | 'bad_response' | 'invalid';

export type OnlineResult<T, C extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: C; readonly message: string | null };

export function toOnlineResult<T, K extends ErrorCode>(res: AuthedResult<T>, kept: readonly K[]): OnlineResult<T, Passing | K> {
  if (res.ok) return res;
  switch (res.code) {
    case 'offline':
    case 'device_revoked':
    case 'server_error':
    case 'bad_response':
      return { ok: false, code: res.code, message: null };
    case 'unauthorized':
    case 'signed_out':
      return { ok: false, code: 'unauthorized', message: null };
    case 'rejected': {
      const code = res.errorCode;
      if (code !== null && (kept as readonly ErrorCode[]).includes(code)) return { ok: false, code: code as K, message: res.message };
      return { ok: false, code: 'invalid', message: res.message };
    }
  }
}
