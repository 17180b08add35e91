/**
 * Writes a Dataset (one organisation: territories, users, facilities, patients, care gaps,
 * appointments, and the patients' own records: contact points, caregivers, barriers, goals,
 * monitoring devices, tasks) into the database in one transaction, and seeds the demo on
 * first start.
 *
 * Entities go in as JSON arrays expanded by `jsonb_array_elements`, a chunk per statement, so
 * thousands of patients take a handful of round trips instead of one each. The sync trigger
 * stamps every row, so seeded data reaches devices through pull like any other change.
 */
import type { PatientChildKind } from '../../../src/protocol/entities';
import type { Dataset } from './dataset';
import type { Db } from '../db/db';
import { hashPassword } from '../auth/password';
import { refreshPlannerStats } from '../db/plannerStats';
import { refreshOrgFacts } from '../office/facts';

/** Rows per INSERT: large enough to amortise round trips, small enough to keep statements modest. */
const CHUNK = 1000;
/** Arbitrary constant shared by every process that may seed ("Rounds" + 2). */
const SEED_LOCK_KEY = 0x526f756e_02;

export async function loadDataset(db: Db, dataset: Dataset): Promise<void> {
  // Hash outside the transaction: scrypt is slow on purpose and needs no lock.
  const hashes = await Promise.all(dataset.users.map((u) => hashPassword(u.password)));
  await db.transaction((tx) => insertDataset(tx, dataset, hashes));
  await refreshPlannerStats(db);
}

export type SeedOutcome = { seeded: true } | { seeded: false; reason: 'not_empty' };

/**
 * Loads `dataset` only into a database with no organisation yet. Idempotent, and safe when
 * several servers start at once on one PostgreSQL: the check and the load happen under one
 * advisory lock in one transaction.
 */
export async function seedIfEmpty(db: Db, dataset: Dataset): Promise<SeedOutcome> {
  if (await hasAnyOrg(db)) return { seeded: false, reason: 'not_empty' };
  const hashes = await Promise.all(dataset.users.map((u) => hashPassword(u.password)));
  const outcome = await db.transaction(async (tx): Promise<SeedOutcome> => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [SEED_LOCK_KEY]);
    if (await hasAnyOrg(tx)) return { seeded: false, reason: 'not_empty' };
    await insertDataset(tx, dataset, hashes);
    return { seeded: true };
  });
  if (outcome.seeded) await refreshPlannerStats(db);
  return outcome;
}

export async function hasOrg(db: Db, orgId: string): Promise<boolean> {
  return (await db.query('select 1 from orgs where id = $1', [orgId])).length > 0;
}

async function hasAnyOrg(db: Db): Promise<boolean> {
  return (await db.query('select 1 from orgs limit 1')).length > 0;
}

async function insertDataset(tx: Db, dataset: Dataset, passwordHashes: readonly string[]): Promise<void> {
  const orgId = dataset.org.id;
  await tx.query('insert into orgs (id, name, care_team_phone) values ($1, $2, $3)', [
    orgId,
    dataset.org.name,
    dataset.org.careTeamPhone,
  ]);
  // The defaults, written out so an administrator's settings screen has a row to change.
  await tx.query('insert into org_settings (org_id) values ($1) on conflict (org_id) do nothing', [orgId]);
  await insertJson(
    tx,
    `insert into territories (id, org_id, name)
     select e->>'id', e->>'orgId', e->>'name' from jsonb_array_elements($1::jsonb) e`,
    dataset.territories,
  );
  await insertJson(
    tx,
    `insert into users (id, org_id, username, name, role, password_hash)
     select e->>'id', e->>'orgId', e->>'username', e->>'name', e->>'role', e->>'passwordHash'
       from jsonb_array_elements($1::jsonb) e`,
    dataset.users.map(({ password: _plain, territoryIds: _territories, supervisorId: _supervisor, ...user }, i) => ({
      ...user,
      passwordHash: passwordHashes[i],
    })),
  );
  // Once every user exists: a supervisor may be listed after the people they supervise.
  await insertJson(
    tx,
    `update users u set supervisor_id = e->>'supervisorId'
       from jsonb_array_elements($1::jsonb) e where u.id = e->>'id'`,
    dataset.users.filter((u) => u.supervisorId).map((u) => ({ id: u.id, supervisorId: u.supervisorId })),
  );
  await insertJson(
    tx,
    `insert into user_territories (user_id, territory_id)
     select e->>'userId', e->>'territoryId' from jsonb_array_elements($1::jsonb) e`,
    dataset.users.flatMap((u) => u.territoryIds.map((territoryId) => ({ userId: u.id, territoryId }))),
  );
  await insertJson(
    tx,
    `insert into facilities (id, org_id, data)
     select e->>'id', e->>'orgId', e from jsonb_array_elements($1::jsonb) e`,
    dataset.facilities,
  );
  await insertJson(
    tx,
    `insert into patients (id, org_id, territory_id, data)
     select e->>'id', $2, e->>'territoryId', e from jsonb_array_elements($1::jsonb) e`,
    dataset.patients,
    [orgId],
  );
  for (const table of ['care_gaps', 'appointments'] as const) {
    await insertJson(
      tx,
      `insert into ${table} (id, org_id, patient_id, data)
       select e->>'id', $2, e->>'patientId', e from jsonb_array_elements($1::jsonb) e`,
      table === 'care_gaps' ? dataset.careGaps : dataset.appointments,
      [orgId],
    );
  }
  for (const [kind, rows] of patientRecords(dataset)) {
    await insertJson(
      tx,
      `insert into patient_records (kind, id, patient_id, data)
       select $2::text, e->>'id', e->>'patientId', e from jsonb_array_elements($1::jsonb) e`,
      rows,
      [kind],
    );
  }
  // The bulk inserts above bypass writeRecord: derive the metric facts of what they wrote.
  await refreshOrgFacts(tx, orgId);
}

/** Care gaps and appointments have tables of their own; every other patient-owned kind does not. */
type PatientRecordKind = Exclude<PatientChildKind, 'careGap' | 'appointment'>;

/** The Dataset arrays stored in `patient_records`, with the kind each is delivered as. */
function patientRecords(d: Dataset): [PatientRecordKind, readonly { patientId: string }[]][] {
  return [
    ['contactPoint', d.contactPoints],
    ['caregiver', d.caregivers],
    ['barrier', d.barriers],
    ['goal', d.goals],
    ['rpmDevice', d.rpmDevices],
    ['task', d.tasks],
  ];
}

async function insertJson(
  tx: Db,
  sql: string,
  rows: readonly object[],
  extraParams: readonly unknown[] = [],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.query(sql, [JSON.stringify(rows.slice(start, start + CHUNK)), ...extraParams]);
  }
}
