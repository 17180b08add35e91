/**
 * Ends the session on the server at sign-out, so its tokens stop working even if a copy of
 * them survives somewhere. Best effort: offline, or with a session the server already ended,
 * sign-out goes on regardless.
 */
import { okResponseSchema } from '../protocol/wire';
import { authedRequest, type AuthedDeps } from './authedRequest';

export type EndServerSessionResult = { readonly ended: boolean };

export async function endServerSession(deps: AuthedDeps): Promise<EndServerSessionResult> {
  // An expired access token is refreshed first (authedRequest): the refresh token is what
  // must stop working, and it outlives the access token by days.
  const res = await authedRequest(deps, '/api/auth/logout', {}, okResponseSchema).catch(() => null);
  return { ended: res?.ok === true };
}
