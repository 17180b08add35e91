/**
 * Sessions end to end over HTTP: refresh rotation bound to the device, reuse of a spent
 * refresh token, access expiry and the idle timeout on a fake clock, sign-out, password
 * change, disabled users, revoked devices, device ownership, and the demo password outside
 * demo mode.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { okResponseSchema, refreshResponseSchema } from '../../../../src/protocol/wire';
import { DEVICE, fixtureDataset, NORTH_PATIENTS, PASSWORD, SOUTH_PATIENTS } from '../../../test/fixtures';
import { expectError, pull } from '../../../test/http';
import { change, push, pushRaw } from '../../../test/push';
import { describeEachDb } from '../../../test/testDb';
import { fakeClock, resetSignIns, useTestServer } from '../../../test/testServer';
import { ACCESS_LIFETIME_MS } from '../../auth/sessions';
import { DEMO_PASSWORD } from '../../seed/organisation';
import { hashPassword } from '../../auth/password';
import { buildApp } from '../buildApp';

const START = new Date('2026-11-20T09:30:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const N1 = NORTH_PATIENTS[0] as string;
const S1 = SOUTH_PATIENTS[0] as string;

describeEachDb('sessions: refresh, sign-out, password, devices', (current) => {
  const clock = fakeClock(START);
  const server = useTestServer(current, { clock, dataset: fixtureDataset() });
  const { post } = server;
  const login = (username = 'ana', deviceId?: string, password?: string) => server.signIn(username, deviceId, password);
  const refresh = (refreshToken: string, deviceId = DEVICE) => post('/api/auth/refresh', { refreshToken, deviceId });
  const pullOk = async (token: string) => (await pull(server.app, token, {})).statusCode;

  beforeEach(async () => {
    await resetSignIns(current().db);
    await current().db.exec('update users set disabled_at = null; delete from org_settings;');
    const hash = await hashPassword(PASSWORD);
    await current().db.query('update users set password_hash = $1', [hash]);
  });

  describe('refresh', () => {
    it('rotates: new tokens work, the access token expires after 15 minutes and a refresh renews it', async () => {
      const first = await login();
      expect(await pullOk(first.accessToken)).toBe(200);
      clock.set(new Date(START.getTime() + ACCESS_LIFETIME_MS));
      expectError(await pull(server.app, first.accessToken, {}), 401, 'unauthorized');
      const res = await refresh(first.refreshToken);
      expect(res.statusCode, res.body).toBe(200);
      const next = refreshResponseSchema.parse(res.json());
      expect(next.refreshToken).not.toBe(first.refreshToken);
      expect(next.accessToken).not.toBe(first.accessToken);
      expect(next.accessExpiresAt).toBe(new Date(clock.now().getTime() + ACCESS_LIFETIME_MS).toISOString());
      expect(next.settings).toEqual({ lockAfterMinutes: 5 });
      expect(await pullOk(next.accessToken)).toBe(200);
    });

    it('a spent refresh token presented again ends the session, for the thief and the device alike', async () => {
      const first = await login();
      const next = refreshResponseSchema.parse((await refresh(first.refreshToken)).json());
      expectError(await refresh(first.refreshToken), 401, 'unauthorized');
      // The session is over: neither the rotated refresh token nor its access token work.
      expectError(await refresh(next.refreshToken), 401, 'unauthorized');
      expectError(await pull(server.app, next.accessToken, {}), 401, 'unauthorized');
      const [row] = await current().db.query<{ ended_reason: string }>('select ended_reason from sessions');
      expect(row?.ended_reason).toBe('refresh_reused');
    });

    it('works only from the device it was issued to', async () => {
      const first = await login();
      expectError(await refresh(first.refreshToken, 'device-somewhere-else'), 401, 'unauthorized');
      // Refused without ending anything: the real device carries on.
      expect((await refresh(first.refreshToken)).statusCode).toBe(200);
    });

    it('ends after the organisation idle days without use, and after 90 days whatever the use', async () => {
      await current().db.query("insert into org_settings (org_id, session_idle_days) values ('org-1', 3)");
      let tokens = await login();
      clock.set(new Date(START.getTime() + 3 * DAY - 1000));
      tokens = { ...tokens, ...refreshResponseSchema.parse((await refresh(tokens.refreshToken)).json()) };
      clock.advance(3 * DAY);
      expectError(await refresh(tokens.refreshToken), 401, 'unauthorized');

      await current().db.exec('delete from org_settings');
      let live = await login();
      for (let day = 10; day < 90; day += 10) {
        clock.advance(10 * DAY);
        const res = await refresh(live.refreshToken);
        expect(res.statusCode, res.body).toBe(200);
        live = { ...live, ...refreshResponseSchema.parse(res.json()) };
      }
      clock.advance(10 * DAY);
      expectError(await refresh(live.refreshToken), 401, 'unauthorized');
    });

    it('answers device_revoked for a revoked device, unauthorized for a disabled user', async () => {
      const ana = await login();
      const ben = await login('ben', 'device-ben-0001');
      await current().db.query('update devices set revoked_at = $1 where id = $2', [clock.now(), DEVICE]);
      expectError(await refresh(ana.refreshToken), 403, 'device_revoked');
      expectError(await pull(server.app, ana.accessToken, {}), 403, 'device_revoked');
      await current().db.query("update users set disabled_at = $1 where id = 'user-ben'", [clock.now()]);
      expectError(await refresh(ben.refreshToken, 'device-ben-0001'), 401, 'unauthorized');
      expectError(await pull(server.app, ben.accessToken, {}), 401, 'unauthorized');
      // A disabled account cannot sign in either; the answer is the wrong-password one.
      const res = await post('/api/auth/login', { username: 'ben', password: PASSWORD, deviceId: 'device-ben-0001' });
      expect(expectError(res, 401, 'unauthorized')).toBe('Wrong username or password');
    });
  });

  describe('sign-out and password change', () => {
    it('logout ends this session only, and is audited', async () => {
      const phone = await login('ana', DEVICE);
      const tablet = await login('ana', 'device-ana-tablet');
      const res = await post('/api/auth/logout', {}, { token: phone.accessToken });
      expect(okResponseSchema.parse(res.json())).toEqual({ ok: true });
      expectError(await pull(server.app, phone.accessToken, {}), 401, 'unauthorized');
      expectError(await refresh(phone.refreshToken), 401, 'unauthorized');
      expect(await pullOk(tablet.accessToken)).toBe(200);
      expectError(await post('/api/auth/logout', {}), 401, 'unauthorized');
      const audit = await current().db.query<{ action: string; device_id: string }>(
        "select action, device_id from audit_events where action in ('sign_in', 'sign_out') order by id",
      );
      expect(audit).toEqual([
        { action: 'sign_in', device_id: DEVICE },
        { action: 'sign_in', device_id: 'device-ana-tablet' },
        { action: 'sign_out', device_id: DEVICE },
      ]);
    });

    it('a password change needs the current password, checks the new one, and ends the other sessions', async () => {
      const phone = await login('ana', DEVICE);
      const tablet = await login('ana', 'device-ana-tablet');
      const change = (body: object) => post('/api/auth/password', body, { token: phone.accessToken });
      expect(expectError(await change({ currentPassword: 'wrong one!', newPassword: 'a brand new secret' }), 403, 'forbidden')).toMatch(/currentPassword/);
      expect(expectError(await change({ currentPassword: PASSWORD, newPassword: 'short' }), 400, 'bad_request')).toMatch(/newPassword: .*10 characters/);
      expect(expectError(await change({ currentPassword: PASSWORD, newPassword: 'ANA' }), 400, 'bad_request')).toMatch(/newPassword/);
      await current().db.query("update users set username = 'anabelle123' where id = 'user-ana'");
      expect(expectError(await change({ currentPassword: PASSWORD, newPassword: 'Anabelle123' }), 400, 'bad_request')).toMatch(/username/);
      await current().db.query("update users set username = 'ana' where id = 'user-ana'");
      expect(expectError(await change({ currentPassword: PASSWORD, newPassword: DEMO_PASSWORD }), 400, 'bad_request')).toMatch(/demo/);

      const res = await change({ currentPassword: PASSWORD, newPassword: 'a brand new secret' });
      expect(res.statusCode, res.body).toBe(200);
      expect(await pullOk(phone.accessToken)).toBe(200);
      expectError(await pull(server.app, tablet.accessToken, {}), 401, 'unauthorized');
      expectError(await refresh(tablet.refreshToken, 'device-ana-tablet'), 401, 'unauthorized');
      expectError(await post('/api/auth/login', { username: 'ana', password: PASSWORD, deviceId: DEVICE }), 401, 'unauthorized');
      await login('ana', DEVICE, 'a brand new secret');
      const audit = await current().db.query<{ action: string; detail: unknown }>(
        "select action, detail from audit_events where action = 'password_change'",
      );
      expect(audit).toEqual([{ action: 'password_change', detail: { sessionsEnded: 1 } }]);
    });
  });

  describe('a device id belongs to one user', () => {
    it('another person using the id gets a new one; the owner next push still applies', async () => {
      const ana = await login('ana', DEVICE);
      // Ben signs in with Ana's device id (copied, or a shared tablet whose data was kept).
      const ben = await login('ben', DEVICE);
      expect(ben.deviceId).not.toBe(DEVICE);
      const bens = await push(server.app, ben.accessToken, ben.deviceId, [change(1, { kind: 'patient', entityId: S1, patientId: S1, values: { room: '7' } })]);
      expect(bens.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);
      // Ben's session cannot push as Ana's device.
      expectError(
        await pushRaw(server.app, ben.accessToken, { protocolVersion: 4, deviceId: DEVICE, mutations: [change(2, { kind: 'patient', entityId: S1, patientId: S1 })] }),
        400,
        'bad_request',
      );
      // Ana's change number 1 is hers, not a duplicate of Ben's.
      const anas = await push(server.app, ana.accessToken, DEVICE, [change(1, { kind: 'patient', entityId: N1, patientId: N1, values: { room: '12B' } })]);
      expect(anas.results).toEqual([{ no: 1, status: 'applied', conflicts: 0 }]);
      expect(await current().db.query('select user_id from devices where id = $1', [DEVICE])).toEqual([{ user_id: 'user-ana' }]);
    });

    it('a revoked device id is refused at sign-in, whoever signs in with it', async () => {
      await login('ana', DEVICE);
      await current().db.query('update devices set revoked_at = $1', [clock.now()]);
      for (const username of ['ana', 'ben']) {
        const res = await post('/api/auth/login', { username, password: PASSWORD, deviceId: DEVICE });
        expectError(res, 403, 'device_revoked');
      }
    });
  });

  describe('the demo password', () => {
    it('is refused outside demo mode, like a wrong password, even when it is the account password', async () => {
      await current().db.query("update users set password_hash = $1 where id = 'user-ana'", [await hashPassword(DEMO_PASSWORD)]);
      const res = await post('/api/auth/login', { username: 'ana', password: DEMO_PASSWORD, deviceId: DEVICE });
      expect(expectError(res, 401, 'unauthorized')).toBe('Wrong username or password');
      const demo = await buildApp({ db: current().db, version: 'test', now: clock.now, demoMode: true });
      try {
        const ok = await demo.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: DEMO_PASSWORD, deviceId: DEVICE } });
        expect(ok.statusCode, ok.body).toBe(200);
      } finally {
        await demo.close();
      }
    });
  });
});
