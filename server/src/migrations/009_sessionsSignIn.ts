/**
 * Migration 9: accounts, devices and sessions as the security design needs them.
 *
 * - A user can be disabled (kept for the audit trail, never deleted).
 * - A device belongs to one user (`user_id` is its owner, no longer "the last to sign in"),
 *   reports its app version, and has a `device_key`: 32 random bytes the server keeps and
 *   hands only to the device's owner after an online sign-in; the device wraps its data key
 *   with it so a forgotten password or a wipe never loses unsynced work.
 * - Sign-in failures are counted per account name and per address (`key` is
 *   `user:<lowercased username>` or `addr:<address>`), whether or not the account exists, so
 *   the answer never reveals which usernames do.
 * - Organisation settings an administrator sets: how soon an idle app locks, how long an
 *   unused session lives.
 */
export const sessionsSignInSchema = /* sql */ `
alter table users add column disabled_at timestamptz;

alter table devices add column app_version text;
alter table devices add column device_key text;
alter table devices add column revoked_by text references users (id);
update devices set device_key = encode(sha256((id || gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'base64');

create table sign_in_attempts (
  key text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz,
  -- backoff: no attempt is checked before this time
  blocked_until timestamptz,
  -- set after too many failures; only an administrator lifts it (accounts only)
  locked_at timestamptz
);

create table org_settings (
  org_id text primary key references orgs (id),
  lock_after_minutes integer not null default 5 check (lock_after_minutes between 1 and 60),
  session_idle_days integer not null default 14 check (session_idle_days between 1 and 90)
);
insert into org_settings (org_id) select id from orgs;
`;
