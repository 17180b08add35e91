/**
 * Migration 14: typed projections of contact notes, appointments and care gaps for the
 * office's metrics (office/facts.ts, docs/METRICS.md), so that the aggregates over a team's
 * contacts read indexed columns and never scan the records' jsonb.
 *
 * The rows that exist already are derived here, once, in the migration's transaction: the
 * derivation is plain SQL over the record tables, and doing it with the schema change means
 * no server ever runs against empty facts. From then on writeRecord keeps them true. The
 * derivation is office/facts.ts's; a later change to it ships with a migration of its own that
 * derives the facts again.
 *
 * The derivation below is a frozen copy of office/facts.ts as it was when this migration
 * shipped (it imported it then; the SQL it runs is the same, byte for byte). Frozen because
 * facts.ts moves on with the later migrations' columns (015 adds satisfaction), which do not
 * exist yet when this one runs on a new database.
 */
const ISO_TIME = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}'`;
const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

function has(activity: string): string {
  return `coalesce(r.data->'activities' @> '[${activity}]'::jsonb, false)`;
}

/** Derives contact facts for the note rows `where` selects (over patient_records r, patients p). */
function contactFactsSql(where: string): string {
  return /* sql */ `
insert into contact_facts (
  note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome,
  appointment_set, appointment_confirmed, portal_enrolled, rpm_setup, hra_completed,
  survey_completed, referral_made, education_given, teach_back_confirmed, gap_closed,
  language, age_band)
select r.id, p.org_id, p.territory_id, r.patient_id, r.data->>'authorId',
       (r.data->>'contactAt')::timestamptz,
       case when r.data->>'mode' in ('phone_call', 'video_call') then 'call'
            when r.data->>'mode' = 'message' then 'message'
            else 'visit' end,
       coalesce(r.data->>'outcome' = 'reached', false),
       r.data->>'outcome',
       ${has(`{"kind":"appointment","action":"set"}`)},
       ${has(`{"kind":"appointment","action":"confirmed"}`)},
       ${has(`{"kind":"portal_help","steps":["account_activated"]}`)},
       ${has(`{"kind":"rpm","action":"setup"}`)},
       ${has(`{"kind":"questionnaire","questionnaireId":"hra"}`)},
       coalesce(jsonb_path_exists(r.data, '$.activities[*] ? (@.kind == "questionnaire" && @.questionnaireId != "hra")'), false),
       ${has(`{"kind":"referral"}`)},
       ${has(`{"kind":"education"}`)},
       ${has(`{"kind":"education","teachBack":"yes"}`)},
       ${has(`{"kind":"care_gap","action":"closed"}`)},
       coalesce(nullif(lower(split_part(p.data->>'language', '-', 1)), ''), 'unknown'),
       case when coalesce(p.data->>'birthDate', '') !~ ${ISO_DATE} then 'unknown'
            else (select case when a < 18 then '0-17' when a < 45 then '18-44' when a < 65 then '45-64'
                              when a < 75 then '65-74' else '75+' end
                    from (select date_part('year', age(((r.data->>'contactAt')::timestamptz at time zone 'UTC')::date,
                                                        (p.data->>'birthDate')::date)) as a) ages) end
  from patient_records r
  join patients p on p.id = r.patient_id
 where r.kind = 'note' and not r.deleted and r.data->>'status' = 'signed'
   and coalesce(r.data->>'authorId', '') <> ''
   and coalesce(r.data->>'contactAt', '') ~ ${ISO_TIME}
   and ${where}`;
}

function appointmentFactsSql(where: string): string {
  return /* sql */ `
insert into appointment_facts (appointment_id, org_id, patient_id, starts_at, status)
select a.id, a.org_id, a.patient_id, (a.data->>'startsAt')::timestamptz, a.data->>'status'
  from appointments a
 where not a.deleted and coalesce(a.data->>'startsAt', '') ~ ${ISO_TIME} and coalesce(a.data->>'status', '') <> ''
   and ${where}`;
}

function careGapFactsSql(where: string): string {
  return /* sql */ `
insert into care_gap_facts (gap_id, org_id, patient_id, measure, status, closed_at)
select g.id, g.org_id, g.patient_id, g.data->>'measure', g.data->>'status',
       case when g.data->>'status' = 'closed' and coalesce(g.data->>'closedAt', '') ~ ${ISO_TIME}
            then (g.data->>'closedAt')::timestamptz end
  from care_gaps g
 where not g.deleted and coalesce(g.data->>'status', '') <> ''
   and ${where}`;
}


export const officeFactsSchema = /* sql */ `
create table contact_facts (
  note_id text primary key,
  org_id text not null,
  territory_id text not null,
  patient_id text not null,
  author_id text not null,
  contact_at timestamptz not null,
  channel text not null check (channel in ('call', 'visit', 'message')),
  reached boolean not null,
  outcome text,
  appointment_set boolean not null,
  appointment_confirmed boolean not null,
  portal_enrolled boolean not null,
  rpm_setup boolean not null,
  hra_completed boolean not null,
  survey_completed boolean not null,
  referral_made boolean not null,
  education_given boolean not null,
  teach_back_confirmed boolean not null,
  gap_closed boolean not null,
  language text not null,
  age_band text not null
);
create index contact_facts_territory on contact_facts (org_id, territory_id, contact_at);
create index contact_facts_author on contact_facts (org_id, author_id, contact_at);
create index contact_facts_patient on contact_facts (patient_id, contact_at);

create table appointment_facts (
  appointment_id text primary key,
  org_id text not null,
  patient_id text not null,
  starts_at timestamptz not null,
  status text not null
);
create index appointment_facts_patient on appointment_facts (patient_id, starts_at);

create table care_gap_facts (
  gap_id text primary key,
  org_id text not null,
  patient_id text not null,
  measure text not null,
  status text not null,
  closed_at timestamptz
);
create index care_gap_facts_patient on care_gap_facts (patient_id, closed_at);

${contactFactsSql('true')};
${appointmentFactsSql('true')};
${careGapFactsSql('true')};
`;
