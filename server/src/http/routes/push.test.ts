/**
 * POST /api/sync/push: numbering and exactly-once (S5), one transaction (S6), scope (S16),
 * clocks (S19), what a device may write, and bad requests. Merging is in pushMerge.test.ts,
 * notes in pushNotes.test.ts, two servers at once in pushConcurrency.test.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { PatientId } from '../../../../src/domain/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityKind } from '../../../../src/domain/entities';
import { PROTOCOL_VERSION, PUSH_BATCH_MAX } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS, otherOrgDataset, SOUTH_PATIENTS } from '../../../test/fixtures';
import { expectError, signIn } from '../../../test/http';
import { allRows, BASE_TIME, change, changes, contentOf, hlcAt, push, pushRaw, row, settledMark } from '../../../test/push';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const [S1] = SOUTH_PATIENTS as [PatientId];
/** Change number 1 of each operation, for tables of single refused changes. */
const one = {
  create: (kind: EntityKind, id: string, patientId: string | null, values: object) =>
    change(1, { kind, entityId: id, patientId, op: 'create', values: { ...values } }),
  update: (kind: EntityKind, id: string, patientId: string | null, values: object) =>
    change(1, { kind, entityId: id, patientId, values: { ...values } }),
  remove: (kind: EntityKind, id: string, patientId: string) => change(1, { kind, entityId: id, patientId, op: 'delete' }),
};
/** A patient update; based on version 0 unless told, i.e. concurrent with every stamped write. */
const patientField = (no: number, patientId: string, values: Record<string, unknown>, baseVersion = 0) =>
  change(no, { kind: 'patient', entityId: patientId, patientId, values, baseVersion });

