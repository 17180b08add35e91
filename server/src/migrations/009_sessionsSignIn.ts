/**
 * Migration 9: accounts, devices and sessions as the security design needs them.
 *
 * - A user can be disabled (kept for the audit trail, never deleted).
 * - A device belongs to one user (`user_id` is its owner, no longer "the last to sign in"),
 *   reports its app version, and has a `device_key`: 32 random bytes (base64url) the server
 *   keeps and hands only to the device's owner after an online sign-in; the device wraps its
 *   data key with it so a forgotten password or a wipe never loses unsynced work.
 * - Sessions hold two tokens, both stored as sha256 only: a short access token sent with every
 *   request, and a refresh token that works only from the device it was issued to and is
 *   replaced at each use. Every refresh token a session has given up is remembered
 *   (`spent_refresh_tokens`): presenting one again means a copy exists, and the session ends.
 *   Sessions are ended, never deleted (`ended_at`), so the audit trail and the admin console
 *   can say why. The sessions of migration 1 (one long-lived token) cannot be carried over:
 *   every device signs in again, as protocol 4 requires anyway.
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
update devices set device_key = rtrim(translate(encode(sha256((id || gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'base64'), '+/', '-_'), '=');
alter table devices alter column device_key set not null;
create index devices_user on devices (user_id);

drop table sessions;
create table sessions (
  id text primary key,
  user_id text not null references users (id) on delete cascade,
  device_id text not null references devices (id) on delete cascade,
  access_hash text not null unique,
  access_expires_at timestamptz not null,
  refresh_hash text not null unique,
  created_at timestamptz not null,
  -- the last sign-in or refresh: the idle timeout counts from here
  last_used_at timestamptz not null,
  -- the absolute end, whatever the use
  expires_at timestamptz not null,
  ended_at timestamptz,
  -- signed_out, password_changed, refresh_reused, idle, ended_by_admin
  ended_reason text
);
create index sessions_user on sessions (user_id) where ended_at is null;
create index sessions_device on sessions (device_id) where ended_at is null;

create table spent_refresh_tokens (
  refresh_hash text primary key,
  session_id text not null references sessions (id) on delete cascade
);

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
