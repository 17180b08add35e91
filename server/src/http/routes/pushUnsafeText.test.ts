/**
 * One bad value must not stop a device's sync (S7): text the database cannot store (a NUL
 * character, half of a surrogate pair) refuses only the change that carries it, naming the
 * field; the rest of the batch applies, and the scope still downloads. The same text in the
 * request's own fields is a 400 that names the field.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import { PROTOCOL_VERSION } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS } from '../../../test/fixtures';
import { expectError, pullAll, signIn } from '../../../test/http';
import { BASE_TIME, change, push, pushRaw, row, settledMark } from '../../../test/push';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const AT = BASE_TIME.toISOString() as IsoDateTime;

function draft(id: string, text: string): ContactNote {
  return {
    id: id as NoteId,
    patientId: N1,
    authorId: 'user-ana' as UserId,
    authorName: 'Ana Tester',
    status: 'draft',
    mode: 'home_visit',
    contactAt: AT,
    durationMinutes: 20,
    outcome: 'reached',
    activities: [],
    text,
    followUps: [],
    escalation: null,
    createdAt: AT,
    updatedAt: AT,
    signedAt: null,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  };
}

const goal = (id: string, text: string) => ({ id, patientId: N2, text, status: 'active', setOn: '2026-11-20', targetDate: null });

describeEachDb('push with text the database cannot store (S7)', (current) => {
  let app: FastifyInstance;
  let token = '';
  const deviceId = 'device-ana-unsafe';

  beforeAll(async () => {
    await loadDataset(current().db, fixtureDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    token = await signIn(app, 'ana', deviceId);
  });
  afterAll(() => app.close());

  it('[S7] a NUL in a note and a cut-off emoji in a goal are refused on their own, naming the field; the other changes apply', async () => {
    const res = await push(app, token, deviceId, [
      change(1, { kind: 'patient', entityId: N1, patientId: N1, values: { accessNotes: 'Ring twice 🔔' } }),
      change(2, { kind: 'note', entityId: 'note-nul', patientId: N1, op: 'create', values: { ...draft('note-nul', 'Took her\u0000 pressure') } }),
      change(3, { kind: 'goal', entityId: 'goal-ok', patientId: N2, op: 'create', values: goal('goal-ok', 'Walk every day 🚶') }),
      change(4, { kind: 'goal', entityId: 'goal-cut', patientId: N2, op: 'create', values: goal('goal-cut', 'Walk every day \uD83D') }),
    ]);

    expect(res.settledThrough).toBe(4);
    expect(res.results).toEqual([
      { no: 1, status: 'applied', conflicts: 0 },
      { no: 2, status: 'rejected', reason: 'invalid', message: 'text: contains a NUL character, which cannot be stored' },
      { no: 3, status: 'applied', conflicts: 0 },
      {
        no: 4,
        status: 'rejected',
        reason: 'invalid',
        message: 'text: contains half of a character (a cut-off emoji?), which cannot be stored',
      },
    ]);
    expect((await row(current().db, 'patient', N1))?.data.accessNotes).toBe('Ring twice 🔔');
    expect((await row(current().db, 'goal', 'goal-ok'))?.data.text).toBe('Walk every day 🚶');
    expect(await row(current().db, 'note', 'note-nul')).toBeUndefined();
    expect(await row(current().db, 'goal', 'goal-cut')).toBeUndefined();
    expect(await settledMark(current().db, deviceId)).toBe(4);
  });

  it('[S7] a resend of the batch is answered the same, and nothing is applied twice', async () => {
    const again = await push(app, token, deviceId, [
      change(2, { kind: 'note', entityId: 'note-nul', patientId: N1, op: 'create', values: { ...draft('note-nul', 'Took her\u0000 pressure') } }),
    ]);
    expect(again.results).toEqual([
      { no: 2, status: 'rejected', reason: 'invalid', message: 'text: contains a NUL character, which cannot be stored' },
    ]);
  });

  it('[S7] bad text in a nested value or a field name is refused with its path', async () => {
    const res = await push(app, token, deviceId, [
      change(5, {
        kind: 'note',
        entityId: 'note-deep',
        patientId: N1,
        op: 'create',
        values: { ...draft('note-deep', 'ok'), activities: [{ kind: 'education', topic: 'Diet\u0000', materialGiven: false, teachBack: null }] },
      }),
      change(6, { kind: 'patient', entityId: N1, patientId: N1, values: { ['room\uDC00']: '3' } }),
    ]);
    expect(res.results).toEqual([
      { no: 5, status: 'rejected', reason: 'invalid', message: 'activities.0.topic: contains a NUL character, which cannot be stored' },
      {
        no: 6,
        status: 'rejected',
        reason: 'invalid',
        message: 'room\\udc00: the field name contains half of a character (a cut-off emoji?), which cannot be stored',
      },
    ]);
  });

  it('the scope still downloads after the refusals, with the changes that applied', async () => {
    await settle(current().db);
    const pages = await pullAll(app, token, null);
    const records = pages.flatMap((p) => p.records);
    expect(records.find((r) => r.kind === 'goal' && r.id === 'goal-ok')?.data).toMatchObject({ text: 'Walk every day 🚶' });
    expect(records.find((r) => r.kind === 'patient' && r.id === N1)?.data).toMatchObject({ accessNotes: 'Ring twice 🔔' });
    expect(records.some((r) => r.id === 'note-nul' || r.id === 'goal-cut')).toBe(false);
  });

  it('bad text in the request itself is a 400 that names the field', async () => {
    const bad = { ...change(7, { kind: 'patient', entityId: `${N1}\u0000`, patientId: N1, values: { room: '3' } }) };
    const res = await pushRaw(app, token, { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: [bad] });
    expect(expectError(res, 400, 'bad_request')).toBe('mutations.0.entityId: contains a NUL character, which cannot be stored');
  });
});

