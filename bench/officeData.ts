/**
 * The office benchmark's organisation, generated in SQL (generate_series, no row from JS) into
 * a migrated database: 100 territories of 1,000 patients (100,000), one specialist per
 * territory, 10 supervisors of 10 specialists each, and for 2026 (the whole year) 1,000,000
 * signed contacts, the appointments set in them, two care gaps per patient and a push and a
 * pull per specialist per day.
 *
 * Only the tables the office's queries read are filled: orgs, territories, users,
 * user_territories, patients, devices, sync_events and the facts. The facts are written
 * directly, as office/facts.ts would derive them from notes that are not stored: the contact's
 * territory and author are the patient's territory and its specialist, language and age band
 * come from the patient's own data by facts.ts's rules (primary language subtag; age on the
 * contact's UTC date), reached means outcome 'reached', an activity flag can only be set on
 * a reached contact, and a satisfaction score is a mean of 1-5 ratings. Values are spread by
 * fixed multiplicative hashes of the row number, so every run builds the same data. Contacts
 * are stored in time order, as they arrive in real use.
 */
import type { Db } from '../server/src/db/db';

export const OFFICE_BENCH = {
  orgId: 'org-bench',
  territories: 100,
  patientsPerTerritory: 1_000,
  contacts: 1_000_000,
  supervisors: 10,
  gapsPerPatient: 2,
  year: 2026,
} as const;

/** Territory ids of supervisor 0's team (territories 0 to 9). */
export function teamTerritoryIds(): string[] {
  const perTeam = OFFICE_BENCH.territories / OFFICE_BENCH.supervisors;
  return Array.from({ length: perTeam }, (_, t) => `ter-${t}`);
}

export function teamUserIds(): string[] {
  return teamTerritoryIds().map((t) => t.replace('ter-', 'usr-spec-'));
}

/** A hash of an integer expression to 0..99; each `salt` multiplies by another constant, so flags vary apart. */
const pct = (n: string, salt: number) => `(((${n})::bigint * ${2654435761 + salt * 40503}) % 1000003 % 100)`;

/** The tables filled in bulk: their indexes are dropped before and built again after (much faster than kept up row by row). */
const BULK_TABLES = ['patients', 'contact_facts', 'appointment_facts', 'care_gap_facts', 'sync_events'];

export async function buildOfficeData(db: Db, log: (step: string) => void = () => undefined): Promise<void> {
  // The migrations' own definitions, read back from the catalogue, so the rebuilt indexes are
  // exactly theirs (primary keys included, as constraints).
  const indexes = await db.query<{ table: string; name: string; def: string; constraint: string | null; kind: string | null }>(
    `select i.tablename as table, i.indexname as name, i.indexdef as def, c.conname as constraint, c.contype::text as kind
       from pg_indexes i left join pg_constraint c on c.conname = i.indexname and c.contype in ('p', 'u')
            and c.connamespace = current_schema()::regnamespace
      where i.schemaname = current_schema() and i.tablename = any($1::text[])
        -- patients' primary key stays: foreign keys of other tables depend on it.
        and not (i.tablename = 'patients' and c.conname is not null)`,
    [BULK_TABLES],
  );
  for (const i of indexes) {
    await db.exec(i.constraint ? `alter table ${i.table} drop constraint ${i.constraint}` : `drop index ${i.name}`);
  }
  await bulkInsert(db, log);
  for (const i of indexes) {
    await db.exec(i.def);
    if (i.constraint) await db.exec(`alter table ${i.table} add constraint ${i.constraint} ${i.kind === 'p' ? 'primary key' : 'unique'} using index ${i.name}`);
  }
  log('indexes');
  // What autovacuum does on PostgreSQL after a load (visibility map, statistics); PGlite has no
  // autovacuum, so the bench does it on both.
  await db.exec('vacuum analyze');
  log('vacuum analyze');
}

