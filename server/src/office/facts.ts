/**
 * Typed projections of patient records for the office's metrics (docs/METRICS.md), so the
 * aggregates read indexed columns instead of scanning jsonb:
 * - `contact_facts`: one row per signed contact note (a draft, a discarded draft and a note
 *   entered in error have none), with the patient's territory, language and age band as they
 *   were when the note was signed (a signed note changes again only to leave the facts).
 * - `appointment_facts`: each appointment's start and status (kept = 'completed').
 * - `care_gap_facts`: each care gap's measure, status and closing time.
 *
 * Each projection is a pure function of the stored row: refreshing one deletes the facts of
 * the record and derives them again from what the record table now holds. writeRecord.ts
 * refreshes after every create and change, in the writer's transaction, so the facts commit
 * with the change or not at all; the seed loader refreshes an organisation after a bulk load.
 * Migration 014 ran the same derivation once over the rows that existed before it.
 */
import type { Db } from '../db/db';
import type { RecordKey } from '../changes/recordRows';

/** The age bands metrics group patients by; the age is taken on the contact's UTC date. */
export const AGE_BANDS = ['0-17', '18-44', '45-64', '65-74', '75+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const ISO_TIME = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}'`;
const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

function has(activity: string): string {
  return `coalesce(r.data->'activities' @> '[${activity}]'::jsonb, false)`;
}

/** Derives contact facts for the note rows `where` selects (over patient_records r, patients p). */
export function contactFactsSql(where: string): string {
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

export function appointmentFactsSql(where: string): string {
  return /* sql */ `
insert into appointment_facts (appointment_id, org_id, patient_id, starts_at, status)
select a.id, a.org_id, a.patient_id, (a.data->>'startsAt')::timestamptz, a.data->>'status'
  from appointments a
 where not a.deleted and coalesce(a.data->>'startsAt', '') ~ ${ISO_TIME} and coalesce(a.data->>'status', '') <> ''
   and ${where}`;
}

export function careGapFactsSql(where: string): string {
  return /* sql */ `
insert into care_gap_facts (gap_id, org_id, patient_id, measure, status, closed_at)
select g.id, g.org_id, g.patient_id, g.data->>'measure', g.data->>'status',
       case when g.data->>'status' = 'closed' and coalesce(g.data->>'closedAt', '') ~ ${ISO_TIME}
            then (g.data->>'closedAt')::timestamptz end
  from care_gaps g
 where not g.deleted and coalesce(g.data->>'status', '') <> ''
   and ${where}`;
}

/** Brings the facts of one record in line with its stored row, in the caller's transaction. */
export async function refreshFacts(tx: Db, key: RecordKey): Promise<void> {
  if (key.table === 'patient_records' && key.kind === 'note') {
    await tx.query('delete from contact_facts where note_id = $1', [key.id]);
    await tx.query(contactFactsSql('r.id = $1'), [key.id]);
  } else if (key.table === 'appointments') {
    await tx.query('delete from appointment_facts where appointment_id = $1', [key.id]);
    await tx.query(appointmentFactsSql('a.id = $1'), [key.id]);
  } else if (key.table === 'care_gaps') {
    await tx.query('delete from care_gap_facts where gap_id = $1', [key.id]);
    await tx.query(careGapFactsSql('g.id = $1'), [key.id]);
  }
}

/** Derives every fact of one organisation again (after a bulk load that bypassed writeRecord). */
export async function refreshOrgFacts(tx: Db, orgId: string): Promise<void> {
  await tx.query('delete from contact_facts where org_id = $1', [orgId]);
  await tx.query(contactFactsSql('p.org_id = $1'), [orgId]);
  await tx.query('delete from appointment_facts where org_id = $1', [orgId]);
  await tx.query(appointmentFactsSql('a.org_id = $1'), [orgId]);
  await tx.query('delete from care_gap_facts where org_id = $1', [orgId]);
  await tx.query(careGapFactsSql('g.org_id = $1'), [orgId]);
}
