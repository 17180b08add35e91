/**
 * The office's note review over HTTP: a supervisor lists the signed notes of their team in a
 * range of days (audited reads), opens one with its addenda, and adds a review (co-sign) that
 * is a new addendum record, audited, authored by their session, which the author's device
 * pulls. Scope: only the team's signed notes; another team's supervisor, another organisation,
 * a specialist and an administrator are refused; a draft is never shown; a device cannot write
 * a review itself.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import { reviewListResponseSchema, reviewNoteResponseSchema, reviewResponseSchema, type ReviewNoteSummary } from '../../../../src/protocol/officeReview';
import { fixtureDataset, NORTH_PATIENTS, otherOrgDataset, SOUTH_PATIENTS } from '../../../test/fixtures';
import { expectError, pullAll, signIn } from '../../../test/http';
import { change, hlcAt, push, row, sealed, BASE_TIME } from '../../../test/push';
import { fakeClock } from '../../../test/testServer';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const [S1] = SOUTH_PATIENTS as [PatientId];
const NOW = new Date('2026-12-07T15:00:00.000Z');
/** The devices write at NOW (the push judges a contact's time against the change's own clock). */
const AT_NOW = { hlc: hlcAt(NOW.getTime() - BASE_TIME.getTime(), 'node-test'), at: NOW.toISOString() };

function note(id: string, patientId: PatientId, author: 'ana' | 'ben', contactAt: string, extra: Partial<ContactNote> = {}): ContactNote {
  const at = contactAt as IsoDateTime;
  const base: ContactNote = {
    id: id as NoteId, patientId, authorId: `user-${author}` as UserId, authorName: 'Whoever', status: 'signed', mode: 'home_visit',
    contactAt: at, durationMinutes: 20, outcome: 'reached', activities: [], text: `Visited; blood pressure 150/95 (${id}).`,
    followUps: [], escalation: null, createdAt: at, updatedAt: at, signedAt: at, fromTaskId: null, contentHash: null, enteredInError: null,
    ...extra,
  };
  return base.status === 'signed' ? sealed(base) : base;
}

