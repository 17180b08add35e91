/**
 * The office's Team table over HTTP, on a small hand-built data set whose expected numbers are
 * written in the tests: caseload and overdue per specialist (overdue = next contact due before
 * the server's today, a deleted patient never counted), freshness from the sync events by the
 * server's clock, "data as of" the server's time. Scope: a supervisor sees their team, an
 * administrator every specialist of the organisation, a specialist is refused, another
 * organisation's people never appear. And who an escalation may be assigned to.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { IsoDate, PatientId, UserId } from '../../../../src/domain/ids';
import { assigneesResponseSchema, teamResponseSchema, type TeamResponse } from '../../../../src/protocol/office';
import type { Dataset } from '../../seed/dataset';
import { fixtureDataset, NORTH, ORG, OTHER_ORG, otherOrgDataset, PASSWORD, patient, SOUTH } from '../../../test/fixtures';
import { expectError, signIn } from '../../../test/http';
import { fakeClock } from '../../../test/testServer';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const NOW = new Date('2026-11-20T10:30:00.000Z');
const due = (d: string | null) => ({ nextDueDate: d as IsoDate | null });

/**
 * North (Ana): n1 overdue (due yesterday), n2 due today (not overdue), n3 no due date, n4
 * overdue but deleted. South (Ben): s1 overdue, s2 due in five days. Dee, in Sol's team, is
 * disabled and left out.
 */
function teamDataset(): Dataset {
  const base = fixtureDataset();
  const patients = [
    patient('pat-n1' as PatientId, NORTH, due('2026-11-19')),
    patient('pat-n2' as PatientId, NORTH, due('2026-11-20')),
    patient('pat-n3' as PatientId, NORTH, due(null)),
    patient('pat-n4' as PatientId, NORTH, due('2026-11-01')),
    patient('pat-s1' as PatientId, SOUTH, due('2026-10-01')),
    patient('pat-s2' as PatientId, SOUTH, due('2026-11-25')),
  ];
  const dee = { id: 'user-dee' as UserId, orgId: ORG, username: 'dee', name: 'Dee Tester', role: 'specialist' as const, password: PASSWORD, territoryIds: [SOUTH], supervisorId: 'user-sol' as UserId };
  return { ...base, users: [...base.users, dee], patients, careGaps: [], appointments: [], contactPoints: [], caregivers: [], barriers: [], goals: [], rpmDevices: [], tasks: [] };
}

