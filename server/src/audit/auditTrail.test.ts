/**
 * The audit trail as a signed-in session leaves it, through the real routes: every pulled
 * patient is one `read`; every applied change one `create`, `update` or `delete` with the
 * fields that changed, before and after (conflicts the server derives too); refused and
 * duplicate changes leave nothing. Who: the session's user and device and the address the
 * request came from. The table itself refuses to be rewritten.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientId } from '../../../src/domain/ids';
import { fixtureDataset, NORTH_PATIENTS, SOUTH_PATIENTS } from '../../test/fixtures';
import { pullAll, signIn } from '../../test/http';
import { BASE_TIME, change, hlcAt, push, row } from '../../test/push';
import { describeEachDb, settle } from '../../test/testDb';
import { buildApp } from '../http/buildApp';
import { loadDataset } from '../seed/loadDataset';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const [S1] = SOUTH_PATIENTS as [PatientId];
const ANA = 'device-audit-ana';
const SOL = 'device-audit-sol';

interface EventRow {
  userId: string | null;
  deviceId: string | null;
  address: string | null;
  action: string;
  entityKind: string | null;
  entityId: string | null;
  patientId: string | null;
  changes: { field: string; before: unknown; after: unknown }[] | null;
  detail: Record<string, unknown> | null;
}

describeEachDb('audit trail of sync', (current) => {
  let app: FastifyInstance;
  let ana = '';
  let sol = '';
  let anaNext = 1;
  const events = async (where = 'true', params: unknown[] = []) =>
    current().db.query<EventRow>(
      `select user_id as "userId", device_id as "deviceId", address, action, entity_kind as "entityKind",
              entity_id as "entityId", patient_id as "patientId", changes, detail
         from audit_events where ${where} order by id`,
      params,
    );
  const count = async () => (await events()).length;

  beforeAll(async () => {
    await current().reset();
    await loadDataset(current().db, fixtureDataset());
    await settle(current().db);
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    ana = await signIn(app, 'ana', ANA);
    sol = await signIn(app, 'sol', SOL);
  });
  afterAll(() => app.close());

  it('a pull records one read per patient it delivers, with user, device and address; facilities none', async () => {
    const pages = await pullAll(app, ana, null);
    const reads = await events("action = 'read'");
    expect(reads.map((e) => e.patientId).sort()).toEqual([...NORTH_PATIENTS].sort());
    expect(pages.flatMap((p) => p.records).some((r) => r.kind === 'facility')).toBe(true);
    for (const e of reads) {
      expect(e).toMatchObject({ userId: 'user-ana', deviceId: ANA, address: '127.0.0.1', entityKind: 'patient', changes: null });
      expect(e.entityId).toBe(e.patientId);
    }
  });

  it('an update records the fields that changed, before and after; a duplicate or a refusal records nothing', async () => {
    const base = (await row(current().db, 'patient', N1))!.version;
    const m = change(anaNext++, { kind: 'patient', entityId: N1, patientId: N1, baseVersion: base, values: { accessNotes: 'Side door', room: null } });
    expect((await push(app, ana, ANA, [m])).results[0]).toMatchObject({ status: 'applied' });
    const [update] = await events("action = 'update'");
    expect(update).toEqual({
      userId: 'user-ana', deviceId: ANA, address: '127.0.0.1', action: 'update', entityKind: 'patient', entityId: N1, patientId: N1,
      changes: [{ field: 'accessNotes', before: null, after: 'Side door' }], detail: null,
    });
    const before = await count();
    expect((await push(app, ana, ANA, [m])).results[0]).toMatchObject({ status: 'duplicate' });
    const outside = change(anaNext++, { kind: 'patient', entityId: S1, patientId: S1, values: { room: '1' } });
    expect((await push(app, ana, ANA, [outside])).results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
    expect(await count()).toBe(before);
  });

  it('a create records every field; a delete records the tombstone', async () => {
    const note = {
      id: 'note-audit', patientId: N2, authorId: 'user-ana', authorName: 'Ana Tester', status: 'draft', mode: 'phone_call',
      contactAt: '2026-11-20T09:00:00.000Z', durationMinutes: 5, outcome: null, activities: [], text: 'Talked about rides', followUps: [],
      escalation: null, nextContactDue: null, createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z',
      signedAt: null, fromTaskId: null, contentHash: null, enteredInError: null,
    };
    await push(app, ana, ANA, [change(anaNext++, { kind: 'note', entityId: note.id, patientId: N2, op: 'create', values: note })]);
    const [created] = await events("action = 'create' and entity_id = 'note-audit'");
    expect(created).toMatchObject({ userId: 'user-ana', deviceId: ANA, entityKind: 'note', patientId: N2 });
    expect(created!.changes).toContainEqual({ field: 'text', before: null, after: 'Talked about rides' });
    await push(app, ana, ANA, [change(anaNext++, { kind: 'note', entityId: note.id, patientId: N2, op: 'delete' })]);
    const [deleted] = await events("action = 'delete' and entity_id = 'note-audit'");
    expect(deleted).toMatchObject({ entityKind: 'note', patientId: N2, changes: [{ field: 'deleted', before: false, after: true }] });
  });

  it('a conflict the server derives is recorded as created, under the person whose write lost', async () => {
    await push(app, ana, ANA, [change(anaNext++, { kind: 'patient', entityId: N2, patientId: N2, hlc: hlcAt(50_000, 'node-ana'), values: { room: 'A1' } })]);
    const lost = change(1, { kind: 'patient', entityId: N2, patientId: N2, hlc: hlcAt(10_000, 'node-sol'), values: { room: 'S1' } });
    expect((await push(app, sol, SOL, [lost])).results[0]).toMatchObject({ status: 'applied', conflicts: 1 });
    const [conflict] = await events("action = 'create' and entity_kind = 'conflict'");
    expect(conflict).toMatchObject({ userId: 'user-sol', deviceId: SOL, patientId: N2 });
    expect(conflict!.changes).toContainEqual(expect.objectContaining({ field: 'field', after: 'room' }));
    // The lost write itself changed nothing on the patient: no update event for Sol.
    expect(await events("action = 'update' and user_id = 'user-sol'")).toEqual([]);
  });

  it('a move by the office is recorded with the territory before and after', async () => {
    const res = await app.inject({
      method: 'POST', url: `/api/office/patients/${N2}/territory`, headers: { authorization: `Bearer ${sol}` }, payload: { territoryId: 'ter-south' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [moved] = await events("action = 'update' and user_id = 'user-sol'");
    expect(moved).toMatchObject({ entityKind: 'patient', entityId: N2, changes: [{ field: 'territoryId', before: 'ter-north', after: 'ter-south' }] });
  });

  describe('the table is append-only', () => {
    it.each([
      ['update', "update audit_events set action = 'nothing'"],
      ['delete', 'delete from audit_events'],
    ])('%s is refused', async (_name, sql) => {
      const before = await count();
      await expect(current().db.query(sql)).rejects.toThrow(/append-only/);
      expect(await count()).toBe(before);
    });
  });
});
