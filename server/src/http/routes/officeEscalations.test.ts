/**
 * The office's escalation queue over HTTP: a supervisor sees their team's escalations with
 * who raised them and how long ago, acknowledges, assigns and resolves them; each step is a
 * new version of the record that the specialist's device pulls (SYNC.md T7). Scope: a
 * supervisor sees only their team's, another organisation's never, specialists and
 * administrators are refused. A device cannot set or change the office's fields.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { PatientId } from '../../../../src/domain/ids';
import { escalationListResponseSchema, escalationStepResponseSchema, type OfficeEscalation } from '../../../../src/protocol/office';
import { fixtureDataset, NORTH_PATIENTS, otherOrgDataset, SOUTH_PATIENTS } from '../../../test/fixtures';
import { expectError, pullAll, signIn } from '../../../test/http';
import { change, push, row } from '../../../test/push';
import { fakeClock } from '../../../test/testServer';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1] = NORTH_PATIENTS as [PatientId];
const [S1] = SOUTH_PATIENTS as [PatientId];
const NOW = new Date('2026-11-20T10:30:00.000Z');
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function escalation(id: string, patientId: string, raisedAt: string, extra: Record<string, unknown> = {}) {
  return {
    id, patientId, noteId: `note-${id}`, reason: `Chest pain (${id})`, severity: 'urgent', raisedAt,
    raisedBy: 'Whoever', status: 'open', ...extra,
  };
}

describeEachDb('the office escalation queue', (current) => {
  const clock = fakeClock(NOW);
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', sue: '', ada: '', cam: '' };
  const next = { ana: 1, ben: 1 };

  /** A specialist's device raises an escalation (as signing a note does); returns the push result. */
  const raise = async (who: 'ana' | 'ben', id: string, patientId: string, raisedAt: string, extra: Record<string, unknown> = {}) => {
    const values = escalation(id, patientId, raisedAt, extra);
    const res = await push(app, tokens[who], `device-${who}-0001`, [change(next[who]++, { kind: 'escalation', entityId: id, patientId, op: 'create', values })]);
    return res.results[0];
  };
  const list = (token: string, query = '') => app.inject({ method: 'GET', url: `/api/office/escalations${query}`, headers: { authorization: `Bearer ${token}` } });
  const listed = async (token: string, query = ''): Promise<OfficeEscalation[]> => {
    const res = await list(token, query);
    expect(res.statusCode, res.body).toBe(200);
    return escalationListResponseSchema.parse(res.json()).escalations;
  };
  const act = (token: string, id: string, step: 'acknowledge' | 'assign' | 'resolve', payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/api/office/escalations/${encodeURIComponent(id)}/${step}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const stepped = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200);
    return escalationStepResponseSchema.parse(res.json());
  };
  const auditCount = async () => Number((await current().db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'update'"))[0]!.n);

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
  });
  afterAll(() => app.close());

  it("a supervisor sees the team's escalations newest first: patient, what, severity, who raised it, its age; overdue when open past the organisation's time", async () => {
    expect(await raise('ana', 'esc-a', N1, minutesBefore(90))).toMatchObject({ status: 'applied' });
    expect(await raise('ben', 'esc-b', S1, minutesBefore(30), { severity: 'emergency' })).toMatchObject({ status: 'applied' });

    const res = await list(tokens.sol);
    const body = escalationListResponseSchema.parse(res.json());
    expect(body).toMatchObject({ ackMinutes: 60, hasMore: false, serverTime: NOW.toISOString() });
    expect(body.escalations.map((e) => e.id)).toEqual(['esc-b', 'esc-a']);
    expect(body.escalations[1]).toEqual({
      id: 'esc-a', patientId: N1, patientName: `Given ${N1}`, territoryId: 'ter-north', noteId: 'note-esc-a', reason: 'Chest pain (esc-a)',
      severity: 'urgent', raisedAt: minutesBefore(90), raisedById: 'user-ana', raisedByName: 'Ana Tester', ageMinutes: 90, status: 'open',
      overdue: true, acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, assignedTo: null, assignedToName: null,
      resolvedAt: null, resolvedBy: null, resolvedByName: null, resolution: null, version: expect.any(Number),
    });
    expect(body.escalations[0]).toMatchObject({ severity: 'emergency', raisedByName: 'Ben Tester', ageMinutes: 30, overdue: false });

    await current().db.query("update org_settings set escalation_ack_minutes = 20 where org_id = 'org-1'");
    expect((await listed(tokens.sol)).map((e) => e.overdue)).toEqual([true, true]);
    // Reading the queue is recorded as reading those patients.
    const reads = await current().db.query<{ patientId: string }>("select patient_id as \"patientId\" from audit_events where action = 'read' and user_id = 'user-sol' order by 1");
    expect(new Set(reads.map((r) => r.patientId))).toEqual(new Set([N1, S1]));
  });

  it('the queue filters by status; unresolved by default; a bad filter is named', async () => {
    await raise('ana', 'esc-1', N1, minutesBefore(50));
    await raise('ana', 'esc-2', N1, minutesBefore(40));
    await raise('ben', 'esc-3', S1, minutesBefore(30));
    stepped(await act(tokens.sol, 'esc-2', 'acknowledge'));
    stepped(await act(tokens.sol, 'esc-3', 'resolve', { resolution: 'Seen by the nurse' }));
    const ids = async (q: string) => (await listed(tokens.sol, q)).map((e) => e.id);
    expect(await ids('')).toEqual(['esc-2', 'esc-1']);
    expect(await ids('?status=open')).toEqual(['esc-1']);
    expect(await ids('?status=acknowledged')).toEqual(['esc-2']);
    expect(await ids('?status=resolved')).toEqual(['esc-3']);
    expect(await ids('?status=all')).toEqual(['esc-3', 'esc-2', 'esc-1']);
    const page = escalationListResponseSchema.parse((await list(tokens.sol, '?status=all&limit=2')).json());
    expect([page.escalations.map((e) => e.id), page.hasMore]).toEqual([['esc-3', 'esc-2'], true]);
    expect(expectError(await list(tokens.sol, '?status=closed'), 400, 'bad_request')).toMatch(/^status: /);
    expect(expectError(await list(tokens.sol, '?limit=0'), 400, 'bad_request')).toMatch(/^limit: /);
    expect(expectError(await list(tokens.sol, '?sort=age'), 400, 'bad_request')).toMatch(/^sort: unknown field/);
  });

  it('scope: a supervisor of no team sees none, another organisation none; specialists and administrators are refused', async () => {
    await raise('ana', 'esc-a', N1, minutesBefore(10));
    await current().db.query(
      "insert into patient_records (kind, id, patient_id, data) values ('escalation', 'esc-e', 'pat-e1', $1::jsonb)",
      [JSON.stringify(escalation('esc-e', 'pat-e1', minutesBefore(5)))],
    );
    expect(await listed(tokens.sue)).toEqual([]);
    expect((await listed(tokens.cam)).map((e) => e.id)).toEqual([]);
    expect((await listed(tokens.sol)).map((e) => e.id)).toEqual(['esc-a']);
    expect(expectError(await list(tokens.ana), 403, 'forbidden')).toMatch(/supervisor/);
    expect(expectError(await list(tokens.ada), 403, 'forbidden')).toMatch(/supervisor/);
    expectError(await app.inject({ method: 'GET', url: '/api/office/escalations' }), 401, 'unauthorized');
  });

  it("[T7] acknowledging is a new version the specialist's device pulls, with who and when; acknowledging again changes nothing", async () => {
    const first = (await pullAll(app, tokens.ana, null)).at(-1)!.cursor;
    await raise('ana', 'esc-a', N1, minutesBefore(90));
    clock.advance(60_000);
    const res = stepped(await act(tokens.sol, 'esc-a', 'acknowledge'));
    const at = new Date(NOW.getTime() + 60_000).toISOString();
    expect(res).toMatchObject({ changed: true, escalation: { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: 'user-sol', acknowledgedByName: 'Sol Tester', overdue: false } });

    await settle(current().db);
    const pulled = (await pullAll(app, tokens.ana, first)).flatMap((p) => p.records).filter((r) => r.id === 'esc-a');
    expect(pulled.at(-1)?.data).toMatchObject({ status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: 'user-sol', acknowledgedByName: 'Sol Tester', reason: 'Chest pain (esc-a)' });
    const [audit] = await current().db.query<{ userId: string; deviceId: string; changes: { field: string }[] }>(
      "select user_id as \"userId\", device_id as \"deviceId\", changes from audit_events where action = 'update' and entity_id = 'esc-a'",
    );
    expect(audit).toMatchObject({ userId: 'user-sol', deviceId: 'device-sol-0001' });
    expect(audit!.changes.map((c) => c.field).sort()).toEqual(['acknowledgedAt', 'acknowledgedBy', 'acknowledgedByName', 'status']);
    expect((await row(current().db, 'escalation', 'esc-a'))!.stamps.status).toMatchObject({ by: 'Sol Tester', d: 'device-sol-0001' });

    const version = res.escalation.version;
    const again = stepped(await act(tokens.sol, 'esc-a', 'acknowledge', {}));
    expect(again).toMatchObject({ changed: false, escalation: { acknowledgedAt: at, version } });
    expect(await auditCount()).toBe(1);
  });

  it('assigning names a person: oneself, someone of the team or another supervisor; anyone else is refused naming userId', async () => {
    await raise('ben', 'esc-b', S1, minutesBefore(10));
    expect(stepped(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-ben' })).escalation).toMatchObject({
      status: 'acknowledged', assignedTo: 'user-ben', assignedToName: 'Ben Tester', acknowledgedBy: 'user-sol',
    });
    expect(stepped(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-sue' })).escalation).toMatchObject({ assignedTo: 'user-sue', assignedToName: 'Sue Tester' });
    expect(stepped(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-sol' })).escalation).toMatchObject({ assignedTo: 'user-sol' });
    expect(stepped(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-sol' })).changed).toBe(false);
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-ada' }), 400, 'bad_request')).toMatch(/^userId: assign to yourself/);
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-cam' }), 400, 'bad_request')).toMatch(/^userId: no such person/);
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-nobody' }), 400, 'bad_request')).toMatch(/^userId: no such person/);
    await current().db.query("update users set disabled_at = now() where id = 'user-sue'");
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-sue' }), 400, 'bad_request')).toMatch(/^userId: this account is disabled/);
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', {}), 400, 'bad_request')).toMatch(/^userId: userId is required/);
    expect(expectError(await act(tokens.sol, 'esc-b', 'assign', { userId: 'user-ben', note: 'x' }), 400, 'bad_request')).toMatch(/^note: unknown field/);
  });

  it('resolving needs a note; a resolved escalation is final (409 conflict) for every step', async () => {
    await raise('ana', 'esc-a', N1, minutesBefore(10));
    expect(expectError(await act(tokens.sol, 'esc-a', 'resolve', {}), 400, 'bad_request')).toMatch(/^resolution: /);
    expect(expectError(await act(tokens.sol, 'esc-a', 'resolve', { resolution: '   ' }), 400, 'bad_request')).toMatch(/^resolution: a note of what was done/);
    expect(expectError(await act(tokens.sol, 'esc-a', 'resolve', { resolution: 'x'.repeat(2001) }), 400, 'bad_request')).toMatch(/^resolution: /);
    const done = stepped(await act(tokens.sol, 'esc-a', 'resolve', { resolution: ' Called 911; admitted to Salem Hospital ' }));
    expect(done.escalation).toMatchObject({ status: 'resolved', resolution: 'Called 911; admitted to Salem Hospital', resolvedBy: 'user-sol', resolvedByName: 'Sol Tester', acknowledgedBy: 'user-sol' });
    const before = await row(current().db, 'escalation', 'esc-a');
    for (const [step, payload] of [['acknowledge', undefined], ['assign', { userId: 'user-ben' }], ['resolve', { resolution: 'Again' }]] as const) {
      expect(expectError(await act(tokens.sol, 'esc-a', step, payload), 409, 'conflict')).toMatch(/already resolved/);
    }
    expect(await row(current().db, 'escalation', 'esc-a')).toEqual(before);
  });

  it("an escalation outside the supervisor's team, of another organisation or unknown is not found; specialists and administrators are forbidden", async () => {
    await raise('ana', 'esc-a', N1, minutesBefore(10));
    const before = await row(current().db, 'escalation', 'esc-a');
    expect(expectError(await act(tokens.sue, 'esc-a', 'acknowledge'), 404, 'not_found')).toBe('No such escalation in your team');
    expect(expectError(await act(tokens.cam, 'esc-a', 'acknowledge'), 404, 'not_found')).toBe('No such escalation in your team');
    expectError(await act(tokens.sol, 'esc-nothing', 'acknowledge'), 404, 'not_found');
    expectError(await act(tokens.sol, 'x'.repeat(101), 'acknowledge'), 404, 'not_found');
    expectError(await act(tokens.sol, `task-${N1}`, 'acknowledge'), 404, 'not_found');
    expect(expectError(await act(tokens.ana, 'esc-a', 'acknowledge'), 403, 'forbidden')).toMatch(/supervisor/);
    expect(expectError(await act(tokens.ada, 'esc-a', 'resolve', { resolution: 'Fine' }), 403, 'forbidden')).toMatch(/supervisor/);
    expect(await row(current().db, 'escalation', 'esc-a')).toEqual(before);
  });

  it('[T7] a device cannot set or change the status, acknowledgement, assignment or resolution', async () => {
    expect(await raise('ana', 'esc-f1', N1, minutesBefore(5), { status: 'resolved' })).toMatchObject({
      status: 'rejected', reason: 'forbidden_kind', message: 'status: only the office sets this, not a device',
    });
    expect(await raise('ana', 'esc-f2', N1, minutesBefore(5), { acknowledgedBy: 'user-ana', acknowledgedByName: 'Ana', acknowledgedAt: minutesBefore(1) })).toMatchObject({
      status: 'rejected', reason: 'forbidden_kind', message: expect.stringMatching(/^acknowledged\w*: only the office/),
    });
    expect(await raise('ana', 'esc-f3', N1, minutesBefore(5), { raisedById: 'user-ben' })).toMatchObject({ status: 'rejected', reason: 'invalid', message: expect.stringMatching(/^raisedById: /) });
    expect(await row(current().db, 'escalation', 'esc-f1')).toBeUndefined();

    await raise('ana', 'esc-a', N1, minutesBefore(5));
    stepped(await act(tokens.sol, 'esc-a', 'acknowledge'));
    const stored = await row(current().db, 'escalation', 'esc-a');
    const update = (values: Record<string, unknown>) =>
      push(app, tokens.ana, 'device-ana-0001', [change(next.ana++, { kind: 'escalation', entityId: 'esc-a', patientId: N1, baseVersion: stored!.version, values })]);
    for (const values of [{ status: 'open' }, { resolution: 'Done', resolvedAt: minutesBefore(0) }, { assignedTo: 'user-ana', assignedToName: 'Ana Tester' }, { acknowledgedBy: null }]) {
      const [result] = (await update(values)).results;
      expect(result).toMatchObject({ status: 'rejected', reason: 'forbidden_kind', message: expect.stringMatching(/^\w+: only the office sets this, not a device$/) });
    }
    expect((await update({ reason: 'Something else' })).results[0]).toMatchObject({ status: 'rejected', reason: 'invalid', message: 'reason: cannot be changed' });
    // Sending the office's values back as they are is no forgery.
    expect((await update({ status: 'acknowledged', acknowledgedBy: 'user-sol' })).results[0]).toMatchObject({ status: 'applied' });
    expect((await row(current().db, 'escalation', 'esc-a'))!.data).toEqual(stored!.data);
    const del = await push(app, tokens.ana, 'device-ana-0001', [change(next.ana++, { kind: 'escalation', entityId: 'esc-a', patientId: N1, op: 'delete', baseVersion: stored!.version })]);
    expect(del.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_kind' });
  });

  it('an escalation written before the office steps existed is listed and worked; what it held is kept', async () => {
    const old = { id: 'esc-old', patientId: S1, noteId: 'note-old', reason: 'Fell at home', severity: 'urgent', raisedAt: minutesBefore(120), raisedBy: 'Ben Tester', status: 'open' };
    await current().db.query("insert into patient_records (kind, id, patient_id, data) values ('escalation', 'esc-old', $1, $2::jsonb)", [S1, JSON.stringify(old)]);
    const [shown] = await listed(tokens.sol);
    expect(shown).toMatchObject({ id: 'esc-old', raisedById: null, raisedByName: 'Ben Tester', status: 'open', overdue: true, acknowledgedAt: null, resolution: null });
    const res = stepped(await act(tokens.sol, 'esc-old', 'resolve', { resolution: 'Daughter took her to urgent care' }));
    expect(res.escalation).toMatchObject({ status: 'resolved', reason: 'Fell at home', raisedByName: 'Ben Tester' });
    expect((await row(current().db, 'escalation', 'esc-old'))!.data).toMatchObject({ ...old, status: 'resolved', resolution: 'Daughter took her to urgent care' });
  });
});
