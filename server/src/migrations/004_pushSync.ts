/**
 * Migration 4: what the server needs to accept changes from devices (POST /api/sync/push).
 *
 * - `device_mutations`: per device, the highest mutation number settled (S5). A push locks its
 *   device's row for the whole transaction, so two servers answering the same device at once
 *   apply each number exactly once.
 * - `field_stamps` on every table devices write: per field, the clock stamp, the row version,
 *   the person and the device of the field's last write (S8, S9). Shape:
 *   `{ "<field>": { "h": hlc, "v": version, "by": name, "d": deviceId } }`. Rows written before
 *   (seed, migrations) have none; a write to an unstamped field is never concurrent.
 * - `conflict` records in patient_records: the value that lost a concurrent write (S9), synced
 *   by pull like every other record of the patient.
 * - `stamp_change()` keeps a version the writer set explicitly, so a push can stamp fields with
 *   the very version their row gets. Why the pull cursor still holds: pull relies on (1) every
 *   row carrying the id of the transaction that last wrote it, (2) versions >= 1, and (3) no
 *   two rows sharing a `(txid, version)` (a page boundary between two equal positions would
 *   skip one). (1) is unchanged: txid is always restamped. (2) and (3) hold as long as an
 *   explicit version is a fresh `nextval('change_seq')` taken by the writing transaction, one
 *   per row written, which is the only way server code sets it (changes/recordRows.ts). Order
 *   among one transaction's rows does not matter: pull delivers a transaction's rows only after
 *   it ended (txid < xmin). A write that leaves version as it was gets a new one, as before.
 */
export const pushSyncSchema = /* sql */ `
-- No foreign key to devices: the mark must outlive anything done to the device row, or a
-- device could be handed its old numbers again as new.
create table device_mutations (
  device_id text primary key,
  settled_through bigint not null
);

alter table patients add column field_stamps jsonb not null default '{}';
alter table care_gaps add column field_stamps jsonb not null default '{}';
alter table appointments add column field_stamps jsonb not null default '{}';
alter table patient_records add column field_stamps jsonb not null default '{}';

alter table patient_records drop constraint patient_records_kind_check;
alter table patient_records add constraint patient_records_kind_check check (kind in (
  'contactPoint', 'caregiver', 'barrier', 'goal', 'rpmDevice',
  'note', 'addendum', 'task', 'escalation', 'questionnaireResponse', 'conflict'
));

create or replace function stamp_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.version is null then
      new.version := nextval('change_seq');
    end if;
  elsif new.version is not distinct from old.version then
    new.version := nextval('change_seq');
  end if;
  new.txid := pg_current_xact_id();
  return new;
end
$$;
`;
