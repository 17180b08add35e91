/**
 * Migration 8: the audit trail. One row per read or change of a patient's record, per sign-in
 * and per administrative action: who (user, device, address), when (the server's clock),
 * what (kind, id, owning patient) and, for changes, each field's value before and after.
 *
 * Append-only by construction: triggers refuse every update, delete and truncate, so no code
 * path (and no mistaken migration) can rewrite history. Rows hold patient data (the values
 * changed); they are served only to administrators, through the policy.
 */
export const auditTrailSchema = /* sql */ `
create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  org_id text not null references orgs (id),
  -- null only for a failed sign-in, where no user may be named (unknown usernames exist too)
  user_id text references users (id),
  device_id text,
  address text,
  action text not null,
  entity_kind text,
  entity_id text,
  patient_id text,
  -- [{ "field": ..., "before": ..., "after": ... }] for changes; null for reads
  changes jsonb,
  detail jsonb
);
create index audit_events_org_at on audit_events (org_id, at desc, id desc);
create index audit_events_patient_at on audit_events (patient_id, at desc) where patient_id is not null;
create index audit_events_user_at on audit_events (user_id, at desc) where user_id is not null;

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
`;
