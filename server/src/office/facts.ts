/**
 * Typed projections of patient records for the office's metrics (docs/METRICS.md), so the
 * aggregates read indexed columns instead of scanning jsonb:
 * - `contact_facts`: one row per signed contact note (a draft, a discarded draft and a note
 *   entered in error have none), with the patient's territory, language and age band as they
 *   were when the note was signed (a signed note changes again only to leave the facts).
 * - `appointment_facts`: each appointment's start and status (kept = 'completed').
 * - `care_gap_facts`: each care gap's measure, status and closing time.
 * - On each contact, its satisfaction responses (migration 015): how many of the note's
 *   questionnaire activities name a satisfaction response that has a score, and the sum of
 *   those scores, scored on the server from the answers by the questionnaire's own definition
 *   (questionnaireScoreSql.ts). A response written or changed after its note updates these two
 *   columns only, so the rest of the contact stays as it was at signing.
 *
 * Each projection is a pure function of the stored row: refreshing one deletes the facts of
 * the record and derives them again from what the record table now holds. writeRecord.ts
 * refreshes after every create and change, in the writer's transaction, so the facts commit
 * with the change or not at all; the seed loader refreshes an organisation after a bulk load.
 * Migration 014 ran the derivation of its day once over the rows that existed before it, and
 * 015 the satisfaction columns; each keeps a frozen copy of the SQL it ran.
 */
import { satisfaction } from '../../../src/domain/questionnaires/satisfaction';
import type { Db } from '../db/db';
import type { RecordKey } from '../changes/recordRows';
import { questionnaireScoreSql } from './questionnaireScoreSql';

/** The age bands metrics group patients by; the age is taken on the contact's UTC date. */
export const AGE_BANDS = ['0-17', '18-44', '45-64', '65-74', '75+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const ISO_TIME = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}'`;
const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

function has(activity: string): string {
  return `coalesce(r.data->'activities' @> '[${activity}]'::jsonb, false)`;
}

/**
 * The satisfaction responses of the note row `r`: (responses, score_sum). A response counts
 * when one of the note's questionnaire activities names it, it is the same patient's, not
 * deleted, of the satisfaction questionnaire, and its answers give a score (at least three of
 * the five ratings: the definition's minAnswered). Its status is not consulted: every item is
 * optional, so a saved response is always 'completed', and the score rule is what decides.
 */
export function satisfactionSql(): string {
  return /* sql */ `(
  select count(s.score)::int as responses, sum(s.score) as score_sum
    from (select ${questionnaireScoreSql(satisfaction, `q.data->'answers'`)} as score
            from patient_records q
           where q.kind = 'questionnaireResponse' and not q.deleted and q.patient_id = r.patient_id
             and q.data->>'questionnaireId' = '${satisfaction.id}'
             and q.id in (select x #>> '{}'
                            from jsonb_path_query(r.data, '$.activities[*] ? (@.kind == "questionnaire").responseId') x)) s)`;
}

/** Derives contact facts for the note rows `where` selects (over patient_records r, patients p). */
export function contactFactsSql(where: string): string {
  return /* sql */ `
insert into contact_facts (
  note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome,
  appointment_set, appointment_confirmed, portal_enrolled, rpm_setup, hra_completed,
  survey_completed, referral_made, education_given, teach_back_confirmed, gap_closed,
  language, age_band, satisfaction_responses, satisfaction_score_sum)
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
                                                        (p.data->>'birthDate')::date)) as a) ages) end,
       sat.responses, sat.score_sum
  from patient_records r
  join patients p on p.id = r.patient_id
  cross join lateral ${satisfactionSql()} sat
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

/**
 * Sets the satisfaction columns of the contacts whose notes (patient_records r, joined to
 * contact_facts f) `where` selects, from the responses as they are now.
 */
export function satisfactionUpdateSql(where: string): string {
  return /* sql */ `
update contact_facts f
   set (satisfaction_responses, satisfaction_score_sum) = (select sat.responses, sat.score_sum from ${satisfactionSql()} sat)
  from patient_records r
 where r.kind = 'note' and r.id = f.note_id and ${where}`;
}

/** Brings the facts of one record in line with its stored row, in the caller's transaction. */
export async function refreshFacts(tx: Db, key: RecordKey): Promise<void> {
  if (key.table === 'patient_records' && key.kind === 'note') {
    await tx.query('delete from contact_facts where note_id = $1', [key.id]);
    await tx.query(contactFactsSql('r.id = $1'), [key.id]);
  } else if (key.table === 'patient_records' && key.kind === 'questionnaireResponse') {
    // The contacts of this patient whose notes name the response (a device may send the
    // response before or after the note, and change it while the note is a draft).
    await tx.query(
      satisfactionUpdateSql(`f.patient_id = (select q.patient_id from patient_records q where q.kind = 'questionnaireResponse' and q.id = $1)
        and jsonb_path_exists(r.data, '$.activities[*] ? (@.responseId == $id)', jsonb_build_object('id', $1::text))`),
      [key.id],
    );
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