describeEachDb('POST /api/sync/push', (current) => {
  let app: FastifyInstance;
  let devices = 0;
  /** A fresh device (numbering starts at 1) signed in as `username`. */
  const device = async (username = 'ana') => {
    const id = `device-${username}-${++devices}`;
    return { id, token: await signIn(app, username, id) };
  };

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    await loadDataset(current().db, otherOrgDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
  });
  afterAll(() => app.close());
  /** The version a device that just pulled would base its changes on. */
  const seen = async (kind: string, id: string) => (await row(current().db, kind, id))?.version ?? 0;

  describe('exactly once', () => {
    it('[S5] numbers 1, 2, 3 apply in order and settle through 3', async () => {
      const d = await device();
      const base = await seen('patient', N1);
      const res = await push(app, d.token, d.id, [
        patientField(1, N1, { accessNotes: 'Side door' }, base),
        patientField(2, N1, { room: '12B' }, base),
        patientField(3, N1, { accessNotes: 'Front door' }, base),
      ]);
      expect(res).toEqual({
        settledThrough: 3,
        gap: false,
        serverTime: BASE_TIME.toISOString(),
        results: [1, 2, 3].map((no) => ({ no, status: 'applied', conflicts: 0 })),
      });
      expect((await row(current().db, 'patient', N1))?.data).toMatchObject({ accessNotes: 'Front door', room: '12B' });
      expect(await settledMark(current().db, d.id)).toBe(3);
    });

    it('[S5] a replayed push batch changes nothing', async () => {
      const { db } = current();
      const d = await device();
      const batch = changes(1, [
        { kind: 'patient', entityId: N2, patientId: N2, values: { bestTimeToCall: 'Mornings' } },
        { kind: 'caregiver', entityId: 'cg-replay', patientId: N2, op: 'create', values: caregiver('cg-replay', N2) },
        { kind: 'goal', entityId: 'goal-pat-n3', patientId: 'pat-n3', op: 'delete' },
      ]);
      const first = await push(app, d.token, d.id, batch);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const before = await allRows(db);

      const again = await push(app, d.token, d.id, batch);
      expect(again).toMatchObject({ settledThrough: 3, gap: false, results: [1, 2, 3].map((no) => ({ no, status: 'duplicate' })) });
      expect(await allRows(db)).toEqual(before);
      expect(await settledMark(db, d.id)).toBe(3);
    });

    it('[S5] a batch that skips a number stops at the gap; resending from the mark continues', async () => {
      const d = await device();
      const base = await seen('patient', N1);
      const res = await push(app, d.token, d.id, [
        patientField(1, N1, { bestTimeToCall: 'After 2pm' }, base),
        patientField(2, N1, { room: '14' }, base),
        patientField(4, N1, { room: '16' }, base),
      ]);
      expect(res).toMatchObject({ settledThrough: 2, gap: true, results: [{ no: 1 }, { no: 2 }] });
      expect((await row(current().db, 'patient', N1))?.data.room).toBe('14');

      const resumed = await push(app, d.token, d.id, [patientField(3, N1, { room: '15' }, base), patientField(4, N1, { room: '16' }, base)]);
      expect(resumed).toMatchObject({ settledThrough: 4, gap: false });
      expect((await row(current().db, 'patient', N1))?.data.room).toBe('16');
    });

    it('[S5] a batch sent out of order is applied in number order', async () => {
      const d = await device();
      const base = await seen('patient', N1);
      const res = await push(app, d.token, d.id, [patientField(2, N1, { room: 'second' }, base), patientField(1, N1, { room: 'first' }, base)]);
      expect(res.results.map((r) => r.no)).toEqual([1, 2]);
      expect((await row(current().db, 'patient', N1))?.data.room).toBe('second');
    });

    it('[S5] numbering is per device: number 1 of another device is new', async () => {
      const a = await device();
      const b = await device();
      await push(app, a.token, a.id, [patientField(1, N1, { room: 'A' }, await seen('patient', N1))]);
      const res = await push(app, b.token, b.id, [patientField(1, N1, { room: 'B' }, await seen('patient', N1))]);
      expect(res.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);
      expect((await row(current().db, 'patient', N1))?.data.room).toBe('B');
    });

    it('[S7] a refused change is settled too, and the next number applies after it', async () => {
      const d = await device();
      const res = await push(app, d.token, d.id, [patientField(1, S1, { room: 'nope' }), patientField(2, N1, { room: 'yes' })]);
      expect(res).toMatchObject({
        settledThrough: 2,
        results: [{ no: 1, status: 'rejected', reason: 'out_of_scope' }, { no: 2, status: 'applied' }],
      });
    });
    it('[S5][S7] a resent refused change is refused again, not answered duplicate: its first answer may have been lost', async () => {
      const { db } = current();
      const d = await device();
      const batch = [patientField(1, S1, { room: 'nope' }), patientField(2, N1, { room: 'resent' }, await seen('patient', N1))];
      const first = await push(app, d.token, d.id, batch);
      expect(first.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
      const before = await allRows(db);

      const again = await push(app, d.token, d.id, batch);
      expect(again).toEqual({ ...first, results: [first.results[0], { no: 2, status: 'duplicate' }] });
      expect(await allRows(db)).toEqual(before);
      expect(await settledMark(db, d.id)).toBe(2);

      // The device's next batch starts after the mark: it has its answers, so the kept
      // refusal goes.
      const refusals = () => db.query('select no from refused_mutations where device_id = $1', [d.id]);
      expect(await refusals()).toHaveLength(1);
      const next = await push(app, d.token, d.id, [patientField(3, N1, { room: 'next' }, await seen('patient', N1))]);
      expect(next.results.map((r) => r.status)).toEqual(['applied']);
      expect(await refusals()).toEqual([]);
    });

    it('[S5][S7] the answer never settles past the last change the batch carried: a shorter resend still learns of a later refusal', async () => {
      const d = await device();
      const batch = [patientField(1, N1, { room: 'one' }, await seen('patient', N1)), patientField(2, S1, { room: 'nope' })];
      await push(app, d.token, d.id, batch);
      // The answer was lost; the device resends only the first change.
      const shorter = await push(app, d.token, d.id, batch.slice(0, 1));
      expect(shorter).toMatchObject({ settledThrough: 1, results: [{ no: 1, status: 'duplicate' }] });
      const rest = await push(app, d.token, d.id, batch.slice(1));
      expect(rest).toMatchObject({ settledThrough: 2, results: [{ no: 2, status: 'rejected', reason: 'out_of_scope' }] });
    });

    it('[S7a] a refused change to a record the server holds sends that record again, unchanged, so the device ends with its value', async () => {
      const { db } = current();
      const d = await device();
      const before = await row(db, 'patient', N2);
      const res = await push(app, d.token, d.id, [change(1, { kind: 'patient', entityId: N2, patientId: N2, values: { territoryId: 'elsewhere' } })]);
      expect(res.results).toMatchObject([{ status: 'rejected', reason: 'invalid' }]);
      const after = await row(db, 'patient', N2);
      expect(after?.data).toEqual(before?.data);
      expect(after?.stamps).toEqual(before?.stamps);
      expect(after!.version).toBeGreaterThan(before!.version);
    });
  });

  describe('one transaction', () => {
    it('[S6] a failure at the 3rd change leaves no trace of the first two, and the resend applies', async () => {
      const { db } = current();
      const d = await device();
      // A real database error inside the push transaction, raised when the 3rd change writes.
      await db.exec(`
        create function fail_on_boom() returns trigger language plpgsql as $$
        begin if new.id = 'cg-boom' then raise exception 'injected failure'; end if; return new; end $$;
        create trigger fail_on_boom before insert on patient_records for each row execute function fail_on_boom();`);
      const batch = changes(1, [
        { kind: 'patient', entityId: N1, patientId: N1, values: { accessNotes: 'Dog in yard' } },
        { kind: 'caregiver', entityId: 'cg-before-boom', patientId: N1, op: 'create', values: caregiver('cg-before-boom', N1) },
        { kind: 'caregiver', entityId: 'cg-boom', patientId: N1, op: 'create', values: caregiver('cg-boom', N1) },
      ]);
      const before = await allRows(db);
      try {
        const res = await pushRaw(app, d.token, { protocolVersion: PROTOCOL_VERSION, deviceId: d.id, mutations: batch });
        expectError(res, 500, 'internal');
        expect(await allRows(db)).toEqual(before);
        expect(await settledMark(db, d.id)).toBeNull();
      } finally {
        await db.exec('drop trigger fail_on_boom on patient_records; drop function fail_on_boom()');
      }
      const resent = await push(app, d.token, d.id, batch);
      expect(resent.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    });
  });

  describe('scope and what a device may write', () => {
    it('[S16] a specialist cannot write to a patient of another territory or organisation', async () => {
      const { db } = current();
      const d = await device();
      const before = await row(db, 'patient', S1);
      const res = await push(app, d.token, d.id, [
        patientField(1, S1, { room: 'x' }),
        patientField(2, 'pat-e1', { room: 'x' }),
        change(3, { kind: 'caregiver', entityId: 'cg-south', patientId: S1, op: 'create', values: caregiver('cg-south', S1) }),
        patientField(4, 'pat-nobody', { room: 'x' }),
      ]);
      expect(res.results.map((r) => r.status === 'rejected' && r.reason)).toEqual(Array(4).fill('out_of_scope'));
      expect(await row(db, 'patient', S1)).toEqual(before);
      expect(await row(db, 'caregiver', 'cg-south')).toBeUndefined();
    });

    it("[S16] a record of another territory's patient cannot be reached by naming one's own patient", async () => {
      const d = await device();
      const res = await push(app, d.token, d.id, [
        change(1, { kind: 'barrier', entityId: 'bar-pat-s1', patientId: N1, values: { detail: 'taken over' } }),
      ]);
      expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
      expect((await row(current().db, 'barrier', 'bar-pat-s1'))?.data.detail).toBe('No ride to appointments in Lynn');
    });

    it('[S16] a supervisor writes only to the territories they work, not to their whole team', async () => {
      const d = await device('sol');
      const res = await push(app, d.token, d.id, [patientField(1, N1, { room: 'N-1' }), patientField(2, S1, { room: 'S-1' })]);
      expect(res.results).toMatchObject([
        { no: 1, status: 'applied' },
        { no: 2, status: 'rejected', reason: 'out_of_scope', message: 'This patient is not in your territories' },
      ]);
    });

    it('accepts a task whose title the app wrote (code and details) and one from an older app without it', async () => {
      const d = await device();
      const task = (id: string) => ({
        id,
        patientId: N1,
        kind: 'no_show',
        title: 'Dr. Lee',
        dueDate: '2026-11-23',
        ownerName: 'Ana',
        status: 'open',
        sourceNoteId: null,
        sourceAppointmentId: null,
        createdAt: BASE_TIME.toISOString(),
        completedAt: null,
        completedByNoteId: null,
      });
      const template = { code: 'rebook_missed_appointment', provider: 'Dr. Lee', reason: 'Check-up', startsAt: '2026-11-02T14:00:00.000Z' };
      const res = await push(app, d.token, d.id, [
        change(1, { kind: 'task', entityId: 'task-tpl', patientId: N1, op: 'create', values: { ...task('task-tpl'), titleTemplate: template } }),
        change(2, { kind: 'task', entityId: 'task-old', patientId: N1, op: 'create', values: task('task-old') }),
        change(3, { kind: 'task', entityId: 'task-bad', patientId: N1, op: 'create', values: { ...task('task-bad'), titleTemplate: { ...template, code: 'say_hello' } } }),
      ]);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      expect((await row(current().db, 'task', 'task-tpl'))?.data.titleTemplate).toEqual(template);
      expect((await row(current().db, 'task', 'task-old'))?.data.title).toBe('Dr. Lee');
    });

    it.each([
      ['a facility', one.update('facility', 'fac-1', null, { phone: '1' }), 'forbidden_kind', /cannot be changed from a device/],
      ['a new patient', one.create('patient', 'pat-new', 'pat-new', {}), 'forbidden_kind', /office/],
      ['a patient deleted', one.remove('patient', N1, N1), 'forbidden_kind', /office/],
      ['a conflict created', one.create('conflict', 'c-1', N1, {}), 'forbidden_kind', /recorded by the server/],
      ['a note discarded that is not there', one.remove('note', 'n-1', N1), 'not_found', /n-1/],
      ['an unknown field', patientField(1, N1, { nickname: 'Ro' }), 'invalid', /^nickname: unknown field$/],
      ['a value of the wrong shape', patientField(1, N1, { sex: 'sometimes' }), 'invalid', /^sex: /],
      ['a territory change', patientField(1, N1, { territoryId: 'ter-south' }), 'invalid', /^territoryId: cannot be changed$/],
      ['a record that does not exist', one.update('goal', 'goal-none', N1, { text: 'x' }), 'not_found', /goal-none/],
      ['a create whose id differs', one.create('caregiver', 'cg-x', N1, caregiver('cg-y', N1)), 'invalid', /^id: /],
      ['a create missing a field', one.create('caregiver', 'cg-z', N1, { ...caregiver('cg-z', N1), name: undefined }), 'invalid', /^name: /],
      ['a create of an existing id', one.create('caregiver', 'cg-pat-n2', N2, caregiver('cg-pat-n2', N2)), 'invalid', /already exists/],
      ['a child without patientId', one.update('goal', 'goal-pat-n3', null, { text: 'x' }), 'invalid', /^patientId: /],
    ])('refuses %s as a result, not an HTTP error', async (_name, mutation, reason, message) => {
      const d = await device();
      const before = await allRows(current().db);
      const res = await push(app, d.token, d.id, [mutation]);
      expect(res).toMatchObject({ settledThrough: 1, results: [{ no: 1, status: 'rejected', reason }] });
      expect(res.results[0]?.status === 'rejected' && res.results[0].message).toMatch(message);
      expect(contentOf(await allRows(current().db))).toEqual(contentOf(before));
    });
  });

  describe('clocks', () => {
    it('[S19] a stamp a day ahead is stored as server time; the answer carries server time', async () => {
      const d = await device();
      const ahead = change(1, { kind: 'patient', entityId: N2, patientId: N2, hlc: hlcAt(86_400_000, d.id), values: { room: 'future' } });
      const res = await push(app, d.token, d.id, [ahead]);
      expect(res.serverTime).toBe(BASE_TIME.toISOString());
      expect((await row(current().db, 'patient', N2))?.stamps.room?.h).toBe(hlcAt(0, d.id));
    });

    it('[S19] a clock a day ahead does not win a concurrent write stamped later in real time', async () => {
      const { db } = current();
      await settle(db);
      const base = (await row(db, 'patient', N2))!.version;
      const honest = await device('sol');
      const ahead = await device();
      const write = (hlc: string, bestTimeToCall: string) =>
        change(1, { kind: 'patient', entityId: N2, patientId: N2, baseVersion: base, hlc, values: { bestTimeToCall } });
      await push(app, honest.token, honest.id, [write(hlcAt(60_000, honest.id), 'Noon')]);
      const res = await push(app, ahead.token, ahead.id, [write(hlcAt(86_400_000, ahead.id), 'Midnight')]);
      expect(res.results).toEqual([{ no: 1, status: 'applied', conflicts: 1 }]);
      expect((await row(db, 'patient', N2))?.data.bestTimeToCall).toBe('Noon');
    });
  });

  describe('bad requests: 4xx for the whole batch, nothing written', () => {
    const ok = () => [patientField(1, N1, { room: 'never' })];
    it.each([
      ['no mutations', { mutations: undefined }, /^mutations: mutations is required$/],
      ['an empty batch', { mutations: [] }, /^mutations: /],
      ['too many', { mutations: Array.from({ length: PUSH_BATCH_MAX + 1 }, (_, i) => patientField(i + 1, N1, { room: 'x' })) }, /^mutations: /],
      ['a change without a clock', { mutations: [{ ...ok()[0], hlc: undefined }] }, /^mutations\.0\.hlc: mutations\.0\.hlc is required$/],
      ['a malformed clock', { mutations: [{ ...ok()[0], hlc: 'yesterday' }] }, /^mutations\.0\.hlc: not a clock stamp$/],
      ['an unknown field in a change', { mutations: [{ ...ok()[0], extra: 1 }] }, /^mutations\.0\.extra: unknown field$/],
      ['an unknown operation', { mutations: [{ ...ok()[0], op: 'upsert' }] }, /^mutations\.0\.op: /],
      ['number 0', { mutations: [{ ...ok()[0], no: 0 }] }, /^mutations\.0\.no: /],
      ['an unknown field in the batch', { since: 3 }, /^since: unknown field$/],
    ])('400 naming the field for %s', async (_name, override, message) => {
      const d = await device();
      const before = await allRows(current().db);
      const res = await pushRaw(app, d.token, { protocolVersion: PROTOCOL_VERSION, deviceId: d.id, mutations: ok(), ...override });
      expect(expectError(res, 400, 'bad_request')).toMatch(message);
      expect(await allRows(current().db)).toEqual(before);
      expect(await settledMark(current().db, d.id)).toBeNull();
    });

    it("400 naming deviceId when it is not the session's device", async () => {
      const d = await device();
      const res = await pushRaw(app, d.token, { protocolVersion: PROTOCOL_VERSION, deviceId: 'device-someone-else', mutations: ok() });
      expect(expectError(res, 400, 'bad_request')).toMatch(/^deviceId: /);
      expect(await settledMark(current().db, 'device-someone-else')).toBeNull();
    });

    it('400 unsupported_protocol for another protocol version', async () => {
      const d = await device();
      const future = { protocolVersion: PROTOCOL_VERSION + 1, deviceId: d.id, mutations: [{ shape: 'of the future' }] };
      const res = await pushRaw(app, d.token, future);
      expect(expectError(res, 400, 'unsupported_protocol')).toMatch(/update the app/);
    });

    it('401 without a session', async () => {
      const payload = { protocolVersion: PROTOCOL_VERSION, deviceId: 'device-x-0001', mutations: ok() };
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', payload });
      expectError(res, 401, 'unauthorized');
    });
  });
});

function caregiver(id: string, patientId: string) {
  return { id, patientId, name: 'Joe Neighbor', relationship: 'neighbor', phone: null, primary: false, removed: false };
}
