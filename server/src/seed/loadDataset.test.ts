import { beforeEach, expect, it } from 'vitest';
import { fixtureDataset, otherOrgDataset, PASSWORD } from '../../test/fixtures';
import { describeEachDb } from '../../test/testDb';
import { verifyPassword } from '../auth/password';
import type { Db } from '../db/db';
import { hasOrg, loadDataset, seedIfEmpty } from './loadDataset';

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = ['orgs', 'territories', 'users', 'user_territories', 'facilities', 'patients', 'care_gaps', 'appointments', 'patient_records'];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
    result[table] = row?.n ?? -1;
  }
  return result;
}

const fixture = fixtureDataset();
const fixtureCounts = {
  orgs: 1,
  territories: fixture.territories.length,
  users: fixture.users.length,
  user_territories: fixture.users.reduce((n, u) => n + u.territoryIds.length, 0),
  facilities: fixture.facilities.length,
  patients: fixture.patients.length,
  care_gaps: fixture.careGaps.length,
  appointments: fixture.appointments.length,
  patient_records:
    fixture.contactPoints.length +
    fixture.caregivers.length +
    fixture.barriers.length +
    fixture.goals.length +
    fixture.rpmDevices.length +
    fixture.tasks.length,
};

describeEachDb('loading a dataset', (current) => {
  beforeEach(() => current().reset());

  it('writes every row, with count(*) as a number on either driver', async () => {
    const { db } = current();
    await loadDataset(db, fixture);
    expect(await counts(db)).toEqual(fixtureCounts);
  });

  it('stores the entities as given, stamped with a version', async () => {
    const { db } = current();
    await loadDataset(db, fixture);
    const [row] = await db.query<{ data: unknown; version: number; deleted: boolean; territory_id: string }>(
      'select data, version, deleted, territory_id from patients where id = $1',
      [fixture.patients[0]?.id],
    );
    expect(row?.data).toEqual(fixture.patients[0]);
    expect(row?.territory_id).toBe(fixture.patients[0]?.territoryId);
    expect(row?.deleted).toBe(false);
    expect(typeof row?.version).toBe('number');
  });

  it('stores each patient-owned record under its kind, as given', async () => {
    const { db } = current();
    await loadDataset(db, fixture);
    const rows = await db.query<{ kind: string; id: string; patient_id: string; data: { patientId: string } }>(
      'select kind, id, patient_id, data from patient_records',
    );
    const byKey = new Map(rows.map((r) => [`${r.kind}/${r.id}`, r]));
    const given = {
      contactPoint: fixture.contactPoints,
      caregiver: fixture.caregivers,
      barrier: fixture.barriers,
      goal: fixture.goals,
      rpmDevice: fixture.rpmDevices,
      task: fixture.tasks,
    };
    for (const [kind, list] of Object.entries(given)) {
      for (const record of list) expect(byKey.get(`${kind}/${record.id}`)).toEqual({ kind, id: record.id, patient_id: record.patientId, data: record });
    }
  });

  it('stores scrypt hashes, never the passwords', async () => {
    const { db } = current();
    await loadDataset(db, fixture);
    const rows = await db.query<{ password_hash: string }>('select password_hash from users');
    for (const { password_hash } of rows) {
      expect(password_hash).toMatch(/^scrypt\$/);
      expect(password_hash).not.toContain(PASSWORD);
    }
    expect(await verifyPassword(PASSWORD, rows[0]?.password_hash ?? '')).toBe(true);
  });

  it('loads a second organisation beside the first', async () => {
    const { db } = current();
    await loadDataset(db, fixture);
    await loadDataset(db, otherOrgDataset());
    expect(await hasOrg(db, otherOrgDataset().org.id)).toBe(true);
    expect((await counts(db)).orgs).toBe(2);
  });

  it('writes nothing when any row is rejected', async () => {
    const { db } = current();
    const broken = { ...fixture, careGaps: [...fixture.careGaps, { ...fixture.careGaps[0]!, patientId: 'no-such-patient' }] };
    await expect(loadDataset(db, broken as typeof fixture)).rejects.toThrow();
    expect((await counts(db)).orgs).toBe(0);
  });

  it('writes nothing when a patient record names an unknown patient', async () => {
    const { db } = current();
    const broken = { ...fixture, tasks: [...fixture.tasks, { ...fixture.tasks[0]!, id: 'task-orphan', patientId: 'no-such-patient' }] };
    await expect(loadDataset(db, broken as typeof fixture)).rejects.toThrow();
    expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
  });

  it('seedIfEmpty seeds an empty database once; a second start seeds nothing', async () => {
    const { db } = current();
    expect(await seedIfEmpty(db, fixture)).toEqual({ seeded: true });
    expect(await seedIfEmpty(db, fixture)).toEqual({ seeded: false, reason: 'not_empty' });
    expect(await seedIfEmpty(db, otherOrgDataset())).toEqual({ seeded: false, reason: 'not_empty' });
    expect(await counts(db)).toEqual(fixtureCounts);
  });

  it('seedIfEmpty seeds once when two servers start together', async () => {
    const { db } = current();
    const outcomes = await Promise.all([seedIfEmpty(db, fixture), seedIfEmpty(db, fixture)]);
    expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
    expect(await counts(db)).toEqual(fixtureCounts);
  });
});
