/**
 * What the admin console does to accounts and sessions: end sessions, lift a sign-in lockout,
 * set a password, list who is locked out. Each takes the caller's transaction, so the change
 * and its audit event commit together; the caller checks the policy and writes the audit.
 */
import type { Db } from '../db/db';
import { hashPassword } from './password';
import { accountKey } from './signInLimits';

/** Ends every open session of a user or on a device; returns how many were open. */
export async function endSessions(tx: Db, who: { userId: string } | { deviceId: string }): Promise<number> {
  const [column, value] = 'userId' in who ? ['user_id', who.userId] : ['device_id', who.deviceId];
  const rows = await tx.query(
    `update sessions set ended_at = now(), ended_reason = 'ended_by_admin'
      where ${column} = $1 and ended_at is null returning id`,
    [value],
  );
  return rows.length;
}

/** Clears the sign-in failures of an account name; true when it was locked out or backing off. */
export async function liftSignInLockout(tx: Db, username: string): Promise<boolean> {
  const rows = await tx.query<{ held: boolean }>(
    `delete from sign_in_attempts where key = $1
     returning (locked_at is not null or blocked_until is not null) as held`,
    [accountKey(username)],
  );
  return rows.some((r) => r.held);
}

/**
 * Sets a user's password (hashed) and ends all their sessions: whoever knew the old one is
 * out. The caller checks the password's rules first (`passwordProblem`).
 */
export async function setPassword(tx: Db, userId: string, newPassword: string): Promise<void> {
  const hash = await hashPassword(newPassword);
  await tx.query('update users set password_hash = $2 where id = $1', [userId, hash]);
  await tx.query(
    `update sessions set ended_at = now(), ended_reason = 'password_changed' where user_id = $1 and ended_at is null`,
    [userId],
  );
}

/** The sign-in holds on the accounts of an organisation, by user id; accounts without one are absent. */
export async function signInLocks(
  db: Db,
  orgId: string,
): Promise<Map<string, { lockedAt: Date | null; blockedUntil: Date | null }>> {
  const rows = await db.query<{ userId: string; lockedAt: Date | null; blockedUntil: Date | null }>(
    `select u.id as "userId", a.locked_at as "lockedAt", a.blocked_until as "blockedUntil"
       from users u join sign_in_attempts a on a.key = 'user:' || lower(u.username)
      where u.org_id = $1 and (a.locked_at is not null or a.blocked_until is not null)`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.userId, { lockedAt: r.lockedAt, blockedUntil: r.blockedUntil }]));
}
