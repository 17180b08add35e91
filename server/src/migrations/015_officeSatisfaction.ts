/**
 * Migration 15: the satisfaction score on each contact, and indexes for the no-show and
 * care-gap metrics (docs/METRICS.md, office/facts.ts).
 *
 * `contact_facts` gains the number of scored satisfaction responses a contact's note names and
 * the sum of their scores, so the overview's satisfaction average reads two typed columns.
 * The contacts that exist get them here, once, by an UPDATE of those two columns only: a full
 * re-derivation would re-read every patient's current territory, language and birth date and
 * move past contacts of patients who have moved since (facts.ts keeps them as at signing).
 *
 * The SQL is frozen here rather than imported from office/facts.ts (as 014 once did): a
 * migration must run the same statements on every database, whenever it runs, while facts.ts
 * and the questionnaire's definition may change later. It scores as the satisfaction
 * questionnaire (version 1) does: the mean of the five 1-5 ratings answered, given at least
 * three; an answer that is not a whole number from 1 to 5 carries nothing.
 */
const RATINGS = ['visit_helpful', 'explained_clearly', 'felt_respected', 'would_recommend', 'easy_to_reach'];

function rating(id: string): string {
  const text = `(q.data->'answers'->>'${id}')`;
  return `(case when jsonb_typeof(q.data->'answers'->'${id}') = 'number' then
             case when ${text}::numeric between 1 and 5 and ${text}::numeric = trunc(${text}::numeric) then ${text}::numeric end end)`;
}

export const officeSatisfactionSchema = /* sql */ `
alter table contact_facts
  add column satisfaction_responses integer not null default 0,
  add column satisfaction_score_sum numeric;

update contact_facts f
   set (satisfaction_responses, satisfaction_score_sum) = (
         select count(s.score)::int, sum(s.score)
           from (select (select case when count(v) >= 3 then avg(v) end
                           from (values ${RATINGS.map(rating).join(',\n                         ')}) points(v)) as score
                   from patient_records q
                  where q.kind = 'questionnaireResponse' and not q.deleted and q.patient_id = r.patient_id
                    and q.data->>'questionnaireId' = 'satisfaction'
                    and q.id in (select x #>> '{}'
                                   from jsonb_path_query(r.data, '$.activities[*] ? (@.kind == "questionnaire").responseId') x)) s)
  from patient_records r
 where r.kind = 'note' and r.id = f.note_id;

-- No-shows and kept appointments of a range; care gaps closed in a range.
create index appointment_facts_org_status on appointment_facts (org_id, status, starts_at);
create index care_gap_facts_org_closed on care_gap_facts (org_id, closed_at) where closed_at is not null;
`;
