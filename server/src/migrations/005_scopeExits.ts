/**
 * Migration 5: patients moving between territories reach devices through pull (S16).
 *
 * - `scope_exits`: one row each time a patient leaves a territory, stamped like a synced row
 *   (a fresh `change_seq` version and the writing transaction's id), so pull delivers it in
 *   the same `(txid, version)` order as every change and the cursor rules hold unchanged.
 *   Devices in the old territory evict the patient once their pending changes are pushed.
 * - The move also restamps the patient's records. A device that gains the patient has a
 *   cursor past their old versions; restamped, they sort after every such cursor and arrive
 *   with the patient. Restamping changes no data and no field stamps, so it never makes a
 *   later edit look concurrent (S9 compares field stamps, not the row version).
 * - `territory_releases`: when a territory is taken from a specialist. With the exits' times
 *   and change positions, they let push keep work done while the patient was still the
 *   caller's, or before their device knew it was not (changes/scopeAtChange.ts).
 */
export const scopeExitsSchema = /* sql */ `
create table scope_exits (
  patient_id text not null references patients (id),
  org_id text not null references orgs (id),
  territory_id text not null references territories (id),
  left_at timestamptz not null default now(),
  version bigint not null default nextval('change_seq'),
  txid xid8 not null default pg_current_xact_id()
);
create index scope_exits_change on scope_exits (txid, version);
create index scope_exits_patient on scope_exits (patient_id, left_at);

create function patient_moved() returns trigger language plpgsql as $$
begin
  insert into scope_exits (patient_id, org_id, territory_id) values (old.id, old.org_id, old.territory_id);
  -- "set txid = txid" leaves the version unchanged, so stamp_change gives a new one.
  update care_gaps set txid = txid where patient_id = new.id;
  update appointments set txid = txid where patient_id = new.id;
  update patient_records set txid = txid where patient_id = new.id;
  return null;
end
$$;
create trigger patients_moved after update of territory_id on patients
  for each row when (old.territory_id is distinct from new.territory_id)
  execute function patient_moved();

-- No foreign keys: rows are written while a user or territory is being deleted, and the
-- record of a release must outlive both.
create table territory_releases (
  user_id text not null,
  territory_id text not null,
  released_at timestamptz not null default now(),
  version bigint not null default nextval('change_seq'),
  txid xid8 not null default pg_current_xact_id()
);
create index territory_releases_user on territory_releases (user_id, territory_id, released_at);

create function territory_released() returns trigger language plpgsql as $$
begin
  insert into territory_releases (user_id, territory_id) values (old.user_id, old.territory_id);
  return null;
end
$$;
create trigger user_territories_released after delete on user_territories
  for each row execute function territory_released();
create trigger user_territories_reassigned after update of territory_id on user_territories
  for each row when (old.territory_id is distinct from new.territory_id)
  execute function territory_released();
`;