describeEachDb('the office team table', (current) => {
  const clock = fakeClock(NOW);
  let app: FastifyInstance;
  const tokens = { ana: '', sol: '', sue: '', ada: '', cam: '' };
  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const team = async (token: string): Promise<TeamResponse> => {
    const res = await get(token, '/api/office/team');
    expect(res.statusCode, res.body).toBe(200);
    return teamResponseSchema.parse(res.json());
  };

  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test', now: clock.now });
  });
  beforeEach(async () => {
    clock.set(NOW);
    const { db } = current();
    await current().reset();
    await loadDataset(db, teamDataset());
    await loadDataset(db, otherOrgDataset());
    await db.query("update patients set deleted = true where id = 'pat-n4'");
    await db.query("update users set disabled_at = $1 where id = 'user-dee'", [NOW]);
    const event = (at: string, user: string, kind: string, pending: number | null, skew: number | null, appVersion: string | null, org: string = ORG) =>
      db.query(
        `insert into sync_events (at, org_id, user_id, device_id, kind, pending_reported, changes, device_clock, app_version)
         values ($1, $2, $3, $4, $5, $6, 0, $7, $8)`,
        [new Date(at), org, user, `tab-${user}`, kind, pending, skew === null ? null : new Date(new Date(at).getTime() + skew * 1000), appVersion],
      );
    // Ana pulled at 08:00 and pushed at 09:15 (3 changes still unsent, clock 30 s ahead).
    await event('2026-11-20T08:00:00.000Z', 'user-ana', 'pull', 5, 30, '1.4.0');
    await event('2026-11-20T09:15:00.000Z', 'user-ana', 'push', 3, 30, '1.4.0');
    // Ben last synced three days ago, with a sealed push, and his device said nothing more.
    await event('2026-11-17T07:00:00.000Z', 'user-ben', 'sealed_push', null, null, null);
    await event('2026-11-20T09:00:00.000Z', 'user-cam', 'push', 7, 0, '1.4.0', OTHER_ORG);
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await signIn(app, name, `device-${name}-0001`);
  });
  afterAll(() => app.close());

  it("a supervisor sees one row per specialist of their team: territories, caseload, overdue, the device's freshness, as of the server's time", async () => {
    const body = await team(tokens.sol);
    expect(body.dataAsOf).toBe(NOW.toISOString());
    expect(body.today).toBe('2026-11-20');
    expect(body.staleAfterDays).toBe(2);
    expect(body.weekStart).toBe('2026-11-16');
    expect(body.members).toEqual([
      {
        id: 'user-ana', name: 'Ana Tester', territories: [{ id: NORTH, name: 'North' }],
        caseload: 3, overduePatients: 1,
        lastPushAt: '2026-11-20T09:15:00.000Z', lastPullAt: '2026-11-20T08:00:00.000Z', reportedAt: '2026-11-20T09:15:00.000Z',
        pendingReported: 3, appVersion: '1.4.0', clockSkewSeconds: 30,
        contactsThisWeek: 0, visitsThisWeek: 0, contactTarget: 40, visitTarget: 15,
      },
      {
        id: 'user-ben', name: 'Ben Tester', territories: [{ id: SOUTH, name: 'South' }],
        caseload: 2, overduePatients: 1,
        lastPushAt: '2026-11-17T07:00:00.000Z', lastPullAt: null, reportedAt: '2026-11-17T07:00:00.000Z',
        pendingReported: null, appVersion: null, clockSkewSeconds: null,
        contactsThisWeek: 0, visitsThisWeek: 0, contactTarget: 40, visitTarget: 15,
      },
    ]);
  });

  it('the numbers follow what the server accepted: a patient moved, deleted or come due changes the row', async () => {
    const { db } = current();
    await db.query("update patients set territory_id = $1 where id = 'pat-s1'", [NORTH]);
    await db.query("update patients set deleted = true where id = 'pat-n2'");
    clock.set(new Date('2026-11-26T00:00:00.000Z'));
    tokens.sol = await signIn(app, 'sol', 'device-sol-0001');
    const [ana, ben] = (await team(tokens.sol)).members;
    // North: n1 (overdue), n3 (no date), s1 (overdue); South: s2, due the 25th, now overdue.
    expect(ana).toMatchObject({ id: 'user-ana', caseload: 3, overduePatients: 2 });
    expect(ben).toMatchObject({ id: 'user-ben', caseload: 1, overduePatients: 1 });
  });

  it("contacts and visits this week: the person's signed contacts in the current ISO week (UTC), against the organisation's targets", async () => {
    const { db } = current();
    const fact = (note: string, author: string, at: string, channel: string, org: string = ORG) =>
      db.query(
        `insert into contact_facts (note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome, appointment_set,
           appointment_confirmed, portal_enrolled, rpm_setup, hra_completed, survey_completed, referral_made, education_given, teach_back_confirmed,
           gap_closed, language, age_band)
         values ($1, $2, $3, 'pat-n1', $4, $5, $6, true, 'reached', false, false, false, false, false, false, false, false, false, false, 'en', '45-64')`,
        [note, org, NORTH, author, new Date(at), channel],
      );
    // Week of Monday 2026-11-16 00:00 UTC; now is Friday the 20th, 10:30 UTC.
    await fact('c1', 'user-ana', '2026-11-16T00:00:00.000Z', 'call'); // the week's first instant: counted
    await fact('c2', 'user-ana', '2026-11-18T14:00:00.000Z', 'visit');
    await fact('c3', 'user-ana', '2026-11-20T09:00:00.000Z', 'message');
    await fact('c4', 'user-ana', '2026-11-15T23:59:59.000Z', 'visit'); // Sunday before: last week
    await fact('c5', 'user-ben', '2026-11-19T10:00:00.000Z', 'visit');
    await fact('c6', 'user-ben', '2026-11-22T23:59:59.000Z', 'visit'); // Sunday: still this week (a contact dated later today or this week)
    await fact('c7', 'user-ben', '2026-11-23T00:00:00.000Z', 'call'); // next week
    await db.query('update org_settings set weekly_contact_target = 3, weekly_visit_target = 2 where org_id = $1', [ORG]);
    const [ana, ben] = (await team(tokens.sol)).members;
    expect(ana).toMatchObject({ contactsThisWeek: 3, visitsThisWeek: 1, contactTarget: 3, visitTarget: 2 });
    expect(ben).toMatchObject({ contactsThisWeek: 2, visitsThisWeek: 2, contactTarget: 3, visitTarget: 2 });
  });

  it("a specialist is not syncing after the organisation's no-sync days", async () => {
    await current().db.query('update org_settings set alert_no_sync_days = 5 where org_id = $1', [ORG]);
    expect((await team(tokens.sol)).staleAfterDays).toBe(5);
  });

  it('an administrator reads every specialist of the organisation; a supervisor without a team gets none; a specialist is refused', async () => {
    expect((await team(tokens.ada)).members.map((m) => [m.id, m.caseload, m.overduePatients])).toEqual([
      ['user-ana', 3, 1],
      ['user-ben', 2, 1],
    ]);
    expect((await team(tokens.sue)).members).toEqual([]);
    expect((await team(tokens.cam)).members).toEqual([]);
    expectError(await get(tokens.ana, '/api/office/team'), 403, 'forbidden');
    expectError(await app.inject({ method: 'GET', url: '/api/office/team' }), 401, 'unauthorized');
    expectError(await get(tokens.sol, '/api/office/team?userId=user-cam'), 400, 'bad_request');
  });

  it('assignees: oneself, the team, then the other supervisors of the organisation; no disabled account, no one of another', async () => {
    const res = await get(tokens.sol, '/api/office/assignees');
    expect(res.statusCode, res.body).toBe(200);
    expect(assigneesResponseSchema.parse(res.json()).assignees).toEqual([
      { id: 'user-sol', name: 'Sol Tester', kind: 'self' },
      { id: 'user-ana', name: 'Ana Tester', kind: 'team' },
      { id: 'user-ben', name: 'Ben Tester', kind: 'team' },
      { id: 'user-sue', name: 'Sue Tester', kind: 'supervisor' },
    ]);
    const sue = assigneesResponseSchema.parse((await get(tokens.sue, '/api/office/assignees')).json()).assignees;
    expect(sue.map((a) => [a.id, a.kind])).toEqual([
      ['user-sue', 'self'],
      ['user-sol', 'supervisor'],
    ]);
    expectError(await get(tokens.ada, '/api/office/assignees'), 403, 'forbidden');
    expectError(await get(tokens.ana, '/api/office/assignees'), 403, 'forbidden');
    expectError(await get(tokens.sol, '/api/office/assignees?x=1'), 400, 'bad_request');
  });
});
