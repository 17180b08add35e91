/**
 * Two app servers (two connection pools, as two processes would have) on one PostgreSQL,
 * receiving pushes at the same moment. PGlite is one connection and serialises everything,
 * so these run on PostgreSQL only (DATABASE_URL).
 */
import type { FastifyInstance } from 'fastify';
import type { PatientId } from '../../../../src/domain/ids';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Mutation, PushResponse } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { signIn } from '../../../test/http';
import { BASE_TIME, change, hlcAt, push, row, settledMark } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import type { Db } from '../../db/db';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const caregiver = (id: string, patientId: string) =>
  ({ id, patientId, name: `Carer ${id}`, relationship: 'friend', phone: null, primary: false, removed: false });

/** `count` changes numbered from `first`: caregivers added and a patient field rewritten, in turn. */
function batch(first: number, count: number, tag: string, field: string): Mutation[] {
  return Array.from({ length: count }, (_, i) => {
    const no = first + i;
    return i % 2 === 0
      ? change(no, { kind: 'caregiver', entityId: `cg-${tag}-${no}`, patientId: N1, op: 'create', values: caregiver(`cg-${tag}-${no}`, N1) })
      : change(no, { kind: 'patient', entityId: N1, patientId: N1, hlc: hlcAt(no, tag), values: { [field]: `${tag} ${no}` } });
  });
}

const statuses = (res: PushResponse) => [...new Set(res.results.map((r) => r.status))];

describeEachDb('push on two servers at once', (current, kind) => {
  const postgresOnly = it.skipIf(kind !== 'postgres');
  let one: FastifyInstance;
  let two: FastifyInstance;
  let peer: Db | undefined;

  beforeAll(async () => {
    if (kind !== 'postgres') return;
    await loadDataset(current().db, fixtureDataset());
    peer = current().openPeer();
    one = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    two = await buildApp({ db: peer, version: 'test', now: () => BASE_TIME });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await peer?.close();
  });

  postgresOnly('[S5][S6] different devices on different servers: every change of both applies', async () => {
    const ana = { id: 'device-ana-conc', token: await signIn(one, 'ana', 'device-ana-conc') };
    const sol = { id: 'device-sol-conc', token: await signIn(two, 'sol', 'device-sol-conc') };
    const [a, s] = await Promise.all([
      push(one, ana.token, ana.id, batch(1, 60, ana.id, 'room')),
      push(two, sol.token, sol.id, batch(1, 60, sol.id, 'accessNotes')),
    ]);
    for (const res of [a, s]) {
      expect(res).toMatchObject({ settledThrough: 60, gap: false });
      expect(res.results.every((r) => r.status === 'applied' && r.conflicts === 0)).toBe(true);
    }
    const { db } = current();
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      "select count(*) as n from patient_records where kind = 'caregiver' and id like 'cg-device-%-conc-%'",
    );
    expect(n).toBe(60);
    expect((await row(db, 'patient', N1))?.data).toMatchObject({ room: `${ana.id} 60`, accessNotes: `${sol.id} 60` });
  });

  postgresOnly('[S5] the same batch sent to both servers at once is applied exactly once', async () => {
    const d = { id: 'device-ana-twice', token: await signIn(one, 'ana', 'device-ana-twice') };
    for (let round = 0; round < 5; round++) {
      const mutations = batch(round * 20 + 1, 20, `twice${round}`, 'bestTimeToCall');
      const answers = await Promise.all([push(one, d.token, d.id, mutations), push(two, d.token, d.id, mutations)]);
      // One server applied the batch while holding the device's row; the other waited and
      // found every number settled.
      expect(answers.map(statuses).sort()).toEqual([['applied'], ['duplicate']]);
      expect(answers.map((a) => a.settledThrough)).toEqual([(round + 1) * 20, (round + 1) * 20]);
    }
    expect(await settledMark(current().db, d.id)).toBe(100);
  });

  postgresOnly('[S9] two servers, two devices, one field, one base: exactly one conflict and the later clock wins', async () => {
    const { db } = current();
    const ana = { id: 'device-ana-race', token: await signIn(one, 'ana', 'device-ana-race') };
    const sol = { id: 'device-sol-race', token: await signIn(two, 'sol', 'device-sol-race') };
    const base = (await row(db, 'patient', N2))!.version;
    const write = (value: string, ms: number, node: string) =>
      change(1, { kind: 'patient', entityId: N2, patientId: N2, baseVersion: base, hlc: hlcAt(ms, node), values: { accessNotes: value } });
    const [a, s] = await Promise.all([
      push(one, ana.token, ana.id, [write('Key under the mat', 10_000, ana.id)]),
      push(two, sol.token, sol.id, [write('Call from the gate', 20_000, sol.id)]),
    ]);
    const conflicts = [a, s].map((res) => (res.results[0]?.status === 'applied' ? res.results[0].conflicts : -1));
    expect(conflicts.sort()).toEqual([0, 1]);
    expect((await row(db, 'patient', N2))?.data.accessNotes).toBe('Call from the gate');
    const recorded = await db.query<{ data: { loser: { value: string } } }>(
      "select data from patient_records where kind = 'conflict' and data->>'entityId' = $1",
      [N2],
    );
    expect(recorded.map((r) => r.data.loser.value)).toEqual(['Key under the mat']);
  });
});
