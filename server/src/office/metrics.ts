/**
 * The office's outreach metrics over a date range and a set of territories (docs/METRICS.md
 * defines each number). The caller scopes: it passes the organisation and the territories the
 * person may see (their team's), already checked by the policy; nothing here widens them.
 *
 * Plain SQL over the typed facts (office/facts.ts), the same on PGlite and PostgreSQL; the
 * contact_facts indexes (org, territory, contact_at) keep each query to the range asked for.
 * Dates are UTC calendar days, both ends included; weeks start on Monday (ISO weeks, UTC).
 */
import type { Db } from '../db/db';

export interface MetricsScope {
  readonly orgId: string;
  readonly territoryIds: readonly string[];
  /** First day counted, YYYY-MM-DD (UTC). */
  readonly from: string;
  /** Last day counted, YYYY-MM-DD (UTC), included. */
  readonly to: string;
}

export interface ContactTally {
  /** Signed contact notes: every attempt, reached or not. */
  readonly contactsAttempted: number;
  readonly contactsReached: number;
  readonly patientsAttempted: number;
  readonly patientsReached: number;
  /** patientsReached / patientsAttempted; null when nobody was attempted. */
  readonly reachRate: number | null;
  readonly visitsCompleted: number;
  readonly appointmentsSet: number;
  readonly portalEnrollments: number;
  readonly rpmSetups: number;
  readonly hrasCompleted: number;
  readonly surveysCompleted: number;
  readonly referrals: number;
  readonly teachBackConfirmed: number;
  readonly gapsClosedInContact: number;
}

export interface OverviewTotals extends ContactTally {
  readonly appointmentsKept: number;
  /** Appointments with status 'no_show' that started in the range, of patients now in scope. */
  readonly noShows: number;
  /** Of those, the ones whose patient had a contact within followUpDays days after the start. */
  readonly noShowsFollowedUp: number;
  /** Scored satisfaction responses named by the contacts in the range. */
  readonly satisfactionResponses: number;
  /** Mean of those responses' scores (1-5); null when there is none. */
  readonly satisfactionAverage: number | null;
}

export interface Overview {
  /** The server's clock when the numbers were computed (ISO date-time). */
  readonly dataAsOf: string;
  /** N of "no-shows followed up within N days". */
  readonly followUpDays: number;
  readonly totals: OverviewTotals;
  readonly outcomes: readonly { readonly outcome: string; readonly contacts: number }[];
  /** Per author; `name` from the users table ('' when the author is not a user of the organisation). */
  readonly bySpecialist: readonly (ContactTally & { readonly authorId: string; readonly name: string })[];
  readonly byTerritory: readonly (ContactTally & { readonly territoryId: string; readonly name: string })[];
  /** One row per ISO week (Monday, UTC) with at least one contact, oldest first. */
  readonly weekly: readonly (ContactTally & { readonly weekStart: string })[];
  /** Care gaps closed in the range, of patients now in scope, by measure: most closed first, then by measure. */
  readonly gapsClosedByMeasure: readonly { readonly measure: string; readonly closed: number }[];
}

export interface OverviewOptions {
  /** Whole days, 1 to 60 (the route checks); the window after a no-show's start. */
  readonly followUpDays: number;
  readonly now: Date;
}

/** The follow-up window the overview uses when the request names none. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;

export const FUNNEL_STAGES = ['attempted', 'reached', 'appointmentSet', 'appointmentKept', 'gapClosed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelCounts = Readonly<Record<FunnelStage, number>>;

export const FUNNEL_DIMENSIONS = ['language', 'ageBand', 'channel', 'territory'] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

export interface Funnel {
  readonly totals: FunnelCounts;
  /** Per dimension, per value: the same stages, for where patients drop off. */
  readonly by: Readonly<Record<FunnelDimension, readonly (FunnelCounts & { readonly value: string })[]>>;
}

const IN_SCOPE = `org_id = $1 and territory_id = any($2::text[])
  and contact_at >= ($3::date)::timestamp at time zone 'UTC'
  and contact_at < ($4::date + 1)::timestamp at time zone 'UTC'`;

/** A timestamp column `col` within the range ($3, $4). */
function inRange(col: string): string {
  return `${col} >= ($3::date)::timestamp at time zone 'UTC' and ${col} < ($4::date + 1)::timestamp at time zone 'UTC'`;
}

function params(scope: MetricsScope): unknown[] {
  return [scope.orgId, [...scope.territoryIds], scope.from, scope.to];
}