describeEachDb('the office note review', (current) => {
  const clock = fakeClock(NOW);
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', sue: '', ada: '', cam: '' };
  const next = { ana: 1, ben: 1 };

  const write = async (who: 'ana' | 'ben', n: ContactNote) => {
    const res = await push(app, tokens[who], `device-${who}-0001`, [change(next[who]++, { kind: 'note', entityId: n.id, patientId: n.patientId, op: 'create', values: { ...n }, ...AT_NOW })]);
    expect(res.results[0], JSON.stringify(res.results[0])).toMatchObject({ status: 'applied' });
  };
  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const listed = async (token: string, query = '?from=2026-12-01&to=2026-12-07'): Promise<ReviewNoteSummary[]> => {
    const res = await get(token, `/api/office/notes${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return reviewListResponseSchema.parse(res.json()).notes;
  };
  const review = (token: string, id: string, payload: unknown) =>
    app.inject({ method: 'POST', url: `/api/office/notes/${encodeURIComponent(id)}/review`, headers: { authorization: `Bearer ${token}` }, payload: payload as object });

  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test', now: clock.now });
  });
  beforeEach(async () => {
    clock.set(NOW);
    await current().reset();
    await loadDataset(current().db, fixtureDataset());
    await loadDataset(current().db, otherOrgDataset());
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await signIn(app, name, `device-${name}-0001`);
    next.ana = 1;
    next.ben = 1;
    await write('ana', note('note-a1', N1, 'ana', '2026-12-03T10:00:00.000Z', { text: `  Long   visit.\n\n${'x'.repeat(300)}` }));
    await write('ana', note('note-a2', N2, 'ana', '2026-12-06T09:00:00.000Z', { mode: 'phone_call', outcome: 'no_answer' }));
    await write('ben', note('note-b1', S1, 'ben', '2026-12-05T11:00:00.000Z'));
    await write('ana', note('note-draft', N1, 'ana', '2026-12-04T10:00:00.000Z', { status: 'draft', signedAt: null }));
    await write('ana', note('note-old', N1, 'ana', '2026-11-20T10:00:00.000Z'));
  });
  afterAll(() => app.close());

  it("lists the team's signed notes in the range, newest contact first, with author, patient, mode, outcome and a short summary; each patient read is audited", async () => {
    const notes = await listed(tokens.sol);
    expect(notes.map((n) => n.id)).toEqual(['note-a2', 'note-b1', 'note-a1']);
    expect(notes[0]).toMatchObject({
      patientId: N2, patientName: `Given ${N2}`, authorId: 'user-ana', authorName: 'Ana Tester', contactAt: '2026-12-06T09:00:00.000Z',
      mode: 'phone_call', outcome: 'no_answer', summary: 'Visited; blood pressure 150/95 (note-a2).', reviewed: false, reviewedAt: null, cosigned: false,
    });
    expect(notes[2]!.summary).toMatch(/^Long visit\. x+…$/);
    expect(notes[2]!.summary.length).toBe(160);
    const reads = await current().db.query<{ patientId: string }>("select patient_id as \"patientId\" from audit_events where action = 'read' and user_id = 'user-sol' order by 1");
    expect(reads.map((r) => r.patientId)).toEqual([N1, N2, S1].sort());

    expect((await listed(tokens.sol, '?from=2026-12-01&to=2026-12-07&authorId=user-ben')).map((n) => n.id)).toEqual(['note-b1']);
    expect((await listed(tokens.sol, '?from=2026-12-05&to=2026-12-05')).map((n) => n.id)).toEqual(['note-b1']);
    const page = await get(tokens.sol, '/api/office/notes?from=2026-12-01&to=2026-12-07&limit=2');
    expect(reviewListResponseSchema.parse(page.json())).toMatchObject({ hasMore: true, notes: [{ id: 'note-a2' }, { id: 'note-b1' }] });
    const rest = reviewListResponseSchema.parse((await get(tokens.sol, '/api/office/notes?from=2026-12-01&to=2026-12-07&limit=2&offset=2')).json());
    expect(rest).toMatchObject({ hasMore: false, notes: [{ id: 'note-a1' }] });
  });

  it('refuses a bad query naming the field, and changes nothing', async () => {
    expect(expectError(await get(tokens.sol, '/api/office/notes?from=2026-12-07&to=2026-12-01'), 400, 'bad_request')).toMatch(/^to: from must not be after to/);
    expect(expectError(await get(tokens.sol, '/api/office/notes?from=2026-12-01'), 400, 'bad_request')).toMatch(/^to: /);
    expect(expectError(await get(tokens.sol, '/api/office/notes?from=2026-12-01&to=2026-12-07&reviewed=maybe'), 400, 'bad_request')).toMatch(/^reviewed: /);
    expect(expectError(await get(tokens.sol, '/api/office/notes?from=2026-12-01&to=2026-12-07&patient=x'), 400, 'bad_request')).toMatch(/^patient: unknown field/);
  });

  it("only a supervisor of the team: another team's supervisor sees none, another organisation none, a specialist and an admin are refused", async () => {
    expect(await listed(tokens.sue)).toEqual([]);
    expect(await listed(tokens.cam)).toEqual([]);
    expect(expectError(await get(tokens.ana, '/api/office/notes?from=2026-12-01&to=2026-12-07'), 403, 'forbidden')).toMatch(/supervisor/);
    expect(expectError(await get(tokens.ada, '/api/office/notes?from=2026-12-01&to=2026-12-07'), 403, 'forbidden')).toMatch(/supervisor/);
    expectError(await app.inject({ method: 'GET', url: '/api/office/notes?from=2026-12-01&to=2026-12-07' }), 401, 'unauthorized');

    expectError(await get(tokens.sue, '/api/office/notes/note-a1'), 404, 'not_found');
    expectError(await get(tokens.cam, '/api/office/notes/note-a1'), 404, 'not_found');
    expectError(await get(tokens.ana, '/api/office/notes/note-a1'), 403, 'forbidden');
    expectError(await review(tokens.sue, 'note-a1', { text: 'Looks fine', cosign: true }), 404, 'not_found');
    expectError(await review(tokens.ben, 'note-a1', { text: 'Looks fine', cosign: true }), 403, 'forbidden');
    expectError(await review(tokens.ada, 'note-a1', { text: 'Looks fine', cosign: true }), 403, 'forbidden');
    expect(await current().db.query("select 1 from patient_records where kind = 'addendum'")).toEqual([]);
  });

  it('opens one signed note in full with its addenda (an audited read); a draft is not shown', async () => {
    const res = await get(tokens.sol, '/api/office/notes/note-b1');
    expect(res.statusCode, res.body).toBe(200);
    const body = reviewNoteResponseSchema.parse(res.json());
    expect(body).toMatchObject({ patientName: `Given ${S1}`, note: { id: 'note-b1', text: 'Visited; blood pressure 150/95 (note-b1).', status: 'signed' }, addenda: [] });
    const reads = await current().db.query("select entity_kind, entity_id, patient_id from audit_events where action = 'read' and user_id = 'user-sol'");
    expect(reads).toEqual([{ entity_kind: 'note', entity_id: 'note-b1', patient_id: S1 }]);
    expectError(await get(tokens.sol, '/api/office/notes/note-draft'), 404, 'not_found');
    expectError(await get(tokens.sol, '/api/office/notes/no-such-note'), 404, 'not_found');
    expectError(await review(tokens.sol, 'note-draft', { text: 'Looks fine', cosign: false }), 404, 'not_found');
  });

  it("a review is an addendum by the supervisor (from the session, not the body), audited, marked co-signed, that the author's device pulls; the note is unchanged", async () => {
    const first = (await pullAll(app, tokens.ana, null)).at(-1)!.cursor;
    const noteBefore = (await row(current().db, 'note', 'note-a1'))!;
    const res = await review(tokens.sol, 'note-a1', { text: '  Good plan; recheck BP in a week.  ', cosign: true });
    expect(res.statusCode, res.body).toBe(200);
    const { addendum } = reviewResponseSchema.parse(res.json());
    expect(addendum).toMatchObject({
      noteId: 'note-a1', patientId: N1, authorId: 'user-sol', authorName: 'Sol Tester', at: NOW.toISOString(),
      text: 'Good plan; recheck BP in a week.', review: { cosign: true },
    });
    expect((await row(current().db, 'note', 'note-a1'))!.data).toEqual(noteBefore.data);
    const [audit] = await current().db.query<{ userId: string; deviceId: string; entityKind: string; patientId: string }>(
      "select user_id as \"userId\", device_id as \"deviceId\", entity_kind as \"entityKind\", patient_id as \"patientId\" from audit_events where action = 'create' and entity_id = $1",
      [addendum.id],
    );
    expect(audit).toEqual({ userId: 'user-sol', deviceId: 'device-sol-0001', entityKind: 'addendum', patientId: N1 });

    await settle(current().db);
    const pulled = (await pullAll(app, tokens.ana, first)).flatMap((p) => p.records).filter((r) => r.id === addendum.id);
    expect(pulled.at(-1)?.data).toMatchObject({ noteId: 'note-a1', authorName: 'Sol Tester', review: { cosign: true } });

    const detail = reviewNoteResponseSchema.parse((await get(tokens.sol, '/api/office/notes/note-a1')).json());
    expect(detail.addenda).toEqual([addendum]);
    const listedNow = await listed(tokens.sol);
    expect(listedNow.find((n) => n.id === 'note-a1')).toMatchObject({ reviewed: true, reviewedAt: NOW.toISOString(), cosigned: true });
    expect((await listed(tokens.sol, '?from=2026-12-01&to=2026-12-07&reviewed=unreviewed')).map((n) => n.id)).toEqual(['note-a2', 'note-b1']);
  });

  it("refuses empty text, a body naming another author, and a note entered in error, with clear messages; nothing is written", async () => {
    expect(expectError(await review(tokens.sol, 'note-a1', { text: '   ', cosign: true }), 400, 'bad_request')).toMatch(/^text: the review needs some text/);
    expect(expectError(await review(tokens.sol, 'note-a1', { text: 'Fine' }), 400, 'bad_request')).toMatch(/^cosign: /);
    expect(expectError(await review(tokens.sol, 'note-a1', { text: 'Fine', cosign: true, authorId: 'user-ana' }), 400, 'bad_request')).toMatch(/^authorId: unknown field/);
    const marked = { status: 'entered_in_error', enteredInError: { at: NOW.toISOString(), by: 'Ana Tester', byId: 'user-ana', reason: 'Wrong patient' } };
    const res = await push(app, tokens.ana, 'device-ana-0001', [change(next.ana++, { kind: 'note', entityId: 'note-a2', patientId: N2, op: 'update', values: marked, ...AT_NOW })]);
    expect(res.results[0]).toMatchObject({ status: 'applied' });
    expect(expectError(await review(tokens.sol, 'note-a2', { text: 'Fine', cosign: false }), 409, 'conflict')).toMatch(/entered in error/);
    expect(await current().db.query("select 1 from patient_records where kind = 'addendum'")).toEqual([]);
  });

  it("a device cannot write a review itself: the office's field is refused on push", async () => {
    const values = { id: 'add-1', noteId: 'note-a1', patientId: N1, authorId: 'user-ana', authorName: 'Ana Tester', at: NOW.toISOString(), text: 'Self-approved', review: { cosign: true } };
    const res = await push(app, tokens.ana, 'device-ana-0001', [change(next.ana++, { kind: 'addendum', entityId: 'add-1', patientId: N1, op: 'create', values, ...AT_NOW })]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/^review: only the office/) });
    const plain = { ...values, id: 'add-2', text: 'A correction' };
    delete (plain as { review?: unknown }).review;
    const ok = await push(app, tokens.ana, 'device-ana-0001', [change(next.ana++, { kind: 'addendum', entityId: 'add-2', patientId: N1, op: 'create', values: plain, ...AT_NOW })]);
    expect(ok.results[0]).toMatchObject({ status: 'applied' });
  });
});
