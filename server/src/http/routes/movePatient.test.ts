/**
 * The office moves a patient between territories, and pull carries the move to devices on
 * both sides (S16): the old territory is told the patient left, the new one receives the
 * patient with everything it owns, and work done before the move is still accepted.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../../src/domain/hlc';
import type { PatientId } from '../../../../src/domain/ids';
import { fixtureDataset, idsInScope, NORTH, NORTH_PATIENTS, otherOrgDataset, patientOwned, SOUTH } from '../../../test/fixtures';
import { expectError, pullAll, signIn } from '../../../test/http';
import { change, push } from '../../../test/push';
import { describeEachDb, settle } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const dataset = fixtureDataset();
/** A clock stamp `deltaMs` from now: the scope rules compare stamps with the database's clock. */
const stampAt = (deltaMs: number, node: string) => encodeHlc({ wallMs: Date.now() + deltaMs, counter: 0 }, node);

describeEachDb('moving a patient between territories (S16)', (current) => {
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', cam: '' };
  let anaNext = 1;

  const move = (token: string, patientId: string, territoryId: unknown) =>
    app.inject({
      method: 'POST',
      url: `/api/office/patients/${patientId}/territory`,
      headers: { authorization: `Bearer ${token}` },
      payload: { territoryId } as object,
    });
  /** Ana's next change to a patient's fields, made `deltaMs` from now. */
  const anaEdits = (patientId: string, baseVersion: number, deltaMs: number, values: Record<string, unknown>, seenCursor?: string | null) =>
    change(anaNext++, {
      kind: 'patient', entityId: patientId, patientId, baseVersion,
      hlc: stampAt(deltaMs, 'device-ana-0001'), values, ...(seenCursor === undefined ? {} : { seenCursor }),
    });
  const pullSince = async (token: string, cursor: string | null) => {
    await settle(current().db);
    const pages = await pullAll(app, token, cursor);
    return {
      records: pages.flatMap((p) => p.records),
      leftScope: pages.flatMap((p) => p.leftScope),
      cursor: pages.at(-1)!.cursor,
    };
  };

  beforeAll(async () => {
    app = await buildApp({ db: current().db, version: 'test' });
  });
  beforeEach(async () => {
    await current().reset();
    await loadDataset(current().db, dataset);
    await loadDataset(current().db, otherOrgDataset());
    tokens.ana = await signIn(app, 'ana', 'device-ana-0001');
    tokens.ben = await signIn(app, 'ben', 'device-ben-0001');
    tokens.sol = await signIn(app, 'sol', 'device-sol-0001');
    tokens.cam = await signIn(app, 'cam', 'device-cam-0001');
    anaNext = 1;
  });
  afterAll(() => app.close());

  it("[S16] the old territory's devices are told the patient left; the new territory's receive it with all it owns", async () => {
    const ana = await pullSince(tokens.ana, null);
    const ben = await pullSince(tokens.ben, null);
    expect(ana.records.map((r) => r.id)).toContain(N1);

    const res = await move(tokens.sol, N1, SOUTH);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ moved: true });

    const anaAfter = await pullSince(tokens.ana, ana.cursor);
    expect(anaAfter.leftScope).toEqual([N1]);
    expect(anaAfter.records).toEqual([]);

    const benAfter = await pullSince(tokens.ben, ben.cursor);
    expect(benAfter.leftScope).toEqual([]);
    const owned = patientOwned(dataset).filter((r) => r.patientId === N1).map((r) => r.id);
    expect(benAfter.records.map((r) => r.id).sort()).toEqual([N1, ...owned].sort());
    expect(benAfter.records.find((r) => r.id === N1)?.data).toMatchObject({ territoryId: SOUTH });

    // A device starting afresh in the new territory gets the same, and nothing about exits.
    const fresh = await pullSince(tokens.ben, null);
    expect(fresh.records.map((r) => r.id).sort()).toEqual(
      [...idsInScope(dataset, [SOUTH]), N1, ...owned].sort(),
    );
  });

  it('[S16] a patient moved away and back is delivered again, never as an exit', async () => {
    const ana = await pullSince(tokens.ana, null);
    expect((await move(tokens.sol, N1, SOUTH)).statusCode).toBe(200);
    expect((await move(tokens.sol, N1, NORTH)).statusCode).toBe(200);
    const after = await pullSince(tokens.ana, ana.cursor);
    expect(after.leftScope).toEqual([]);
    expect(after.records.map((r) => r.id)).toContain(N1);
    expect(after.records.filter((r) => r.kind !== 'patient').length).toBeGreaterThan(0);
  });

  it('[S16] a supervisor syncs only the territory they work: moving a patient out of it tells their device too', async () => {
    const sol = await pullSince(tokens.sol, null);
    await move(tokens.sol, N2, SOUTH);
    const after = await pullSince(tokens.sol, sol.cursor);
    expect(after.leftScope).toEqual([N2]);
    expect(after.records.find((r) => r.id === N2)).toBeUndefined();
  });

  it('[S16][T2] work done before the device knew of the move is kept; a change made after it is refused, whatever its clock says', async () => {
    const ana = await pullSince(tokens.ana, null);
    const base = ana.records.find((r) => r.id === N1)!.version;
    const before = anaEdits(N1, base, -60_000, { accessNotes: 'Key under the mat' }, ana.cursor);
    await move(tokens.sol, N1, SOUTH);
    const told = await pullSince(tokens.ana, ana.cursor);
    // Backdated: the stamp claims an hour before the move; the device had pulled the exit.
    const after = anaEdits(N1, base, -3_600_000, { bestTimeToCall: 'Evenings' }, told.cursor);
    const res = await push(app, tokens.ana, 'device-ana-0001', [before, after]);
    expect(res.results).toEqual([
      { no: 1, status: 'applied', conflicts: 0 },
      { no: 2, status: 'rejected', reason: 'out_of_scope', message: 'This patient is not in your territories' },
    ]);
    const ben = await pullSince(tokens.ben, null);
    expect(ben.records.find((r) => r.id === N1)?.data).toMatchObject({ accessNotes: 'Key under the mat', bestTimeToCall: null });
  });

  it('[S16] a change made after the move by a device not yet told of it is kept; once the device pulled the exit, it is refused', async () => {
    const ana = await pullSince(tokens.ana, null);
    const base = ana.records.find((r) => r.id === N1)!.version;
    await move(tokens.sol, N1, SOUTH);
    const later = (value: string, seenCursor: string) =>
      anaEdits(N1, base, 60_000, { accessNotes: value }, seenCursor);
    const unaware = await push(app, tokens.ana, 'device-ana-0001', [later('Side gate', ana.cursor)]);
    expect(unaware.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);

    const told = await pullSince(tokens.ana, ana.cursor);
    expect(told.leftScope).toEqual([N1]);
    const aware = await push(app, tokens.ana, 'device-ana-0001', [later('Back door', told.cursor)]);
    expect(aware.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
    const ben = await pullSince(tokens.ben, null);
    expect(ben.records.find((r) => r.id === N1)?.data).toMatchObject({ accessNotes: 'Side gate' });
  });

  it('[S16][T1] a forged, unsigned or unreadable seen cursor counts as knowing everything: nothing out of scope is kept', async () => {
    await move(tokens.sol, N1, SOUTH);
    const unsigned = Buffer.from('{"t":"0","v":0}').toString('base64url');
    const res = await push(app, tokens.ana, 'device-ana-0001', [
      anaEdits(N1, 1, -60_000, { accessNotes: 'x' }, 'not-a-cursor'),
      anaEdits(N1, 1, -60_000, { accessNotes: 'y' }, unsigned),
      anaEdits(N1, 1, -60_000, { accessNotes: 'z' }, `${unsigned}.${'A'.repeat(43)}`),
      anaEdits(N1, 1, -60_000, { accessNotes: 'w' }),
    ]);
    expect(res.results.map((r) => r.status === 'rejected' && r.reason)).toEqual(['out_of_scope', 'out_of_scope', 'out_of_scope', 'out_of_scope']);
    // Ben's patients never were Ana's: no cursor makes them hers.
    const bens = await push(app, tokens.ana, 'device-ana-0001', [
      anaEdits('pat-s1', 1, -60_000, { accessNotes: 'x' }, null),
    ]);
    expect(bens.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
  });

  it('[S16] work done before the specialist lost the territory is kept', async () => {
    const ana = await pullSince(tokens.ana, null);
    const base = ana.records.find((r) => r.id === N2)!.version;
    const done = anaEdits(N2, base, -60_000, { accessNotes: 'Buzzer 4' }, ana.cursor);
    await current().db.query('delete from user_territories where user_id = $1', ['user-ana']);
    const res = await push(app, tokens.ana, 'device-ana-0001', [done]);
    expect(res.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);
    const told = await pullSince(tokens.ana, ana.cursor);
    const late = anaEdits(N2, base, -60_000, { accessNotes: 'Buzzer 5' }, told.cursor);
    expect((await push(app, tokens.ana, 'device-ana-0001', [late])).results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
  });

  describe('bad requests change nothing', () => {
    it('a specialist cannot move a patient', async () => {
      expect(expectError(await move(tokens.ana, N1, SOUTH), 403, 'forbidden')).toMatch(/supervisor of this team or an administrator/);
    });
    it('a supervisor cannot move a patient out of, or into, a territory outside their team', async () => {
      const sue = await signIn(app, 'sue', 'device-sue-0001');
      expect(expectError(await move(sue, N1, SOUTH), 403, 'forbidden')).toMatch(/supervisor of this team/);
      await current().db.query("insert into territories (id, org_id, name) values ('ter-west', $1, 'West')", [dataset.org.id]);
      expect(expectError(await move(tokens.sol, N1, 'ter-west'), 403, 'forbidden')).toMatch(/supervisor of this team/);
      const ada = await signIn(app, 'ada', 'device-ada-0001');
      expect((await move(ada, N1, 'ter-west')).json()).toEqual({ moved: true });
    });
    it('an unknown territory, or one of another organisation, is named', async () => {
      expect(expectError(await move(tokens.sol, N1, 'ter-nowhere'), 404, 'not_found')).toMatch(/territoryId: no territory ter-nowhere/);
      expect(expectError(await move(tokens.sol, N1, 'ter-east'), 404, 'not_found')).toMatch(/territoryId/);
    });
    it("another organisation's patient is not found", async () => {
      expect(expectError(await move(tokens.cam, N1, 'ter-east'), 404, 'not_found')).toMatch(/No patient pat-n1/);
    });
    it('a body without territoryId, or with extra fields, is refused', async () => {
      expect(expectError(await move(tokens.sol, N1, undefined), 400, 'bad_request')).toMatch(/territoryId/);
      const extra = await app.inject({
        method: 'POST',
        url: `/api/office/patients/${N1}/territory`,
        headers: { authorization: `Bearer ${tokens.sol}` },
        payload: { territoryId: SOUTH, note: 'x' },
      });
      expect(expectError(extra, 400, 'bad_request')).toMatch(/note: unknown field/);
    });
    it('moving a patient to where it already is changes nothing', async () => {
      const sol = await pullSince(tokens.sol, null);
      const res = await move(tokens.sol, N1, NORTH);
      expect(res.json()).toEqual({ moved: false });
      expect((await pullSince(tokens.sol, sol.cursor)).records).toEqual([]);
    });
    it('without a session the office is closed', async () => {
      const res = await app.inject({ method: 'POST', url: `/api/office/patients/${N1}/territory`, payload: { territoryId: SOUTH } });
      expectError(res, 401, 'unauthorized');
    });
  });
});
