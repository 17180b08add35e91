/**
 * Sign-in limits (migration 9's `sign_in_attempts`), per account name and per address. The
 * account key exists whether or not the account does, so the answers never tell which
 * usernames are real.
 *
 * The account's attempt is counted as a failure BEFORE the password is checked, in a
 * transaction that locks the counter: a blocked key is refused without any password check
 * (200 wrong passwords then the right one do not sign in), and parallel guesses at one account
 * cannot slip past the count. A success then clears the account key. The address key counts
 * only the attempts that failed: a morning's worth of people signing in at once from one
 * office address must not look like guessing, and the accounts guessed at are counted anyway.
 *
 * - account: after 5 consecutive failures, exponential backoff (30 s, doubling, at most
 *   15 min); after 10, locked until an administrator lifts it (accountAdmin.ts).
 * - address: the same backoff after 30 failures, never locked (an office shares one address).
 */
import type { Db } from '../db/db';

interface Policy {
  readonly backoffAfter: number;
  readonly lockAfter: number | null;
}
const ACCOUNT: Policy = { backoffAfter: 5, lockAfter: 10 };
const ADDRESS: Policy = { backoffAfter: 30, lockAfter: null };
const BACKOFF_BASE_MS = 30 * 1000;
export const BACKOFF_CAP_MS = 15 * 60 * 1000;

export function accountKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}
export function addressKey(address: string): string {
  return `addr:${address}`;
}

export type AttemptAdmission = { ok: true } | { ok: false; retryAfterSeconds: number; locked: boolean };

interface AttemptRow {
  key: string;
  failures: number;
  blockedUntil: Date | null;
  lockedAt: Date | null;
}

/**
 * Admits an attempt (and counts it as a failure until `recordSuccess`), or refuses it while a
 * key is blocked or locked. Keys are handled in a fixed order so two attempts never deadlock.
 */
export function admitAttempt(db: Db, keys: { account: string; address: string | null }, now: Date): Promise<AttemptAdmission> {
  const entries: [string, Policy][] = [[keys.account, ACCOUNT]];
  if (keys.address) entries.push([keys.address, ADDRESS]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return db.transaction(async (tx) => {
    const rows: AttemptRow[] = [];
    for (const [key] of entries) {
      await tx.query('insert into sign_in_attempts (key) values ($1) on conflict (key) do nothing', [key]);
      const [row] = await tx.query<AttemptRow>(
        `select key, failures, blocked_until as "blockedUntil", locked_at as "lockedAt"
           from sign_in_attempts where key = $1 for update`,
        [key],
      );
      if (row) rows.push(row);
    }
    let waitMs = 0;
    let locked = false;
    for (const row of rows) {
      if (row.lockedAt) locked = true;
      if (row.blockedUntil && row.blockedUntil > now) waitMs = Math.max(waitMs, row.blockedUntil.getTime() - now.getTime());
    }
    if (locked || waitMs > 0) {
      return { ok: false, retryAfterSeconds: locked ? BACKOFF_CAP_MS / 1000 : Math.ceil(waitMs / 1000), locked };
    }
    const account = rows.find((r) => r.key === keys.account);
    await countFailure(tx, keys.account, ACCOUNT, account?.failures ?? 0, now);
    return { ok: true };
  });
}

async function countFailure(tx: Db, key: string, policy: Policy, before: number, now: Date): Promise<void> {
  const failures = before + 1;
  const backoff = failures >= policy.backoffAfter ? Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - policy.backoffAfter)) : 0;
  await tx.query(
    `insert into sign_in_attempts (key) values ($1) on conflict (key) do nothing`,
    [key],
  );
  await tx.query(
    `update sign_in_attempts
        set failures = $2, last_failure_at = $3, blocked_until = $4,
            locked_at = case when $5 then $3 else locked_at end
      where key = $1`,
    [key, failures, now, backoff > 0 ? new Date(now.getTime() + backoff) : null, policy.lockAfter !== null && failures >= policy.lockAfter],
  );
}

/** The admitted attempt failed: the address counts it (the account already has). */
export function recordFailure(db: Db, keys: { address: string | null }, now: Date): Promise<void> {
  const address = keys.address;
  if (!address) return Promise.resolve();
  return db.transaction(async (tx) => {
    await tx.query('insert into sign_in_attempts (key) values ($1) on conflict (key) do nothing', [address]);
    const [row] = await tx.query<{ failures: number }>('select failures from sign_in_attempts where key = $1 for update', [address]);
    await countFailure(tx, address, ADDRESS, row?.failures ?? 0, now);
  });
}

/**
 * The attempt admitted by `admitAttempt` succeeded: the account starts afresh. The address
 * keeps its count: one known account must not wash away an address's guesses at others.
 */
export async function recordSuccess(tx: Db, keys: { account: string }): Promise<void> {
  await tx.query('delete from sign_in_attempts where key = $1', [keys.account]);
}
