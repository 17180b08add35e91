/**
 * [S21] Every push, sealed push and pull the server answers with success records one sync
 * event on the server's clock, with what the device reported (unsent changes, its clock) and
 * the app version it signed in with; a refused request records none.
 */
import { beforeEach, expect, it } from 'vitest';
import type { PatientId } from '../../../../src/domain/ids';
import { loginResponseSchema, PROTOCOL_VERSION, pullResponseSchema, type Mutation } from '../../../../src/protocol/wire';
import { fixtureDataset, NORTH_PATIENTS, PASSWORD } from '../../../test/fixtures';
import { expectError } from '../../../test/http';
import { change, pushRaw } from '../../../test/push';
import { pushSealedRaw, sealMutation } from '../../../test/sealedPush';
import { describeEachDb } from '../../../test/testDb';
import { fakeClock, resetSignIns, useTestServer } from '../../../test/testServer';

const [N1] = NORTH_PATIENTS as [PatientId];
const SERVER_START = new Date('2026-11-20T09:30:00.000Z');
/** The tablet's clock runs three minutes behind the server's. */
const TABLET_BEHIND_MS = 3 * 60_000;

describeEachDb('sync events', (current) => {
  const clock = fakeClock(SERVER_START);
  const server = useTestServer(current, { clock, dataset: fixtureDataset() });
  let devices = 0;

  beforeEach(() => resetSignIns(server.db));

  /** Ana on a fresh tablet running app 2.1.0. */
  async function tablet() {
    const deviceId = `device-ana-events-${++devices}`;
    const res = await server.post('/api/auth/login', { username: 'ana', password: PASSWORD, deviceId, appVersion: '2.1.0' });
    expect(res.statusCode, res.body).toBe(200);
    const login = loginResponseSchema.parse(res.json());
    return { deviceId, token: login.accessToken, pushToken: login.pushToken, pushSealKey: login.pushSealKey };
  }

  /** What the tablet says its clock reads, now. */
  const tabletTime = () => new Date(clock.now().getTime() - TABLET_BEHIND_MS).toISOString();
  const bestTime = (no: number, value: string): Mutation =>
    change(no, { kind: 'patient', entityId: N1, patientId: N1, values: { bestTimeToCall: value } });

  async function events() {
    return server.db.query<Record<string, unknown>>(
      `select kind, at, user_id, device_id, pending_reported, changes, device_clock, app_version from sync_events order by id`,
    );
  }

  it('[S21] a push records its event on the server clock, with the unsent changes and the clock the device reported', async () => {
    const t = await tablet();
    clock.advance(60_000);
    const deviceTime = tabletTime();
    const res = await pushRaw(server.app, t.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: t.deviceId,
      mutations: [bestTime(1, 'Mornings'), bestTime(2, 'Afternoons')],
      pending: 5,
      deviceTime,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await events()).toEqual([
      {
        kind: 'push',
        at: new Date('2026-11-20T09:31:00.000Z'),
        user_id: 'user-ana',
        device_id: t.deviceId,
        pending_reported: 5,
        changes: 2,
        device_clock: new Date('2026-11-20T09:28:00.000Z'),
        app_version: '2.1.0',
      },
    ]);
  });

  it('[S21] a sealed push (the background push) records a sealed_push event the same way', async () => {
    const t = await tablet();
    clock.advance(5 * 60_000);
    const sealed = await sealMutation(t.pushSealKey, t.deviceId, bestTime(1, 'Evenings'));
    const res = await pushSealedRaw(server.app, t.pushToken, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: t.deviceId,
      mutations: [sealed],
      pending: 1,
      deviceTime: tabletTime(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await events()).toEqual([
      {
        kind: 'sealed_push',
        at: new Date('2026-11-20T09:35:00.000Z'),
        user_id: 'user-ana',
        device_id: t.deviceId,
        pending_reported: 1,
        changes: 1,
        device_clock: new Date('2026-11-20T09:32:00.000Z'),
        app_version: '2.1.0',
      },
    ]);
  });

  it('[S21] each pull page records a pull event with the records it served', async () => {
    const t = await tablet();
    const pages: number[] = [];
    let cursor: string | null = null;
    for (;;) {
      clock.advance(1_000);
      const res = await server.post(
        '/api/sync/pull',
        { protocolVersion: PROTOCOL_VERSION, cursor, limit: 5, pending: 0, deviceTime: tabletTime() },
        { token: t.token },
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = pullResponseSchema.parse(res.json());
      pages.push(page.records.length);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.length).toBeGreaterThan(1);
    const recorded = await events();
    expect(recorded).toEqual(
      pages.map((served, i) => ({
        kind: 'pull',
        at: new Date(SERVER_START.getTime() + (i + 1) * 1_000),
        user_id: 'user-ana',
        device_id: t.deviceId,
        pending_reported: 0,
        changes: served,
        device_clock: new Date(SERVER_START.getTime() + (i + 1) * 1_000 - TABLET_BEHIND_MS),
        app_version: '2.1.0',
      })),
    );
  });

  it('[S21] a device that reports nothing (an older app) still records its event, with nothing made up', async () => {
    const t = await tablet();
    const body = { protocolVersion: PROTOCOL_VERSION, deviceId: t.deviceId, mutations: [bestTime(1, 'Noon')] };
    expect((await pushRaw(server.app, t.token, body)).statusCode).toBe(200);
    // The same batch again: answered `duplicate`, applies nothing, and is still a push.
    clock.advance(1_000);
    expect((await pushRaw(server.app, t.token, body)).statusCode).toBe(200);
    expect((await server.post('/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, cursor: null, limit: 1 }, { token: t.token })).statusCode).toBe(200);
    expect((await events()).map((e) => [e.kind, e.pending_reported, e.changes, e.device_clock])).toEqual([
      ['push', null, 1, null],
      ['push', null, 0, null],
      ['pull', null, 1, null],
    ]);
  });

  it('[S21] a clock the database cannot hold is kept as not reported; the push itself goes through', async () => {
    const t = await tablet();
    const res = await pushRaw(server.app, t.token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: t.deviceId,
      mutations: [bestTime(1, 'Late')],
      pending: 1,
      deviceTime: '0000-01-01T00:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await events()).map((e) => [e.kind, e.pending_reported, e.device_clock])).toEqual([['push', 1, null]]);
  });

  it('[S21] a refused push, sealed push or pull records nothing', async () => {
    const t = await tablet();
    const other = await tablet();
    const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: t.deviceId, mutations: [bestTime(1, 'Never')], pending: 1, deviceTime: tabletTime() };
    expectError(await pushRaw(server.app, t.token, { ...valid, deviceId: other.deviceId }), 400, 'bad_request');
    expect(expectError(await pushRaw(server.app, t.token, { ...valid, pending: -1 }), 400, 'bad_request')).toContain('pending');
    expect(expectError(await pushRaw(server.app, t.token, { ...valid, pending: 1_000_001 }), 400, 'bad_request')).toContain('pending');
    expect(expectError(await pushRaw(server.app, t.token, { ...valid, deviceTime: 'yesterday' }), 400, 'bad_request')).toContain('deviceTime');
    const sealed = await sealMutation(t.pushSealKey, t.deviceId, bestTime(1, 'Never'));
    expectError(await pushSealedRaw(server.app, 'not-a-push-token', { ...valid, mutations: [sealed] }), 401, 'unauthorized');
    expectError(await pushSealedRaw(server.app, t.pushToken, { ...valid, mutations: [{ ...sealed, sealed: 'B'.repeat(120) }] }), 400, 'bad_request');
    const pull = (body: object) => server.post('/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, cursor: null, ...body }, { token: t.token });
    expectError(await pull({ cursor: 'forged' }), 400, 'bad_request');
    expectError(await pull({ protocolVersion: PROTOCOL_VERSION - 1 }), 400, 'unsupported_protocol');
    expect(expectError(await pull({ pending: 1.5 }), 400, 'bad_request')).toContain('pending');
    expectError(await server.post('/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, cursor: null }), 401, 'unauthorized');
    expect(await events()).toEqual([]);
  });
});
