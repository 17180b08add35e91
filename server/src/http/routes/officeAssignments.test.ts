/**
 * The office's Assignments over HTTP: coverage of a colleague's territory reaches the covering
 * device through pull and leaves it after the last day (server clock, moved by hand here), work
 * done while covering and pushed late is kept, work done after the device learnt of the end is
 * refused (S16); giving a territory to a specialist; moving patients by a filter. A supervisor
 * acts only within their team, an administrator within the organisation.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../../src/domain/hlc';
import type { PatientId } from '../../../../src/domain/ids';
import { fixtureDataset, idsInScope, NORTH, NORTH_PATIENTS, otherOrgDataset, SOUTH, SOUTH_PATIENTS } from '../../../test/fixtures';
import { expectError, pullAll, signIn } from '../../../test/http';
import { change, push } from '../../../test/push';
import { describeEachDb, settle } from '../../../test/testDb';
import { fakeClock } from '../../../test/testServer';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const DAY = 86_400_000;
const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const dataset = fixtureDataset();
const day = (d: Date) => d.toISOString().slice(0, 10);

describeEachDb('the office assigns territories and coverages (S16)', (current) => {
  const clock = fakeClock(new Date());
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', sue: '', ada: '', cam: '' };
  let benNext = 1;

  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
  const cover = (token: string, userId: string, territoryId: string, from: string, to: string) =>
    call(token, 'POST', '/api/office/coverages', { userId, territoryId, from, to });
  const pullSince = async (token: string, cursor: string | null) => {
    await settle(current().db);
    const pages = await pullAll(app, token, cursor);
    return {
      records: pages.flatMap((p) => p.records),
      territories: pages[0]!.territories.map((t) => t.id),
      cursor: pages.at(-1)!.cursor,
    };
  };
  const benEdits = (patientId: string, baseVersion: number, values: Record<string, unknown>, seenCursor: string) =>
    change(benNext++, {
      kind: 'patient', entityId: patientId, patientId, baseVersion,
      hlc: encodeHlc({ wallMs: clock.now().getTime(), counter: benNext }, 'device-ben-0001'), values, seenCursor,
    });
  const releases = (userId: string) =>
    current().db.query<{ territoryId: string }>('select territory_id as "territoryId" from territory_releases where user_id = $1', [userId]);

  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test', now: clock.now });
  });
  beforeEach(async () => {
    clock.set(clock.start);
    await current().reset();
    await loadDataset(current().db, dataset);
    await loadDataset(current().db, otherOrgDataset());
    for (const name of ['ana', 'ben', 'sol', 'sue', 'ada', 'cam'] as const) tokens[name] = await signIn(app, name, `device-${name}-0001`);
    benNext = 1;
  });
  afterAll(() => app.close());

  it('[S16] a coverage brings the territory with its history to the covering device, and takes it away after its last day', async () => {
    const today = day(clock.now());
    const before = await pullSince(tokens.ben, null);
    expect(before.territories).toEqual([SOUTH]);

    const res = await cover(tokens.sol, 'user-ben', NORTH, today, today);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: 'user-ben', territoryId: NORTH, from: today, to: today, current: true });

    // (a) The next pull lists North and the device, re-downloading its scope, gets its patients and what they own.
    const covering = await pullSince(tokens.ben, null);
    expect(covering.territories.sort()).toEqual([NORTH, SOUTH].sort());
    expect(covering.records.map((r) => r.id).sort()).toEqual(idsInScope(dataset, [NORTH, SOUTH]).sort());

    // The listing shows it as current, under Ben.
    const listed = (await call(tokens.sol, 'GET', '/api/office/assignments')).json();
    expect(listed.specialists.find((s: { id: string }) => s.id === 'user-ben').coverages).toMatchObject([{ territoryId: NORTH, current: true }]);

    // (b) The day after its last: the scope is back to South and a release is on record.
    clock.advance(DAY);
    tokens.ben = await signIn(app, 'ben', 'device-ben-0001');
    const after = await pullSince(tokens.ben, covering.cursor);
    expect(after.territories).toEqual([SOUTH]);
    expect(await releases('user-ben')).toEqual([{ territoryId: NORTH }]);
    const fresh = await pullSince(tokens.ben, null);
    expect(fresh.records.map((r) => r.id).sort()).toEqual(idsInScope(dataset, [SOUTH]).sort());
    // Settling twice leaves one release.
    await pullSince(tokens.ben, after.cursor);
    expect(await releases('user-ben')).toHaveLength(1);
  });

  it('[S16] (c) a change made while covering and pushed after the end is kept; one made after the device pulled the end is refused', async () => {
    const today = day(clock.now());
    expect((await cover(tokens.sol, 'user-ben', NORTH, today, today)).statusCode).toBe(200);
    const covering = await pullSince(tokens.ben, null);
    const base = covering.records.find((r) => r.id === N1)!.version;
    const whileCovering = benEdits(N1, base, { accessNotes: 'Ring twice' }, covering.cursor);

    clock.advance(DAY + 3_600_000);
    tokens.ben = await signIn(app, 'ben', 'device-ben-0001');
    const late = await push(app, tokens.ben, 'device-ben-0001', [whileCovering]);
    expect(late.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);

    const told = await pullSince(tokens.ben, covering.cursor);
    expect(told.territories).toEqual([SOUTH]);
    const afterEnd = benEdits(N1, base, { accessNotes: 'Knock' }, told.cursor);
    const refused = await push(app, tokens.ben, 'device-ben-0001', [afterEnd]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
    const ana = await pullSince(await signIn(app, 'ana', 'device-ana-0001'), null);
    expect(ana.records.find((r) => r.id === N1)?.data).toMatchObject({ accessNotes: 'Ring twice' });
  });

  it('[S16] cancelling a current coverage ends it at once and leaves a release; a future one leaves none', async () => {
    const today = day(clock.now());
    const current_ = (await cover(tokens.sol, 'user-ben', NORTH, today, day(new Date(clock.now().getTime() + 5 * DAY)))).json();
    const covering = await pullSince(tokens.ben, null);
    expect(covering.territories).toContain(NORTH);
    const base = covering.records.find((r) => r.id === N2)!.version;
    const whileCovering = benEdits(N2, base, { accessNotes: 'Gate code 12' }, covering.cursor);

    const cancelled = await call(tokens.sol, 'POST', `/api/office/coverages/${current_.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ id: current_.id, cancelled: true });
    expect((await call(tokens.sol, 'POST', `/api/office/coverages/${current_.id}/cancel`)).json()).toEqual({ id: current_.id, cancelled: false });
    expect(await releases('user-ben')).toEqual([{ territoryId: NORTH }]);
    expect((await push(app, tokens.ben, 'device-ben-0001', [whileCovering])).results[0]).toMatchObject({ status: 'applied' });
    const told = await pullSince(tokens.ben, covering.cursor);
    expect(told.territories).toEqual([SOUTH]);

    const future = (await cover(tokens.sol, 'user-ben', NORTH, day(new Date(clock.now().getTime() + 2 * DAY)), day(new Date(clock.now().getTime() + 3 * DAY)))).json();
    expect(future).toMatchObject({ current: false });
    expect((await pullSince(tokens.ben, null)).territories).toEqual([SOUTH]);
    expect((await call(tokens.sol, 'POST', `/api/office/coverages/${future.id}/cancel`)).statusCode).toBe(200);
    expect(await releases('user-ben')).toHaveLength(1);
  });

  describe('coverages: bad requests change nothing', () => {
    it('a supervisor covers only within their team; a specialist not at all; an admin in the organisation', async () => {
      const today = day(clock.now());
      expect(expectError(await cover(tokens.sue, 'user-ben', NORTH, today, today), 403, 'forbidden')).toMatch(/supervisor of this team/);
      expect(expectError(await cover(tokens.ana, 'user-ben', NORTH, today, today), 403, 'forbidden')).toMatch(/supervisor/);
      expect(expectError(await cover(tokens.cam, 'user-ben', NORTH, today, today), 404, 'not_found')).toMatch(/territoryId/);
      expect((await cover(tokens.ada, 'user-ben', NORTH, today, today)).statusCode).toBe(200);
    });
    it('overlapping, past, reversed, own-territory coverages and non-specialists are refused, named', async () => {
      const today = day(clock.now());
      const yesterday = day(new Date(clock.now().getTime() - DAY));
      expect(expectError(await cover(tokens.sol, 'user-ben', NORTH, yesterday, yesterday), 400, 'bad_request')).toMatch(/to: the last day .* is already past/);
      expect(expectError(await cover(tokens.sol, 'user-ben', NORTH, today, yesterday), 400, 'bad_request')).toMatch(/to: the last day comes before the first/);
      expect(expectError(await cover(tokens.sol, 'user-ana', NORTH, today, today), 409, 'conflict')).toMatch(/already works this territory/);
      expect((await cover(tokens.sol, 'user-ben', NORTH, today, today)).statusCode).toBe(200);
      expect(expectError(await cover(tokens.sol, 'user-ben', NORTH, yesterday, today), 409, 'conflict')).toMatch(/already covers this territory/);
      expect(expectError(await cover(tokens.ada, 'user-sol', SOUTH, today, today), 400, 'bad_request')).toMatch(/only a specialist/);
      const extra = await call(tokens.sol, 'POST', '/api/office/coverages', { userId: 'user-ben', territoryId: NORTH, from: today, to: today, note: 'x' });
      expect(expectError(extra, 400, 'bad_request')).toMatch(/note: unknown field/);
    });
    it('an ended coverage cannot be cancelled; an unknown one is not found', async () => {
      const today = day(clock.now());
      const made = (await cover(tokens.sol, 'user-ben', NORTH, today, today)).json();
      clock.advance(DAY);
      tokens.sol = await signIn(app, 'sol', 'device-sol-0001');
      expect(expectError(await call(tokens.sol, 'POST', `/api/office/coverages/${made.id}/cancel`), 409, 'conflict')).toMatch(/ended on/);
      expect(expectError(await call(tokens.sol, 'POST', '/api/office/coverages/cov-nope/cancel'), 404, 'not_found')).toMatch(/No coverage cov-nope/);
      const sue = await signIn(app, 'sue', 'device-sue-0001');
      expect(expectError(await call(sue, 'POST', `/api/office/coverages/${made.id}/cancel`), 403, 'forbidden')).toBeTruthy();
    });
  });

  describe('assigning a territory', () => {
    it('gives it to the specialist; the one who had it is released and their device lets it go', async () => {
      const ana = await pullSince(tokens.ana, null);
      const res = await call(tokens.sol, 'POST', `/api/office/territories/${NORTH}/assign`, { userId: 'user-ben' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ territoryId: NORTH, userId: 'user-ben', releasedFrom: ['user-ana'], changed: true });
      expect((await pullSince(tokens.ana, ana.cursor)).territories).toEqual([]);
      expect((await pullSince(tokens.ben, null)).territories.sort()).toEqual([NORTH, SOUTH].sort());
      const again = await call(tokens.sol, 'POST', `/api/office/territories/${NORTH}/assign`, { userId: 'user-ben' });
      expect(again.json()).toMatchObject({ changed: false });
      const audit = await current().db.query("select entity_id from audit_events where action = 'office.territory.assign'");
      expect(audit).toHaveLength(1);
    });
    it('a supervisor outside the team, a specialist, an unknown person are refused', async () => {
      expect(expectError(await call(tokens.sue, 'POST', `/api/office/territories/${NORTH}/assign`, { userId: 'user-ben' }), 403, 'forbidden')).toBeTruthy();
      expect(expectError(await call(tokens.ana, 'POST', `/api/office/territories/${NORTH}/assign`, { userId: 'user-ana' }), 403, 'forbidden')).toBeTruthy();
      expect(expectError(await call(tokens.sol, 'POST', `/api/office/territories/${NORTH}/assign`, { userId: 'user-nobody' }), 404, 'not_found')).toMatch(/userId/);
      expect(expectError(await call(tokens.sol, 'POST', '/api/office/territories/ter-nowhere/assign', { userId: 'user-ben' }), 404, 'not_found')).toMatch(/ter-nowhere/);
    });
  });

  describe('moving patients in bulk', () => {
    const move = (token: string, body: object) => call(token, 'POST', '/api/office/patients/move', body);
    it('a dry run counts and moves nothing; the move moves them all in one go, each audited, and devices on both sides learn of it', async () => {
      await current().db.query(`update patients set data = jsonb_set(data, '{address,postalCode}', '"01950"') where id = $1`, [N2]);
      const ana = await pullSince(tokens.ana, null);
      const dry = await move(tokens.sol, { filter: { fromTerritoryId: NORTH, postalCode: '01950' }, territoryId: SOUTH, dryRun: true });
      expect(dry.json()).toEqual({ count: 1, alreadyThere: 0, dryRun: true });
      const all = await move(tokens.sol, { filter: { fromTerritoryId: NORTH }, territoryId: SOUTH, dryRun: true });
      expect(all.json()).toMatchObject({ count: 3 });
      expect((await pullSince(tokens.ana, ana.cursor)).records).toEqual([]);

      const done = await move(tokens.sol, { filter: { fromTerritoryId: NORTH, postalCode: '01950' }, territoryId: SOUTH });
      expect(done.json()).toEqual({ count: 1, alreadyThere: 0, dryRun: false });
      const audit = await current().db.query<{ patient_id: string }>("select patient_id from audit_events where action = 'update' and entity_kind = 'patient'");
      expect(audit.map((a) => a.patient_id)).toEqual([N2]);
      const told = await pages(tokens.ana, ana.cursor);
      expect(told.leftScope).toEqual([N2]);
      const byIds = await move(tokens.sol, { patientIds: [N1, SOUTH_PATIENTS[0]], territoryId: SOUTH });
      expect(byIds.json()).toEqual({ count: 1, alreadyThere: 1, dryRun: false });
    });
    it('out of the team, unknown patients, both or neither of ids and filter are refused and change nothing', async () => {
      expect(expectError(await move(tokens.sue, { filter: { fromTerritoryId: NORTH }, territoryId: SOUTH }), 403, 'forbidden')).toBeTruthy();
      expect(expectError(await move(tokens.ana, { patientIds: [N1], territoryId: SOUTH }), 403, 'forbidden')).toBeTruthy();
      expect(expectError(await move(tokens.sol, { patientIds: [N1, 'pat-nope'], territoryId: SOUTH }), 404, 'not_found')).toMatch(/pat-nope/);
      expect(expectError(await move(tokens.sol, { territoryId: SOUTH }), 400, 'bad_request')).toMatch(/either patientIds or filter/);
      expect(expectError(await move(tokens.sol, { patientIds: [N1], filter: { fromTerritoryId: NORTH }, territoryId: SOUTH }), 400, 'bad_request')).toMatch(/either/);
      const rows = await current().db.query("select id from patients where territory_id = 'ter-north'");
      expect(rows).toHaveLength(3);
    });
  });

  async function pages(token: string, cursor: string | null) {
    await settle(current().db);
    const all = await pullAll(app, token, cursor);
    return { leftScope: all.flatMap((p) => p.leftScope) };
  }
});
