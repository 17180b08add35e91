/**
 * How pushed changes merge with what the server holds, seen through pull as devices see it:
 * per-field last writer wins (S8), conflicts kept (S9), sets as records (S11), tombstones (S12).
 */
import type { FastifyInstance } from 'fastify';
import type { PatientId } from '../../../../src/domain/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../../../src/protocol/entities';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { pullAll, signIn } from '../../../test/http';
import { BASE_TIME, change, contentOf, hlcAt, push, row } from '../../../test/push';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2, N3] = NORTH_PATIENTS as [PatientId, PatientId, PatientId];
/** An update of patient `id` based on `baseVersion`. */
const patient = (id: string, baseVersion: number) => ({ kind: 'patient', entityId: id, patientId: id, baseVersion }) as const;

describeEachDb('push merges (S8-S12)', (current) => {
  let app: FastifyInstance;
  /** Ana on her phone, Sol (supervisor) on his tablet: two people, two devices, one patient. */
  const ana = { id: 'device-ana-phone', token: '', name: 'Ana Tester', next: 1 };
  const sol = { id: 'device-sol-tablet', token: '', name: 'Sol Tester', next: 1 };
  type Device = typeof ana;

  const send = (d: Device, spec: Parameters<typeof change>[1]) => push(app, d.token, d.id, [change(d.next++, spec)]);
  /** Everything new for `d` since `cursor`, after the database settled. */
  const pullSince = async (d: Device, cursor: string | null) => {
    await settle(current().db);
    const pages = await pullAll(app, d.token, cursor);
    return { records: pages.flatMap((p) => p.records), cursor: pages.at(-1)!.cursor };
  };
  const versionIn = (records: EntityRecord[], id: string) => records.find((r) => r.id === id)!.version;

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    ana.token = await signIn(app, 'ana', ana.id);
    sol.token = await signIn(app, 'sol', sol.id);
  });
  afterAll(() => app.close());

  it('[S8] a non-concurrent field update applies, bumps the version, and pull delivers it', async () => {
    const { db } = current();
    const start = await pullSince(ana, null);
    const base = versionIn(start.records, N1);
    const res = await send(ana, { ...patient(N1, base), hlc: hlcAt(1_000, ana.id), values: { bestTimeToCall: 'Mornings' } });
    expect(res.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);

    const { records } = await pullSince(sol, null);
    const pulled = records.find((r) => r.id === N1)!;
    expect(pulled.version).toBeGreaterThan(base);
    expect(pulled.data).toMatchObject({ bestTimeToCall: 'Mornings' });
    // The field's stamp names the very version the row carries.
    const stored = await row(db, 'patient', N1);
    expect(stored?.stamps.bestTimeToCall).toEqual({ h: hlcAt(1_000, ana.id), v: pulled.version, by: 'Ana Tester', u: 'user-ana', d: ana.id });
    expect(stored?.version).toBe(pulled.version);
  });

  // One row per arrival order: whoever arrives second, the later clock (Sol's) wins.
  it.each([
    ['Ana first, Sol second', [ana, sol]],
    ['Sol first, Ana second', [sol, ana]],
  ] as const)('[S9] same field, same base (%s): the later clock wins, one conflict keeps both values, both pull it', async (_order, order) => {
    const { db } = current();
    const field = `accessNotes`;
    const start = await pullSince(ana, null);
    const base = versionIn(start.records, N2);
    const solStart = await pullSince(sol, null);
    const writes = new Map([
      [ana, { value: `Ring twice (${_order})`, hlc: hlcAt(10_000, ana.id) }],
      [sol, { value: `Use the side door (${_order})`, hlc: hlcAt(20_000, sol.id) }],
    ]);
    const results = [];
    for (const d of order) {
      const w = writes.get(d)!;
      results.push(await send(d, { kind: 'patient', entityId: N2, patientId: N2, baseVersion: base, hlc: w.hlc, values: { [field]: w.value } }));
    }
    expect(results.map((r) => r.results[0])).toEqual([
      { no: expect.any(Number), status: 'applied', conflicts: 0 },
      { no: expect.any(Number), status: 'applied', conflicts: 1 },
    ]);
    expect((await row(db, 'patient', N2))?.data[field]).toBe(writes.get(sol)!.value);

    const expected = {
      patientId: N2,
      entityKind: 'patient',
      entityId: N2,
      field,
      winner: { value: writes.get(sol)!.value, hlc: writes.get(sol)!.hlc, by: 'Sol Tester', userId: 'user-sol', deviceId: sol.id },
      loser: { value: writes.get(ana)!.value, hlc: writes.get(ana)!.hlc, by: 'Ana Tester', userId: 'user-ana', deviceId: ana.id },
      detectedAt: BASE_TIME.toISOString(),
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
    };
    for (const [d, from] of [[ana, start.cursor], [sol, solStart.cursor]] as const) {
      const conflicts = (await pullSince(d, from)).records.filter((r) => r.kind === 'conflict');
      expect(conflicts).toEqual([expect.objectContaining({ kind: 'conflict', deleted: false, data: expect.objectContaining(expected) })]);
    }
  });

  it('[S9a] a change that lost on every field sends the record again, so the losing device ends with the winner', async () => {
    const start = await pullSince(ana, null);
    const base = versionIn(start.records, N3);
    // Sol wrote later in clock time and arrived first; Ana's older offline edit arrives after.
    await send(sol, { ...patient(N3, base), hlc: hlcAt(60_000, sol.id), values: { bestTimeToCall: 'Evenings' } });
    const anaSaw = await pullSince(ana, start.cursor);
    expect(anaSaw.records.find((r) => r.id === N3)?.data).toMatchObject({ bestTimeToCall: 'Evenings' });
    const res = await send(ana, { ...patient(N3, base), hlc: hlcAt(50_000, ana.id), values: { bestTimeToCall: 'Mornings' } });
    expect(res.results).toEqual([{ no: expect.any(Number), status: 'applied', conflicts: 1 }]);
    // Ana's device laid her edit over what it pulled (S15); her next pull must bring Sol's value back.
    const { records } = await pullSince(ana, anaSaw.cursor);
    expect(records.find((r) => r.id === N3)?.data).toMatchObject({ bestTimeToCall: 'Evenings' });
  });

  it('[S9] a conflict names both writers by user id, with their names alongside', async () => {
    const { db } = current();
    const [c] = await db.query<{ data: { winner: { userId: string; by: string }; loser: { userId: string; by: string } } }>(
      "select data from patient_records where kind = 'conflict' and patient_id = $1 order by version limit 1",
      [N2],
    );
    expect([c!.data.winner, c!.data.loser].map((w) => [w.userId, w.by]).sort()).toEqual([
      ['user-ana', 'Ana Tester'],
      ['user-sol', 'Sol Tester'],
    ]);
  });

  it('[S9] different fields from the same base both apply, without a conflict', async () => {
    const start = await pullSince(ana, null);
    const base = versionIn(start.records, N3);
    const a = await send(ana, { ...patient(N3, base), hlc: hlcAt(30_000, ana.id), values: { room: '3A' } });
    const s = await send(sol, { ...patient(N3, base), hlc: hlcAt(20_000, sol.id), values: { bestTimeToCall: 'Evenings' } });
    expect([a.results[0], s.results[0]].map((r) => r?.status === 'applied' && r.conflicts)).toEqual([0, 0]);
    expect((await row(current().db, 'patient', N3))?.data).toMatchObject({ room: '3A', bestTimeToCall: 'Evenings' });
    expect((await pullSince(ana, start.cursor)).records.filter((r) => r.kind === 'conflict')).toEqual([]);
  });

  it("[S13] a push's record and its conflict page through pull one at a time, none skipped", async () => {
    const start = await pullSince(sol, null);
    const base = versionIn(start.records, N3);
    await send(ana, { kind: 'patient', entityId: N3, patientId: N3, baseVersion: base, hlc: hlcAt(40_000, ana.id), values: { room: '3B' } });
    const before = await pullSince(sol, start.cursor);
    await send(sol, { kind: 'patient', entityId: N3, patientId: N3, baseVersion: base, hlc: hlcAt(50_000, sol.id), values: { room: '3C' } });
    await settle(current().db);
    const pages = await pullAll(app, sol.token, before.cursor, 1);
    expect(pages.flatMap((p) => p.records.map((r) => r.kind))).toEqual(['patient', 'conflict']);
  });

  it('[S9] a conflict is resolved by changing its status; nothing else of it can change', async () => {
    const { db } = current();
    const [conflict] = await db.query<{ id: string; version: number }>(
      "select id, version from patient_records where kind = 'conflict' and patient_id = $1 order by version limit 1",
      [N2],
    );
    const ref = { kind: 'conflict' as const, entityId: conflict!.id, patientId: N2, baseVersion: conflict!.version };
    const tampered = await send(ana, { ...ref, values: { field: 'room' } });
    expect(tampered.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_kind' });
    // Who decided comes from the session: naming someone else is refused.
    const impostor = await send(ana, { ...ref, values: { status: 'kept_theirs', resolvedBy: 'Sol Tester', resolvedById: 'user-sol', resolvedAt: BASE_TIME.toISOString() } });
    expect(impostor.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid', message: 'resolvedById: must name the signed-in user' });
    const resolved = await send(ana, {
      ...ref,
      values: { status: 'kept_theirs', resolvedBy: 'Ana Tester', resolvedById: 'user-ana', resolvedAt: BASE_TIME.toISOString() },
    });
    expect(resolved.results[0]).toMatchObject({ status: 'applied', conflicts: 0 });
    expect((await row(db, 'conflict', conflict!.id))?.data).toMatchObject({ status: 'kept_theirs', resolvedBy: 'Ana Tester', resolvedById: 'user-ana' });
  });

  it('[S11] two devices add a caregiver to one patient at once: both exist', async () => {
    const start = await pullSince(ana, null);
    const caregiver = (id: string, name: string) => ({ id, patientId: N1, name, relationship: 'son', phone: null, primary: false, removed: false });
    await send(ana, { kind: 'caregiver', entityId: 'cg-from-ana', patientId: N1, op: 'create', values: caregiver('cg-from-ana', 'Luis Lima') });
    await send(sol, { kind: 'caregiver', entityId: 'cg-from-sol', patientId: N1, op: 'create', values: caregiver('cg-from-sol', 'Marta Lima') });
    const added = (await pullSince(ana, start.cursor)).records.filter((r) => r.kind === 'caregiver');
    expect(added.map((r) => [r.id, (r.data as { name: string }).name]).sort()).toEqual([
      ['cg-from-ana', 'Luis Lima'],
      ['cg-from-sol', 'Marta Lima'],
    ]);
  });

  describe('tombstones', () => {
    it('[S12] a delete marks the record deleted, keeps its data, and pull delivers a tombstone', async () => {
      const { db } = current();
      const start = await pullSince(sol, null);
      const res = await send(ana, { kind: 'barrier', entityId: 'bar-pat-n1', patientId: N1, op: 'delete' });
      expect(res.results[0]).toMatchObject({ status: 'applied' });
      expect(await row(db, 'barrier', 'bar-pat-n1')).toMatchObject({ deleted: true, data: { detail: 'No ride to appointments in Lynn' } });
      const records = (await pullSince(sol, start.cursor)).records;
      expect(records).toEqual([{ kind: 'barrier', id: 'bar-pat-n1', version: expect.any(Number), deleted: true, data: null }]);
    });

    it('[S12] a later or stale write to a deleted record is refused and never resurrects it', async () => {
      const { db } = current();
      const before = await row(db, 'barrier', 'bar-pat-n1');
      const barrier = { ...before!.data, detail: 'Bus pass arranged' };
      const ref = { kind: 'barrier', entityId: 'bar-pat-n1', patientId: N1 } as const;
      const update = await send(sol, { ...ref, hlc: hlcAt(999_000, sol.id), values: { detail: 'Bus pass arranged' } });
      const create = await send(sol, { ...ref, op: 'create', values: barrier });
      const again = await send(ana, { ...ref, op: 'delete' });
      for (const res of [update, create, again]) expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'deleted' });
      // Unchanged, still a tombstone; sent again (S7a) so a device that wrote to it drops its copy.
      expect(contentOf(await row(db, 'barrier', 'bar-pat-n1'))).toEqual(contentOf(before));
    });
  });
});
