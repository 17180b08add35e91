/**
 * `GET /api/office/overview` over HTTP, on notes written the way devices write them (the push):
 * a draft counts once signed and stops counting once entered in error; a supervisor sees their
 * team's numbers only; specialists are refused; the range is checked.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import { overviewResponseSchema } from '../../../../src/protocol/officeMetrics';
import type { Mutation } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS, otherOrgDataset } from '../../../test/fixtures';
import { expectError, signIn } from '../../../test/http';
import { BASE_TIME, change, push, sealed } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const AT = BASE_TIME.toISOString() as IsoDateTime;
const DAY = AT.slice(0, 10);

function draft(id: string, patientId: PatientId, outcome: ContactNote['outcome']): ContactNote {
  return {
    id: id as NoteId,
    patientId,
    authorId: 'user-ana' as UserId,
    authorName: 'Ana Tester',
    status: 'draft',
    mode: 'phone_call',
    contactAt: AT,
    durationMinutes: 10,
    outcome,
    activities: [{ kind: 'rpm', device: 'bp_cuff', action: 'setup' }],
    text: 'Called.',
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

describeEachDb('the office overview', (current) => {
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', sue: '', cam: '' };
  let next = 1;

  const send = async (noteId: string, patientId: PatientId, op: Mutation['op'], values: Record<string, unknown>) => {
    const res = await push(app, tokens.ana, 'device-ana-0001', [change(next++, { kind: 'note', entityId: noteId, patientId, op, values })]);
    expect(res.results[0]).toMatchObject({ status: 'applied' });
  };
  const get = (token: string, query = `from=${DAY}&to=${DAY}`) =>
    app.inject({ method: 'GET', url: `/api/office/overview?${query}`, headers: { authorization: `Bearer ${token}` } });
  const totals = async (token: string) => {
    const res = await get(token);
    expect(res.statusCode, res.body).toBe(200);
    return overviewResponseSchema.parse(res.json()).totals;
  };

  beforeAll(async () => {
    await current().reset();
    await loadDataset(current().db, fixtureDataset());
    await loadDataset(current().db, otherOrgDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await signIn(app, name, `device-${name}-0001`);
  });
  afterAll(() => app.close());

  it('counts signed notes from the moment they are signed until they are entered in error', async () => {
    const base = await totals(tokens.sol);
    const a = draft('note-ov-a', N1, 'reached');
    const b = draft('note-ov-b', N2, 'no_answer');
    await send(a.id, N1, 'create', { ...a });
    await send(b.id, N2, 'create', { ...sealed({ ...b, status: 'signed', signedAt: AT }) });
    expect((await totals(tokens.sol)).contactsAttempted - base.contactsAttempted).toBe(1);

    const signed = sealed({ ...a, status: 'signed', signedAt: AT });
    await send(a.id, N1, 'update', { status: signed.status, signedAt: signed.signedAt, contentHash: signed.contentHash });
    const after = await totals(tokens.sol);
    expect(after.contactsAttempted - base.contactsAttempted).toBe(2);
    expect(after.contactsReached - base.contactsReached).toBe(1);
    expect(after.rpmSetups - base.rpmSetups).toBe(2);

    await send(a.id, N1, 'update', { status: 'entered_in_error', enteredInError: { at: AT, by: 'Ana Tester', reason: 'Wrong patient' } });
    const marked = await totals(tokens.sol);
    expect(marked.contactsAttempted - base.contactsAttempted).toBe(1);
    expect(marked.contactsReached - base.contactsReached).toBe(0);
  });

  it("shows a supervisor their team's numbers only, and refuses specialists", async () => {
    expect((await totals(tokens.sol)).contactsAttempted).toBeGreaterThan(0);
    expect((await totals(tokens.sue)).contactsAttempted).toBe(0);
    expect((await totals(tokens.cam)).contactsAttempted).toBe(0);
    expectError(await get(tokens.ana), 403, 'forbidden');
    expectError(await get(tokens.ben), 403, 'forbidden');
  });

  it('answers with the server clock, the follow-up window and names on the rows', async () => {
    const res = await get(tokens.sol, `from=${DAY}&to=${DAY}&followUpDays=14`);
    expect(res.statusCode, res.body).toBe(200);
    // Parsed with the app's own wire schema: what the server sends is what the screens read.
    const body = overviewResponseSchema.parse(res.json());
    expect([body.dataAsOf, body.followUpDays]).toEqual([BASE_TIME.toISOString(), 14]);
    expect(body.byTerritory.map((t) => [t.territoryId, t.name])).toEqual([['ter-north', 'North']]);
    expect(body.bySpecialist.map((s) => [s.authorId, s.name])).toEqual([['user-ana', 'Ana Tester']]);
    expect(Object.keys(body.totals)).toEqual(expect.arrayContaining(['noShows', 'noShowsFollowedUp', 'satisfactionResponses', 'satisfactionAverage']));
    expect(Array.isArray(body.gapsClosedByMeasure)).toBe(true);
    expect(overviewResponseSchema.parse((await get(tokens.sol)).json()).followUpDays).toBe(7);
  });

  it('checks the follow-up window', async () => {
    for (const days of ['0', '61', '7.5', 'seven', '', '-1', '007']) {
      expectError(await get(tokens.sol, `from=${DAY}&to=${DAY}&followUpDays=${days}`), 400, 'bad_request');
    }
    expectError(await get(tokens.sol, `from=${DAY}&to=${DAY}&followUpDays=3&followUpDays=4`), 400, 'bad_request');
    expect((await get(tokens.sol, `from=${DAY}&to=${DAY}&followUpDays=60`)).statusCode).toBe(200);
  });

  it('checks the range', async () => {
    expectError(await get(tokens.sol, 'from=2026-02-01&to=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, 'from=2024-01-01&to=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, 'from=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, `from=${DAY}&to=${DAY}&territoryId=ter-south`), 400, 'bad_request');
  });
});