// Counts of contacts (no distinct): hashed grouping sets compute them in one pass.
const CONTACT_COLUMNS = `
  count(*) as "contactsAttempted",
  count(*) filter (where reached) as "contactsReached",
  count(*) filter (where reached and channel = 'visit') as "visitsCompleted",
  count(*) filter (where appointment_set) as "appointmentsSet",
  count(*) filter (where portal_enrolled) as "portalEnrollments",
  count(*) filter (where rpm_setup) as "rpmSetups",
  count(*) filter (where hra_completed) as "hrasCompleted",
  count(*) filter (where survey_completed) as "surveysCompleted",
  count(*) filter (where referral_made) as "referrals",
  count(*) filter (where teach_back_confirmed) as "teachBackConfirmed",
  count(*) filter (where gap_closed) as "gapsClosedInContact",
  coalesce(sum(satisfaction_responses), 0)::int as "satisfactionResponses",
  (sum(satisfaction_score_sum) / nullif(sum(satisfaction_responses), 0))::float8 as "satisfactionAverage"`;

/** The range's contacts in scope, with their ISO week (Monday, UTC) and outcome ('none' when unset). */
const CONTACTS = `select patient_id, author_id, territory_id, date_trunc('week', contact_at at time zone 'UTC') as week,
         coalesce(outcome, 'none') as outcome, reached, channel, appointment_set, portal_enrolled, rpm_setup,
         hra_completed, survey_completed, referral_made, teach_back_confirmed, gap_closed,
         satisfaction_responses, satisfaction_score_sum
    from contact_facts where ${IN_SCOPE}`;

/** Which grouping set a row of `group by grouping sets ((), (author_id), (territory_id), (week)...)` is. */
const DIM = `case when grouping(author_id) = 0 then 'specialist'
                 when grouping(territory_id) = 0 then 'territory'
                 when grouping(week) = 0 then 'week'
                 else 'total' end`;
const KEY = `coalesce(author_id, territory_id, to_char(week, 'YYYY-MM-DD'), '')`;

type TallyRow = Omit<ContactTally, 'reachRate'>;
interface GroupedRow extends TallyRow {
  readonly satisfactionResponses: number;
  readonly satisfactionAverage: number | null;
  readonly dim: 'total' | 'specialist' | 'territory' | 'week' | 'outcome';
  readonly key: string;
}

function tally(row: TallyRow): ContactTally {
  return {
    contactsAttempted: row.contactsAttempted,
    contactsReached: row.contactsReached,
    patientsAttempted: row.patientsAttempted,
    patientsReached: row.patientsReached,
    reachRate: row.patientsAttempted === 0 ? null : row.patientsReached / row.patientsAttempted,
    visitsCompleted: row.visitsCompleted,
    appointmentsSet: row.appointmentsSet,
    portalEnrollments: row.portalEnrollments,
    rpmSetups: row.rpmSetups,
    hrasCompleted: row.hrasCompleted,
    surveysCompleted: row.surveysCompleted,
    referrals: row.referrals,
    teachBackConfirmed: row.teachBackConfirmed,
    gapsClosedInContact: row.gapsClosedInContact,
  };
}

const EMPTY: TallyRow = {
  contactsAttempted: 0,
  contactsReached: 0,
  patientsAttempted: 0,
  patientsReached: 0,
  visitsCompleted: 0,
  appointmentsSet: 0,
  portalEnrollments: 0,
  rpmSetups: 0,
  hrasCompleted: 0,
  surveysCompleted: 0,
  referrals: 0,
  teachBackConfirmed: 0,
  gapsClosedInContact: 0,
};

/**
 * Runs one aggregate over a range's contacts with room to hash and sort them in memory: at
 * PostgreSQL's default work_mem (4 MB) a year of a team's contacts spills to temporary files,
 * and on PGlite those are the slowest part of the query. `set local` lasts for this
 * transaction only.
 */
async function withWorkMem<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec(`set local work_mem = '64MB'`);
    return fn(tx);
  });
}

