/**
 * What the admin console may do to accounts and sessions, and nothing more: end sessions,
 * lift a sign-in lockout, set a password, read the lockouts of an organisation. The admin
 * code calls only these four, so how sessions and sign-in attempts are stored stays the
 * business of the auth module.
 *
 * Every writer takes the caller's transaction handle, so the change commits with its audit
 * row or not at all.
 */
import type { Db } from '../db/db';
import { hashPassword } from './password';

export type SessionOwner = { readonly userId: string } | { readonly deviceId: string };

/** Ends every session of a user, or on a device; returns how many were ended. */
export async function endSessions(tx: Db, owner: SessionOwner): Promise<number> {
  const [column, value] = 'userId' in owner ? ['user_id', owner.userId] : ['device_id', owner.deviceId];
  const rows = await tx.query<{ n: number }>(
    `with ended as (delete from sessions where ${column} = $1 returning 1) select count(*)::int as n from ended`,
    [value],
  );
  return Number(rows[0]?.n ?? 0);
}

const accountKey = (username: string) => `user:${username.toLowerCase()}`;

/** Clears the failures, backoff and lockout of an account; true when there was something to clear. */
export async function liftSignInLockout(tx: Db, username: string): Promise<boolean> {
  const rows = await tx.query<{ locked: boolean }>(
    `delete from sign_in_attempts where key = $1
       returning (failures > 0 or blocked_until is not null or locked_at is not null) as locked`,
    [accountKey(username)],
  );
  return rows.some((r) => r.locked);
}

/** Sets a new password (hashed here) and ends the user's sessions everywhere. */
export async function setPassword(tx: Db, userId: string, newPassword: string): Promise<void> {
  const hash = await hashPassword(newPassword);
  await tx.query('update users set password_hash = $2 where id = $1', [userId, hash]);
  await endSessions(tx, { userId });
}

export interface SignInLock {
  readonly lockedAt: Date | null;
  readonly blockedUntil: Date | null;
}

/** The sign-in lockouts and backoffs of an organisation's accounts, by user id. */
export async function signInLocks(db: Db, orgId: string): Promise<Map<string, SignInLock>> {
  const rows = await db.query<{ userId: string; lockedAt: Date | null; blockedUntil: Date | null }>(
    `select u.id as "userId", a.locked_at as "lockedAt", a.blocked_until as "blockedUntil"
       from users u join sign_in_attempts a on a.key = 'user:' || lower(u.username)
      where u.org_id = $1 and (a.locked_at is not null or a.blocked_until is not null)`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.userId, { lockedAt: toDate(r.lockedAt), blockedUntil: toDate(r.blockedUntil) }]));
}

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
