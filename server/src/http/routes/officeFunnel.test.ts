/**
 * `GET /api/office/funnel` over HTTP, on notes pushed the way devices push them: a supervisor
 * sees their team's patients, with the territory names the rows need; a supervisor of no team
 * and an administrator see zeros; specialists are refused; the range is checked.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ContactNote } from '../../../../src/domain/contactNote';
import type { IsoDateTime, NoteId, PatientId, UserId } from '../../../../src/domain/ids';
import { funnelResponseSchema } from '../../../../src/protocol/officeMetrics';
import { fixtureDataset, NORTH_PATIENTS, otherOrgDataset } from '../../../test/fixtures';
import { expectError, signIn } from '../../../test/http';
import { BASE_TIME, change, push, sealed } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';


const [N1, N2] = NORTH_PATIENTS as [PatientId, PatientId];
const AT = BASE_TIME.toISOString() as IsoDateTime;
const DAY = AT.slice(0, 10);

function signedNote(id: string, patientId: PatientId, outcome: ContactNote['outcome']): ContactNote {
  return sealed({
    id: id as NoteId,
    patientId,
    authorId: 'user-ana' as UserId,
    authorName: 'Ana Tester',
    status: 'signed',
    mode: 'home_visit',
    contactAt: AT,
    durationMinutes: 10,
    outcome,
    activities: [],
    text: 'Visited.',
    followUps: [],
    escalation: null,
    createdAt: AT,
    updatedAt: AT,
    signedAt: AT,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  });
}

describeEachDb('the engagement funnel route', (current) => {
  let app: FastifyInstance;
  const tokens = { ana: '', ben: '', sol: '', sue: '', ada: '', cam: '' };

  const get = (token: string, query = `from=${DAY}&to=${DAY}`) =>
    app.inject({ method: 'GET', url: `/api/office/funnel?${query}`, headers: { authorization: `Bearer ${token}` } });
  const body = async (token: string) => {
    const res = await get(token);
    expect(res.statusCode, res.body).toBe(200);
    // Parsed with the app's own wire schema: what the server sends is what the screens read.
    return funnelResponseSchema.parse(res.json());
  };

  beforeAll(async () => {
    await current().reset();
    await loadDataset(current().db, fixtureDataset());
    await loadDataset(current().db, otherOrgDataset());
    app = await buildApp({ db: current().db, version: 'test', now: () => BASE_TIME });
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await signIn(app, name, `device-${name}-0001`);
  });
  afterAll(() => app.close());

  it("counts the team's patients, with the names of the territories on the rows", async () => {
    const base = await body(tokens.sol);
    let next = 1;
    for (const [id, patientId, outcome] of [['note-fu-a', N1, 'reached'], ['note-fu-b', N2, 'no_answer']] as const) {
      const note = signedNote(id, patientId, outcome);
      const res = await push(app, tokens.ana, 'device-ana-0001', [change(next++, { kind: 'note', entityId: id, patientId, op: 'create', values: { ...note } })]);
      expect(res.results[0]).toMatchObject({ status: 'applied' });
    }
    const after = await body(tokens.sol);
    expect(after.dataAsOf).toBe(BASE_TIME.toISOString());
    expect(after.totals.attempted - base.totals.attempted).toBe(2);
    expect(after.totals.reached - base.totals.reached).toBe(1);
    const north = after.by.territory.find((r) => r.value === 'ter-north');
    expect(north?.attempted).toBeGreaterThanOrEqual(2);
    expect(after.territoryNames).toEqual(Object.fromEntries(after.by.territory.map((r) => [r.value, r.value === 'ter-north' ? 'North' : 'South'])));
    expect(after.by.channel.find((r) => r.value === 'visit')?.attempted).toBeGreaterThanOrEqual(2);
  });

  it("shows a supervisor their team's patients only: zeros to others, specialists refused", async () => {
    expect((await body(tokens.sol)).totals.attempted).toBeGreaterThan(0);
    for (const token of [tokens.sue, tokens.ada, tokens.cam]) {
      const other = await body(token);
      expect(other.totals).toEqual({ attempted: 0, reached: 0, appointmentSet: 0, appointmentKept: 0, gapClosed: 0 });
      expect(other.by.territory).toEqual([]);
      expect(other.territoryNames).toEqual({});
    }
    expectError(await get(tokens.ana), 403, 'forbidden');
    expectError(await get(tokens.ben), 403, 'forbidden');
  });

  it('checks the range', async () => {
    expectError(await get(tokens.sol, 'from=2026-02-01&to=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, 'from=2024-01-01&to=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, 'from=2026-01-01'), 400, 'bad_request');
    expectError(await get(tokens.sol, `from=${DAY}&to=${DAY}&followUpDays=7`), 400, 'bad_request');
  });
});
