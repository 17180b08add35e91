/**
 * A signed-in person changes their own password. The current password is checked within the
 * account's sign-in limits (a stolen access token must not become a way to guess it); the
 * change ends the person's other sessions, so a device that knew the old password signs in
 * again.
 */
import type { ChangePasswordRequest } from '../../../src/protocol/wire';
import { recordAudit } from '../audit/recordAudit';
import type { LoginDeps } from './login';
import { passwordAccepted } from './login';
import { hashPassword } from './password';
import { passwordProblem } from './passwordRules';
import type { Session } from './sessions';
import { endUserSessions } from './sessions';
import { accountKey, admitAttempt, recordSuccess } from './signInLimits';

export type PasswordChangeOutcome =
  | { ok: true }
  | { ok: false; code: 'wrong_password' }
  | { ok: false; code: 'bad_password'; message: string }
  | { ok: false; code: 'too_many_attempts'; retryAfterSeconds: number };

export async function changePassword(
  deps: LoginDeps,
  session: Session,
  request: ChangePasswordRequest,
  address: string | null,
): Promise<PasswordChangeOutcome> {
  const [user] = await deps.db.query<{ username: string; passwordHash: string }>(
    'select username, password_hash as "passwordHash" from users where id = $1',
    [session.userId],
  );
  if (!user) return { ok: false, code: 'wrong_password' };
  const problem = passwordProblem(request.newPassword, user.username, deps.demoMode);
  if (problem) return { ok: false, code: 'bad_password', message: problem };

  const keys = { account: accountKey(user.username), address: null };
  const admitted = await admitAttempt(deps.db, keys, deps.now());
  if (!admitted.ok) return { ok: false, code: 'too_many_attempts', retryAfterSeconds: admitted.retryAfterSeconds };
  if (!(await passwordAccepted(deps, user, request.currentPassword))) return { ok: false, code: 'wrong_password' };

  const hash = await hashPassword(request.newPassword);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await recordSuccess(tx, keys);
    await tx.query('update users set password_hash = $2 where id = $1', [session.userId, hash]);
    const ended = await endUserSessions(tx, session.userId, 'password_changed', now, session.sessionId);
    await recordAudit(tx, { orgId: session.orgId, userId: session.userId, deviceId: session.deviceId, address }, now, [
      { action: 'password_change', entityKind: 'user', entityId: session.userId, detail: { sessionsEnded: ended } },
    ]);
  });
  return { ok: true };
}