async function bulkInsert(db: Db, log: (step: string) => void): Promise<void> {
  const { orgId, territories: T, patientsPerTerritory, contacts, supervisors, gapsPerPatient, year } = OFFICE_BENCH;
  const P = T * patientsPerTerritory;
  const perTeam = T / supervisors;
  const start = `'${year}-01-01T00:00:00Z'::timestamptz`;
  const yearSeconds = 365 * 86_400;
  await db.exec(`
insert into orgs (id, name) values ('${orgId}', 'Bench Health');
insert into territories (id, org_id, name) select 'ter-' || t, '${orgId}', 'Territory ' || t from generate_series(0, ${T - 1}) t;
insert into users (id, org_id, username, name, role, password_hash, supervisor_id)
  select 'usr-sup-' || s, '${orgId}', 'sup' || s, 'Supervisor ' || s, 'supervisor', 'x', null from generate_series(0, ${supervisors - 1}) s;
insert into users (id, org_id, username, name, role, password_hash, supervisor_id)
  select 'usr-spec-' || t, '${orgId}', 'spec' || t, 'Specialist ' || t, 'specialist', 'x', 'usr-sup-' || (t / ${perTeam})
    from generate_series(0, ${T - 1}) t;
insert into user_territories (user_id, territory_id) select 'usr-spec-' || t, 'ter-' || t from generate_series(0, ${T - 1}) t;
insert into devices (id, user_id, first_seen, last_seen, device_key, app_version)
  select 'dev-' || t, 'usr-spec-' || t, ${start}, ${start}, 'bench-device-key-' || t, '1.0.0' from generate_series(0, ${T - 1}) t;
insert into patients (id, org_id, territory_id, data, version, txid)
  select 'pat-' || i, '${orgId}', 'ter-' || (i % ${T}),
         jsonb_build_object('id', 'pat-' || i,
           'language', (array['es-MX', 'es', 'en-US', 'en', 'en', 'vi', 'zh-Hans', 'en-US', 'ht', 'en'])[1 + i % 10],
           'birthDate', to_char(date '1930-01-01' + (i * 7919) % 32000, 'YYYY-MM-DD'),
           'nextDueDate', to_char(date '${year}-11-15' + (i * 31) % 60, 'YYYY-MM-DD')),
         0, pg_current_xact_id()
    from generate_series(0, ${P - 1}) i;
`);
  log('people and patients');
  // Contacts: patient n % P, so ten per patient; the time spread over the year by a hash.
  await db.exec(`
insert into contact_facts (
  note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome,
  appointment_set, appointment_confirmed, portal_enrolled, rpm_setup, hra_completed,
  survey_completed, referral_made, education_given, teach_back_confirmed, gap_closed,
  language, age_band, satisfaction_responses, satisfaction_score_sum)
select 'note-' || n, '${orgId}', p.territory_id, p.id, 'usr-spec-' || (n % ${P}) % ${T}, at,
       case when ${pct('n', 1)} < 65 then 'call' else 'visit' end,
       reached,
       case when reached then 'reached'
            else (array['no_answer', 'not_home', 'wrong_number', 'refused', 'other'])[1 + ${pct('n', 2)} % 5] end,
       reached and ${pct('n', 3)} < 15, reached and ${pct('n', 4)} < 3, reached and ${pct('n', 5)} < 3,
       reached and ${pct('n', 6)} < 2, reached and ${pct('n', 7)} < 5, survey, reached and ${pct('n', 8)} < 4,
       reached and ${pct('n', 9)} < 20, reached and ${pct('n', 9)} < 12, reached and ${pct('n', 10)} < 5,
       coalesce(nullif(lower(split_part(p.data->>'language', '-', 1)), ''), 'unknown'),
       (select case when a < 18 then '0-17' when a < 45 then '18-44' when a < 65 then '45-64' when a < 75 then '65-74' else '75+' end
          from (select date_part('year', age((at at time zone 'UTC')::date, (p.data->>'birthDate')::date)) as a) ages),
       case when survey and ${pct('n', 11)} < 60 then 1 else 0 end,
       case when survey and ${pct('n', 11)} < 60 then (3 + ${pct('n', 12)} % 13) / 3.0 end
  from (select n, ${start} + make_interval(secs => (n::bigint * 104729) % ${yearSeconds}) as at,
               ${pct('n', 13)} < 45 as reached
          from generate_series(0, ${contacts - 1}) n) c
  cross join lateral (select c.reached and ${pct('c.n', 14)} < 6 as survey) s
  join patients p on p.id = 'pat-' || (c.n % ${P})
 -- Stored in the order they happen, as devices' notes arrive day by day.
 order by c.at;
`);
  log('contacts');
  // An appointment for each contact that set one, 1 to 21 days later: 60 % kept, 15 % no-shows.
  await db.exec(`
insert into appointment_facts (appointment_id, org_id, patient_id, starts_at, status)
select 'apt-' || substr(note_id, 6), org_id, patient_id, contact_at + make_interval(days => (1 + ${pct(`substr(note_id, 6)`, 20)} % 21)::int),
       case when ${pct(`substr(note_id, 6)`, 21)} < 60 then 'completed' when ${pct(`substr(note_id, 6)`, 21)} < 75 then 'no_show'
            when ${pct(`substr(note_id, 6)`, 21)} < 90 then 'scheduled' else 'cancelled' end
  from contact_facts where org_id = '${orgId}' and appointment_set;
insert into care_gap_facts (gap_id, org_id, patient_id, measure, status, closed_at)
select 'gap-' || i || '-' || k, '${orgId}', 'pat-' || i,
       (array['AWV', 'BCS', 'CBP', 'COL', 'EED', 'HBD', 'OMW', 'SPC'])[1 + (i + k * 3) % 8],
       case when ${pct(`i * 2 + k`, 30)} < 35 then 'closed' when ${pct(`i * 2 + k`, 30)} < 90 then 'open' else 'excluded' end,
       case when ${pct(`i * 2 + k`, 30)} < 35 then ${start} + make_interval(secs => ((i * 2 + k)::bigint * 7727) % ${yearSeconds}) end
  from generate_series(0, ${P - 1}) i cross join generate_series(0, ${gapsPerPatient - 1}) k;
insert into sync_events (at, org_id, user_id, device_id, kind, pending_reported, changes, device_clock, app_version)
select d + make_interval(hours => (8 + t % 9)::int) + (case when kind = 'pull' then interval '1 minute' else interval '0' end),
       '${orgId}', 'usr-spec-' || t, 'dev-' || t, kind, 0, 5, null, '1.0.0'
  from generate_series(0, ${T - 1}) t
  cross join generate_series(${start}, '${year}-12-06'::timestamptz, interval '1 day') d
  cross join (values ('push'), ('pull')) k (kind);
`);
  log('appointments, care gaps, sync events');
}
