/**
 * Migration 12: sync events. One row per successful push, sealed push (the service worker's
 * background push) and pull page, stamped with the server's clock, with what the device
 * reported: how many changes it still had unsent (`pending_reported`) and what its own clock
 * said (`device_clock`). The office reads freshness from here (office/syncFreshness.ts), so
 * "last synced" never depends on a device's clock; `device_clock - at` is the device's skew.
 *
 * Not the audit trail: audit_events (migration 8) is the append-only record of who read or
 * changed what; these rows hold no patient data and only say when a device talked to the
 * server. Old ones may be pruned, keeping each device's latest of each kind (nothing prunes
 * them yet); audit rows never.
 *
 * Kept lean because there is a row per request: a device syncs (a push and a pull) a couple of
 * seconds after each burst of edits, so a working day makes a few hundred rows per person,
 * around a hundred thousand a year. Integers, one short text, no jsonb; two indexes, each
 * answering "the latest of this kind" for a person or for a device with one index probe.
 */
export const syncEventsSchema = /* sql */ `
create table sync_events (
  id bigint generated always as identity primary key,
  -- the server's clock when the request was answered; never the device's
  at timestamptz not null,
  org_id text not null references orgs (id),
  user_id text not null references users (id),
  device_id text not null,
  kind text not null check (kind in ('push', 'sealed_push', 'pull')),
  -- the device's count of unsent changes when it sent the request; null when it did not say
  pending_reported integer check (pending_reported >= 0),
  -- a push: changes applied (not duplicates, not refusals); a pull: records served
  changes integer not null check (changes >= 0),
  -- the device's clock when it sent the request, as it said; null when it did not say
  device_clock timestamptz,
  -- devices.app_version at the time: what the device last reported at sign-in or refresh
  app_version text
);
create index sync_events_user_latest on sync_events (user_id, kind, at desc, id desc);
create index sync_events_device_latest on sync_events (device_id, kind, at desc, id desc);
`;
