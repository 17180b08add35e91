/**
 * Migration 2: patient-owned child records in one table, and contacts and caregivers moved out
 * of the patient document into it.
 *
 * Contact points and caregivers used to be arrays inside `patients.data`; two people adding a
 * number at once rewrote the same document, and one add was lost. As records of their own
 * (DESIGN §4: sets several people add to are child records with their own ids) both survive.
 * Every kind that belongs to one patient and has no table of its own lives in
 * `patient_records`, keyed by (kind, id): adding a kind needs no new table or pull branch. The
 * kind list is checked because pull hands `kind` to clients as is, and a kind they cannot
 * parse would fail the whole page.
 *
 * Existing rows are upgraded in the same transaction as the schema change. The upgrade
 * rewrites each old-shape patient, so the stamp trigger gives it and its new child records a
 * fresh version and txid: devices that pulled the old shape receive the new one on their next
 * pull, without resetting their cursor. Child records of a deleted patient start deleted.
 */
export const patientRecordsSchema = /* sql */ `
create table patient_records (
  kind text not null check (kind in (
    'contactPoint', 'caregiver', 'barrier', 'goal', 'rpmDevice',
    'note', 'addendum', 'task', 'escalation', 'questionnaireResponse'
  )),
  id text not null,
  -- Scope (organisation, territory) comes from the patient, so it cannot disagree with it.
  patient_id text not null references patients (id),
  data jsonb not null,
  deleted boolean not null default false,
  version bigint not null,
  txid xid8 not null,
  primary key (kind, id)
);
create index patient_records_change on patient_records (txid, version);
create index patient_records_patient on patient_records (patient_id);
create trigger patient_records_stamp before insert or update on patient_records
  for each row execute function stamp_change();

insert into patient_records (kind, id, patient_id, data, deleted)
select 'contactPoint', c->>'id', p.id,
       c || jsonb_build_object('patientId', p.id, 'consentBy', null, 'removed', false),
       p.deleted
  from patients p
 cross join lateral jsonb_array_elements(coalesce(p.data->'contacts', '[]'::jsonb)) c;

insert into patient_records (kind, id, patient_id, data, deleted)
select 'caregiver', c->>'id', p.id,
       c || jsonb_build_object('patientId', p.id, 'removed', false),
       p.deleted
  from patients p
 cross join lateral jsonb_array_elements(coalesce(p.data->'caregivers', '[]'::jsonb)) c;

-- Portal steps follow from the status: an active account went through all three steps, an
-- invitation needs an email address; whether an invited patient activated is not known, so no.
update patients
   set data = (data - 'contacts' - 'caregivers') || jsonb_build_object(
         'bestTimeToCall', data->'bestTimeToCall',
         'portalSteps', coalesce(data->'portalSteps', jsonb_build_object(
           'emailCreated', data->>'portal' in ('active', 'invited'),
           'accountActivated', data->>'portal' = 'active',
           'firstLoginTaught', data->>'portal' = 'active')))
 where data ? 'contacts' or data ? 'caregivers' or not data ? 'bestTimeToCall' or not data ? 'portalSteps';
`;
