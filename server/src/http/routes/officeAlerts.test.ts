/**
 * The office's alerts over HTTP (docs/METRICS.md "Alerts"), on a small hand-built data set
 * whose expected alerts are written in the tests, on PGlite and PostgreSQL.
 *
 * Now: Thursday 2026-11-19 12:00 UTC; the ISO week began Monday the 16th (3.5 days: half a
 * week). Sol supervises Ana (North) and Ben (South). Thresholds are the defaults: no sync for
 * more than 2 days, contacts below 50 % of the expected, unreached for more than 30 days,
 * escalations acknowledged within 60 minutes.
 *
 * - Ana pushed at 08:00 today; Ben last pulled Monday 09:00 (3 days 3 h ago): Ben has not
 *   synced, since Wednesday 09:00.
 * - Ana made 124 contacts in the four weeks before this one (usual week 31, so 15.5 expected
 *   by now; 50 % is 7.75) and 7 this week: a drop. Ben made 36 (usual week 9: under the
 *   minimum of 10, never judged) and none this week.
 * - pat-n1 (Ana's contacts, all reached, this week): reached. pat-n2: reached Oct 1 10:00,
 *   then two attempts: 49 days unreached, since Oct 31 10:00. pat-n3: never reached, first
 *   attempt Oct 10 10:00, then one more: 40 days, since Nov 9 10:00. pat-s1: one attempt,
 *   Nov 1: 18 days, not yet. pat-s2 (Ben's contacts, reached): reached. A deleted patient
 *   reached long ago is never an alert.
 * - Escalations: e1 on pat-n1 raised 90 minutes ago, open: an alert since 30 minutes ago; e2
 *   raised 30 minutes ago (not yet); e3 raised 5 hours ago but acknowledged.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { alertsResponseSchema, alertStepResponseSchema, type AlertsResponse } from '../../../../src/protocol/officeAlerts';
import { fixtureDataset, NORTH, ORG, otherOrgDataset, SOUTH } from '../../../test/fixtures';
import { expectError, signIn } from '../../../test/http';
import { fakeClock } from '../../../test/testServer';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const NOW = new Date('2026-11-19T12:00:00.000Z');
const BEN_LAST_SYNC = '2026-11-16T09:00:00.000Z';

describeEachDb('the office alerts', (current) => {
  const clock = fakeClock(NOW);
  let app: FastifyInstance;
  const tokens = { ana: '', sol: '', sue: '', ada: '', cam: '' };
  const get = (token: string, url = '/api/office/alerts') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const post = (token: string, step: 'done' | 'snooze', payload: object) =>
    app.inject({ method: 'POST', url: `/api/office/alerts/${step}`, headers: { authorization: `Bearer ${token}` }, payload });
  const alerts = async (token = tokens.sol): Promise<AlertsResponse> => {
    const res = await get(token);
    expect(res.statusCode, res.body).toBe(200);
    return alertsResponseSchema.parse(res.json());
  };
  const keys = async (token = tokens.sol) => (await alerts(token)).alerts.map((a) => a.key);
  const signInAll = async () => {
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await signIn(app, name, `device-${name}-0001`);
  };

  /** `count` contacts by `author` on `patient`, the i-th at `start` + (i mod `spreadDays`) days + i minutes. */
  const facts = (prefix: string, author: string, patient: string, territory: string, start: string, count: number, reached: boolean, spreadDays = 1) =>
    current().db.query(
      `insert into contact_facts (note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome, appointment_set,
         appointment_confirmed, portal_enrolled, rpm_setup, hra_completed, survey_completed, referral_made, education_given, teach_back_confirmed,
         gap_closed, language, age_band)
       select $1 || i, $2, $3, $4, $5, $6::timestamptz + (i % $9) * interval '1 day' + i * interval '1 minute', 'call', $7, null,
              false, false, false, false, false, false, false, false, false, false, 'en', '75+'
         from generate_series(0, $8 - 1) as i`,
      [prefix, ORG, territory, patient, author, start, reached, count, spreadDays],
    );
  const escalation = (id: string, patientId: string, raisedAt: string, status: string) =>
    current().db.query(`insert into patient_records (kind, id, patient_id, data) values ('escalation', $1, $2, $3)`, [
      id,
      patientId,
      JSON.stringify({ id, patientId, noteId: `note-${id}`, reason: 'Chest pain', severity: 'urgent', raisedAt, raisedBy: 'Ana Tester', status }),
    ]);
  const syncEvent = (user: string, at: string, kind: string) =>
    current().db.query(
      `insert into sync_events (at, org_id, user_id, device_id, kind, pending_reported, changes) values ($1, $2, $3, $4, $5, 0, 0)`,
      [new Date(at), ORG, user, `tab-${user}`, kind],
    );

  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test', now: clock.now });
  });
  beforeEach(async () => {
    clock.set(NOW);
    const { db } = current();
    await current().reset();
    const base = fixtureDataset();
    await loadDataset(db, { ...base, patients: [...base.patients, { ...base.patients[0]!, id: 'pat-n9' as never }] });
    await loadDataset(db, otherOrgDataset());
    await db.query("update patients set deleted = true where id = 'pat-n9'");
    await syncEvent('user-ana', '2026-11-19T08:00:00.000Z', 'push');
    await syncEvent('user-ben', '2026-11-15T09:00:00.000Z', 'push');
    await syncEvent('user-ben', BEN_LAST_SYNC, 'pull');
    // Ana: 124 reached contacts over Oct 19 .. Nov 15, 7 this week; Ben: 36 over the same four weeks.
    await facts('ana-old-', 'user-ana', 'pat-n1', NORTH, '2026-10-19T10:00:00Z', 124, true, 28);
    await facts('ana-week-', 'user-ana', 'pat-n1', NORTH, '2026-11-16T10:00:00Z', 7, true);
    await facts('ben-old-', 'user-ben', 'pat-s2', SOUTH, '2026-10-19T10:00:00Z', 36, true, 28);
    // A former colleague's contacts on the patients that go unreached (not in anyone's counts).
    await facts('n2-reach-', 'user-old', 'pat-n2', NORTH, '2026-10-01T10:00:00Z', 1, true);
    await facts('n2-try1-', 'user-old', 'pat-n2', NORTH, '2026-10-15T10:00:00Z', 1, false);
    await facts('n2-try2-', 'user-old', 'pat-n2', NORTH, '2026-11-10T10:00:00Z', 1, false);
    await facts('n3-try1-', 'user-old', 'pat-n3', NORTH, '2026-10-10T10:00:00Z', 1, false);
    await facts('n3-try2-', 'user-old', 'pat-n3', NORTH, '2026-11-01T10:00:00Z', 1, false);
    await facts('s1-try-', 'user-old', 'pat-s1', SOUTH, '2026-11-01T10:00:00Z', 1, false);
    await facts('n9-reach-', 'user-old', 'pat-n9', NORTH, '2026-08-01T10:00:00Z', 1, true);
    await escalation('e1', 'pat-n1', '2026-11-19T10:30:00.000Z', 'open');
    await escalation('e2', 'pat-s1', '2026-11-19T11:30:00.000Z', 'open');
    await escalation('e3', 'pat-n2', '2026-11-19T07:00:00.000Z', 'acknowledged');
    await signInAll();
  });
  afterAll(() => app.close());

  it('lists the four kinds for the supervisor’s team, newest first, with the numbers behind each', async () => {
    const body = await alerts();
    expect(body.dataAsOf).toBe(NOW.toISOString());
    expect(body.alerts).toEqual([
      {
        kind: 'escalation_unacknowledged', key: 'escalation_unacknowledged:e1', since: '2026-11-19T11:30:00.000Z', escalationId: 'e1',
        patient: { id: 'pat-n1', name: 'Given pat-n1' }, raisedAt: '2026-11-19T10:30:00.000Z', raisedByName: 'Ana Tester', ageMinutes: 90, ackMinutes: 60,
      },
      {
        kind: 'no_sync', key: `no_sync:user-ben:${BEN_LAST_SYNC}`, since: '2026-11-18T09:00:00.000Z',
        specialist: { id: 'user-ben', name: 'Ben Tester' }, lastSyncAt: BEN_LAST_SYNC, days: 3, thresholdDays: 2,
      },
      {
        kind: 'contact_drop', key: 'contact_drop:user-ana:2026-W47', since: '2026-11-16T00:00:00.000Z',
        specialist: { id: 'user-ana', name: 'Ana Tester' }, week: '2026-W47', contactsThisWeek: 7, expected: 16, usualWeek: 31, thresholdPercent: 50,
      },
      {
        kind: 'patient_unreached', key: 'patient_unreached:pat-n3:never', since: '2026-11-09T10:00:00.000Z',
        patient: { id: 'pat-n3', name: 'Given pat-n3' }, territoryId: NORTH, lastReachedAt: null, lastAttemptAt: '2026-11-01T10:00:00.000Z',
        attemptsSince: 2, days: 40, thresholdDays: 30,
      },
      {
        kind: 'patient_unreached', key: `patient_unreached:pat-n2:${Date.parse('2026-10-01T10:00:00Z') / 1000}`, since: '2026-10-31T10:00:00.000Z',
        patient: { id: 'pat-n2', name: 'Given pat-n2' }, territoryId: NORTH, lastReachedAt: '2026-10-01T10:00:00.000Z', lastAttemptAt: '2026-11-10T10:00:00.000Z',
        attemptsSince: 2, days: 49, thresholdDays: 30,
      },
    ]);
    expect(body).toMatchObject({ unreachedTotal: 2, openTotal: 5 });
  });

  it('listing records a read of each patient it names, and nothing else', async () => {
    await alerts();
    const reads = await current().db.query<{ patientId: string; userId: string }>(
      `select patient_id as "patientId", user_id as "userId" from audit_events where action = 'read' order by patient_id`,
    );
    expect(reads).toEqual([
      { patientId: 'pat-n1', userId: 'user-sol' },
      { patientId: 'pat-n2', userId: 'user-sol' },
      { patientId: 'pat-n3', userId: 'user-sol' },
    ]);
  });

  it('a contact drop is judged against 50 % of the expected: 8 of 15.5 is not a drop; a usual week under 10 is never judged', async () => {
    await facts('ana-more-', 'user-ana', 'pat-n1', NORTH, '2026-11-18T10:00:00Z', 1, true);
    expect((await keys()).filter((k) => k.startsWith('contact_drop'))).toEqual([]);
  });

  it('nothing is judged on the first day of the week', async () => {
    clock.set(new Date('2026-11-23T20:00:00.000Z'));
    await signInAll();
    expect((await keys()).filter((k) => k.startsWith('contact_drop'))).toEqual([]);
  });

  it("the organisation's thresholds decide: unreached for more than 45 days leaves pat-n3 (40) out", async () => {
    await current().db.query('update org_settings set alert_unreached_days = 45, alert_no_sync_days = 4 where org_id = $1', [ORG]);
    const body = await alerts();
    expect(body.alerts.map((a) => a.key)).toEqual(['escalation_unacknowledged:e1', 'contact_drop:user-ana:2026-W47', `patient_unreached:pat-n2:${Date.parse('2026-10-01T10:00:00Z') / 1000}`]);
    expect(body.unreachedTotal).toBe(1);
  });

  it('done hides an alert for good, audited; a new silence after a sync is a new alert', async () => {
    const key = `no_sync:user-ben:${BEN_LAST_SYNC}`;
    const res = await post(tokens.sol, 'done', { key });
    expect(res.statusCode, res.body).toBe(200);
    expect(alertStepResponseSchema.parse(res.json())).toEqual({ key, state: 'done', snoozedUntil: null });
    expect(await keys()).not.toContain(key);
    const [audit] = await current().db.query<{ userId: string; entityId: string; detail: unknown }>(
      `select user_id as "userId", entity_id as "entityId", detail from audit_events where action = 'office.alert.done'`,
    );
    expect(audit).toEqual({ userId: 'user-sol', entityId: key, detail: { kind: 'no_sync' } });
    // Ben syncs today, then is silent for three days more.
    await syncEvent('user-ben', '2026-11-19T11:00:00.000Z', 'pull');
    clock.set(new Date('2026-11-22T12:00:00.000Z'));
    await signInAll();
    // Ana too: her last push was this morning, three days before.
    expect((await keys()).filter((k) => k.startsWith('no_sync'))).toEqual(['no_sync:user-ben:2026-11-19T11:00:00.000Z', 'no_sync:user-ana:2026-11-19T08:00:00.000Z']);
  });

  it('snooze hides an alert until the time given, then it is back', async () => {
    const key = 'patient_unreached:pat-n3:never';
    const until = '2026-11-20T12:00:00.000Z';
    const res = await post(tokens.sol, 'snooze', { key, until });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ key, state: 'snoozed', snoozedUntil: until });
    let body = await alerts();
    expect(body.alerts.map((a) => a.key)).not.toContain(key);
    expect(body).toMatchObject({ unreachedTotal: 1, openTotal: 4 });
    const [audit] = await current().db.query<{ patientId: string; detail: unknown }>(
      `select patient_id as "patientId", detail from audit_events where action = 'office.alert.snooze'`,
    );
    expect(audit).toEqual({ patientId: 'pat-n3', detail: { kind: 'patient_unreached', until } });
    clock.set(new Date('2026-11-20T12:00:00.000Z'));
    await signInAll();
    body = await alerts();
    expect(body.alerts.map((a) => a.key)).toContain(key);
  });

  it('bad steps change nothing: an unknown or foreign key, a past or far snooze, an unknown field', async () => {
    const key = 'patient_unreached:pat-n3:never';
    expectError(await post(tokens.sol, 'done', { key: 'no_sync:user-cam:never' }), 404, 'not_found');
    expectError(await post(tokens.sol, 'done', { key: 'patient_unreached:pat-s1:never' }), 404, 'not_found');
    expectError(await post(tokens.sol, 'done', { key: 'whatever' }), 400, 'bad_request');
    expectError(await post(tokens.sol, 'done', { key, extra: 1 }), 400, 'bad_request');
    expectError(await post(tokens.sol, 'done', {}), 400, 'bad_request');
    expectError(await post(tokens.sol, 'snooze', { key, until: '2026-11-19T11:59:00.000Z' }), 400, 'bad_request');
    expectError(await post(tokens.sol, 'snooze', { key, until: '2026-12-20T12:00:00.000Z' }), 400, 'bad_request');
    expectError(await post(tokens.sol, 'snooze', { key, until: 'tomorrow' }), 400, 'bad_request');
    // Sue supervises no one: Sol's team's alert is not found for her.
    expectError(await post(tokens.sue, 'done', { key }), 404, 'not_found');
    expect(await current().db.query('select * from office_alert_states')).toEqual([]);
  });

  it('scope: a supervisor sees only their team; specialists and administrators are refused; another organisation sees nothing', async () => {
    expect(await alerts(tokens.sue)).toMatchObject({ alerts: [], unreachedTotal: 0, openTotal: 0 });
    expect((await alerts(tokens.cam)).alerts).toEqual([]);
    expectError(await get(tokens.ana), 403, 'forbidden');
    expectError(await get(tokens.ada), 403, 'forbidden');
    expectError(await post(tokens.ana, 'done', { key: 'escalation_unacknowledged:e1' }), 403, 'forbidden');
    expectError(await post(tokens.ada, 'done', { key: 'escalation_unacknowledged:e1' }), 403, 'forbidden');
    expectError(await app.inject({ method: 'GET', url: '/api/office/alerts' }), 401, 'unauthorized');
    expectError(await get(tokens.sol, '/api/office/alerts?kind=no_sync'), 400, 'bad_request');
  });

  it('lists at most 100 unreached patients, the longest unreached first, and says how many there are', async () => {
    const { db } = current();
    await db.query(
      `insert into patients (id, org_id, territory_id, data)
       select 'pat-bulk-' || lpad(i::text, 3, '0'), $1, $2, jsonb_build_object('givenName', 'Bulk', 'familyName', i::text)
         from generate_series(1, 101) as i`,
      [ORG, SOUTH],
    );
    await db.query(
      `insert into contact_facts (note_id, org_id, territory_id, patient_id, author_id, contact_at, channel, reached, outcome, appointment_set,
         appointment_confirmed, portal_enrolled, rpm_setup, hra_completed, survey_completed, referral_made, education_given, teach_back_confirmed,
         gap_closed, language, age_band)
       select 'bulk-' || i, $1, $2, 'pat-bulk-' || lpad(i::text, 3, '0'), 'user-old', '2026-09-01T10:00:00Z'::timestamptz + i * interval '1 hour', 'call', false,
              null, false, false, false, false, false, false, false, false, false, false, 'en', '75+'
         from generate_series(1, 101) as i`,
      [ORG, SOUTH],
    );
    const body = await alerts();
    const unreached = body.alerts.filter((a) => a.kind === 'patient_unreached');
    expect(unreached).toHaveLength(100);
    expect(body).toMatchObject({ unreachedTotal: 103, openTotal: 106 });
    // The oldest 100 of the bulk patients; pat-n3 and pat-n2 (reached later) and the 101st are left out.
    expect(unreached.at(-1)?.patient.id).toBe('pat-bulk-001');
    expect(unreached[0]?.patient.id).toBe('pat-bulk-100');
  });
});
