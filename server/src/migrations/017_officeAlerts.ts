/**
 * Migration 17: the office's targets and alert thresholds, and the supervisor's handling of
 * alerts (docs/METRICS.md "Alerts").
 *
 * The settings are the organisation's (edited in the admin console next to the escalation
 * acknowledgement time): the weekly contact and visit targets each specialist is measured
 * against in the Team table, and the thresholds of the computed alerts. The ranges are the
 * protocol's (src/protocol/officeAlerts.ts); the checks here keep a bad value out however it
 * is written.
 *
 * Alerts themselves are computed on each read from the typed tables (sync_events,
 * contact_facts, patients, escalation records); `office_alert_states` stores only what a
 * supervisor did with one (done, or snoozed until a time), keyed by the alert's stable key
 * (kind, subject id and period: office/alertKeys.ts), one row per key and organisation. A key
 * names ids only, never a patient's name. Who handled it and when is kept here and, as every
 * change is, in the audit trail.
 */
export const officeAlertsSchema = /* sql */ `
alter table org_settings
  add column weekly_contact_target integer not null default 40 check (weekly_contact_target between 0 and 500),
  add column weekly_visit_target integer not null default 15 check (weekly_visit_target between 0 and 200),
  add column alert_no_sync_days integer not null default 2 check (alert_no_sync_days between 1 and 60),
  add column alert_contact_drop_percent integer not null default 50 check (alert_contact_drop_percent between 10 and 90),
  add column alert_unreached_days integer not null default 30 check (alert_unreached_days between 7 and 365);

create table office_alert_states (
  org_id text not null references orgs (id),
  alert_key text not null,
  state text not null check (state in ('done', 'snoozed')),
  -- set for 'snoozed' only: the alert shows again from this time (server clock)
  snoozed_until timestamptz check ((state = 'snoozed') = (snoozed_until is not null)),
  handled_by text not null references users (id),
  handled_at timestamptz not null,
  primary key (org_id, alert_key)
);
`;