export async function overview(db: Db, scope: MetricsScope, options: OverviewOptions): Promise<Overview> {
  const head = { dataAsOf: options.now.toISOString(), followUpDays: options.followUpDays };
  if (scope.territoryIds.length === 0) {
    const totals = { ...tally(EMPTY), appointmentsKept: 0, noShows: 0, noShowsFollowedUp: 0, satisfactionResponses: 0, satisfactionAverage: null };
    return { ...head, totals, outcomes: [], bySpecialist: [], byTerritory: [], weekly: [], gapsClosedByMeasure: [] };
  }
  // Two passes over the range's contacts, asked for at the same time with the appointments,
  // care gaps and territories' names (on PostgreSQL each on a connection of its own, so the
  // passes run side by side): hashed grouping sets for the counts of contacts, and
  // count(distinct) over the same grouping sets for the patients, which sorts each set's
  // patient ids (byte order: only equality matters) and measured faster than hashing one row per
  // patient and value first (BENCHMARKS.md, Office queries).
  const talliesQuery = withWorkMem(db, (tx) => tx.query<GroupedRow & { readonly outcome: string | null }>(
    `select case when grouping(outcome) = 0 then 'outcome' else ${DIM} end as dim,
            ${KEY} as key, outcome, ${CONTACT_COLUMNS}
       from (${CONTACTS}) c
      group by grouping sets ((), (author_id), (territory_id), (week), (outcome))
      order by dim, key`,
    params(scope),
  ));
  const patientsQuery = withWorkMem(db, (tx) => tx.query<{ dim: string; key: string; attempted: number; reached: number }>(
    `select ${DIM} as dim, ${KEY} as key,
            count(distinct patient_id collate "C") as attempted,
            count(distinct patient_id collate "C") filter (where reached) as reached
       from (${CONTACTS}) c
      group by grouping sets ((), (author_id), (territory_id), (week))`,
    params(scope),
  ));
  // Appointments and care gaps carry no territory of their own: they follow the patient, so
  // they count for the territories their patients are in now.
  const appointmentsQuery = db.query<{ kept: number; noShows: number; followedUp: number }>(
    `select count(*) filter (where a.status = 'completed') as kept,
            count(*) filter (where a.status = 'no_show') as "noShows",
            count(*) filter (where a.status = 'no_show' and exists (
              select 1 from contact_facts c
               where c.patient_id = a.patient_id and c.contact_at > a.starts_at
                 and c.contact_at <= a.starts_at + make_interval(days => $5::int))) as "followedUp"
       from appointment_facts a join patients p on p.id = a.patient_id
      where a.org_id = $1 and p.territory_id = any($2::text[]) and a.status in ('completed', 'no_show')
        and ${inRange('a.starts_at')}`,
    [...params(scope), options.followUpDays],
  );
  const gapsQuery = db.query<{ measure: string; closed: number }>(
    `select g.measure, count(*) as closed
       from care_gap_facts g join patients p on p.id = g.patient_id
      where g.org_id = $1 and p.territory_id = any($2::text[]) and g.status = 'closed' and ${inRange('g.closed_at')}
      group by g.measure order by closed desc, g.measure`,
    params(scope),
  );
  const territoryNamesQuery = namesOf(db, 'territories', scope.orgId, [...scope.territoryIds]);
  const [tallies, patients, [appointments], gapsClosedByMeasure, territoryNames] = await Promise.all([
    talliesQuery,
    patientsQuery,
    appointmentsQuery,
    gapsQuery,
    territoryNamesQuery,
  ]);
  const patientsOf = new Map(patients.map((p) => [`${p.dim}:${p.key}`, p]));
  const grouped = tallies.map((t) => {
    const p = t.dim === 'outcome' ? undefined : patientsOf.get(`${t.dim}:${t.key}`);
    return { ...t, patientsAttempted: p?.attempted ?? 0, patientsReached: p?.reached ?? 0 };
  });
  const rows = grouped.map((r) => ({
    ...r,
    authorId: r.dim === 'specialist' ? r.key : null,
    territoryId: r.dim === 'territory' ? r.key : null,
    weekStart: r.dim === 'week' ? r.key : null,
  }));
  const outcomes = grouped
    .filter((r) => r.dim === 'outcome')
    .map((r) => ({ outcome: r.outcome ?? 'none', contacts: r.contactsAttempted }))
    .sort((a, b) => b.contacts - a.contacts || (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  const authorIds = rows.filter((r) => r.dim === 'specialist').map((r) => r.authorId ?? '');
  const userNames = await namesOf(db, 'users', scope.orgId, authorIds);
  const total = rows.find((r) => r.dim === 'total');
  return {
    ...head,
    totals: {
      ...tally(total ?? EMPTY),
      appointmentsKept: appointments?.kept ?? 0,
      noShows: appointments?.noShows ?? 0,
      noShowsFollowedUp: appointments?.followedUp ?? 0,
      satisfactionResponses: total?.satisfactionResponses ?? 0,
      satisfactionAverage: total?.satisfactionAverage ?? null,
    },
    outcomes,
    bySpecialist: rows
      .filter((r) => r.dim === 'specialist')
      .map((r) => ({ authorId: r.authorId ?? '', name: userNames.get(r.authorId ?? '') ?? '', ...tally(r) })),
    byTerritory: rows
      .filter((r) => r.dim === 'territory')
      .map((r) => ({ territoryId: r.territoryId ?? '', name: territoryNames.get(r.territoryId ?? '') ?? '', ...tally(r) })),
    weekly: rows.filter((r) => r.dim === 'week').map((r) => ({ weekStart: r.weekStart ?? '', ...tally(r) })),
    gapsClosedByMeasure,
  };
}

/** Names of the organisation's users or territories by id ('' is left to the caller for the unknown). */
export async function namesOf(db: Db, table: 'users' | 'territories', orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>(`select id, name from ${table} where org_id = $1 and id = any($2::text[])`, [orgId, [...ids]]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface FunnelRow extends FunnelCounts {
  readonly dim: 'total' | FunnelDimension;
  readonly value: string | null;
}

const NO_FUNNEL: FunnelCounts = { attempted: 0, reached: 0, appointmentSet: 0, appointmentKept: 0, gapClosed: 0 };

/**
 * The engagement funnel, per patient: attempted in the range → reached in the range → an
 * appointment set in a contact in the range → an appointment completed that started at or after
 * the first contact that set one → a care gap closed at or after that contact. Each stage counts
 * only patients who passed the one before. A patient's language, age band, channel and
 * territory are those of their first contact in the range.
 */
export async function funnel(db: Db, scope: MetricsScope): Promise<Funnel> {
  if (scope.territoryIds.length === 0) {
    return { totals: NO_FUNNEL, by: { language: [], ageBand: [], channel: [], territory: [] } };
  }
  const rows = await withWorkMem(db, (tx) => tx.query<FunnelRow>(
    `with c as (select patient_id, note_id, contact_at, territory_id, channel, language, age_band, reached, appointment_set from contact_facts where ${IN_SCOPE}),
     firsts as (
       select distinct on (patient_id) patient_id, territory_id, channel, language, age_band
         from c order by patient_id, contact_at, note_id),
     per_patient as (
       select patient_id, bool_or(reached) as reached, min(contact_at) filter (where appointment_set) as set_at
         from c group by patient_id),
     stages as (
       select f.*, pp.reached, pp.reached and pp.set_at is not null as appt_set,
              pp.reached and pp.set_at is not null and exists (
                select 1 from appointment_facts a
                 where a.patient_id = pp.patient_id and a.status = 'completed' and a.starts_at >= pp.set_at) as kept,
              -- Only a patient with an appointment set has a gap-closed stage to look for.
              pp.reached and pp.set_at is not null and exists (
                select 1 from care_gap_facts g
                 where g.patient_id = pp.patient_id and g.status = 'closed' and g.closed_at >= pp.set_at) as closed
         from firsts f join per_patient pp on pp.patient_id = f.patient_id)
     select case when grouping(language) = 0 then 'language'
                 when grouping(age_band) = 0 then 'ageBand'
                 when grouping(channel) = 0 then 'channel'
                 when grouping(territory_id) = 0 then 'territory'
                 else 'total' end as dim,
            coalesce(language, age_band, channel, territory_id) as value,
            count(*) as attempted,
            count(*) filter (where reached) as reached,
            count(*) filter (where appt_set) as "appointmentSet",
            count(*) filter (where kept) as "appointmentKept",
            count(*) filter (where kept and closed) as "gapClosed"
       from stages
      group by grouping sets ((), (language), (age_band), (channel), (territory_id))
      order by dim, value`,
    params(scope),
  ));
  const counts = (r: FunnelRow): FunnelCounts => ({
    attempted: r.attempted,
    reached: r.reached,
    appointmentSet: r.appointmentSet,
    appointmentKept: r.appointmentKept,
    gapClosed: r.gapClosed,
  });
  const of = (dim: FunnelDimension) => rows.filter((r) => r.dim === dim).map((r) => ({ value: r.value ?? '', ...counts(r) }));
  const total = rows.find((r) => r.dim === 'total');
  return {
    totals: total ? counts(total) : NO_FUNNEL,
    by: { language: of('language'), ageBand: of('ageBand'), channel: of('channel'), territory: of('territory') },
  };
}
