import { beforeEach, describe, expect, it } from 'vitest';
import { loginResponseSchema, type ErrorCode } from '../../../../src/protocol/wire';
import { DEVICE, fixtureDataset, NORTH, PASSWORD } from '../../../test/fixtures';
import { expectError } from '../../../test/http';
import { describeEachDb } from '../../../test/testDb';
import { fakeClock, resetSignIns, useTestServer } from '../../../test/testServer';
import type { Db } from '../../db/db';

const NOW = new Date('2026-11-20T09:30:00.000Z');

async function writes(db: Db): Promise<{ sessions: number; devices: number }> {
  const [row] = await db.query<{ sessions: number; devices: number }>(
    'select (select count(*) from sessions) as sessions, (select count(*) from devices) as devices',
  );
  return row ?? { sessions: -1, devices: -1 };
}

describeEachDb('POST /api/auth/login', (current) => {
  const server = useTestServer(current, { version: '9.9.9', clock: fakeClock(NOW), dataset: fixtureDataset() });
  const login = (payload: unknown, headers: Record<string, string> = {}) => server.post('/api/auth/login', payload, { headers });

  beforeEach(() => resetSignIns(current().db));

  it('signs in: tokens, the device, who the user is, their territories and the server time', async () => {
    const res = await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE, appVersion: '1.2.3' });
    expect(res.statusCode, res.body).toBe(200);
    const body = loginResponseSchema.parse(res.json());
    expect(body.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.accessExpiresAt).toBe('2026-11-20T09:45:00.000Z');
    expect(body.deviceId).toBe(DEVICE);
    expect(Buffer.from(body.deviceKey, 'base64url')).toHaveLength(32);
    expect(body.settings).toEqual({ lockAfterMinutes: 5 });
    expect(body.user).toEqual({ id: 'user-ana', name: 'Ana Tester', role: 'specialist' });
    expect(body.territories).toEqual([{ id: NORTH, name: 'North' }]);
    expect(body.serverTime).toBe(NOW.toISOString());
    expect(body.careTeamPhone).toBe('+16175550100');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('records the device (with its app version and key) and a session holding only token hashes', async () => {
    const { db } = current();
    const res = await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE, appVersion: '1.2.3' });
    const { accessToken, refreshToken, deviceKey } = loginResponseSchema.parse(res.json());
    const sessions = await db.query<{ access_hash: string; refresh_hash: string; device_id: string; expires_at: Date }>(
      'select access_hash, refresh_hash, device_id, expires_at from sessions',
    );
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(accessToken);
    expect(JSON.stringify(sessions)).not.toContain(refreshToken);
    expect(sessions[0]?.access_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]?.device_id).toBe(DEVICE);
    expect(sessions[0]?.expires_at.toISOString()).toBe('2027-02-18T09:30:00.000Z');
    const devices = await db.query('select user_id, first_seen, app_version, device_key from devices');
    expect(devices).toEqual([{ user_id: 'user-ana', first_seen: NOW, app_version: '1.2.3', device_key: deviceKey }]);
  });

  it('ignores the case and surrounding spaces of the username', async () => {
    const res = await login({ username: '  Ana ', password: PASSWORD, deviceId: DEVICE });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('gives supervisors and admins only the territories they work themselves, not the organisation', async () => {
    const sol = await login({ username: 'sol', password: PASSWORD, deviceId: DEVICE });
    expect(loginResponseSchema.parse(sol.json()).territories.map((t) => t.name)).toEqual(['North']);
    const ada = await login({ username: 'ada', password: PASSWORD, deviceId: 'device-ada-login' });
    expect(loginResponseSchema.parse(ada.json()).territories).toEqual([]);
  });

  it('another person signing in with a device id that is not theirs gets a new id; the owner keeps theirs', async () => {
    const first = loginResponseSchema.parse((await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE })).json());
    const second = loginResponseSchema.parse((await login({ username: 'ben', password: PASSWORD, deviceId: DEVICE })).json());
    expect(second.deviceId).not.toBe(DEVICE);
    expect(second.deviceId).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(second.deviceKey).not.toBe(first.deviceKey);
    expect(await current().db.query('select id, user_id from devices order by user_id')).toEqual([
      { id: DEVICE, user_id: 'user-ana' },
      { id: second.deviceId, user_id: 'user-ben' },
    ]);
    expect(await writes(current().db)).toEqual({ sessions: 2, devices: 2 });
    // The owner signing in again keeps the id and the key.
    const again = loginResponseSchema.parse((await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE })).json());
    expect([again.deviceId, again.deviceKey]).toEqual([DEVICE, first.deviceKey]);
  });

  it('refuses a revoked device, even with the right password', async () => {
    const { db } = current();
    await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE });
    await db.query('update devices set revoked_at = $1', [NOW]);
    const res = await login({ username: 'ana', password: PASSWORD, deviceId: DEVICE });
    expect(expectError(res, 403, 'device_revoked')).toMatch(/signed out by an administrator/);
    expect(await writes(db)).toEqual({ sessions: 1, devices: 1 });
  });

  describe('rejects, writing nothing', () => {
    const ok = { username: 'ana', password: PASSWORD, deviceId: DEVICE };
    const json = { 'content-type': 'application/json' };
    const wrong = /^Wrong username or password$/;
    const required = /^username: username is required$/;
    // [case, body (objects are sent as JSON), headers, status, code, message]
    const cases: [string, unknown, Record<string, string>, number, ErrorCode, RegExp][] = [
      ['a wrong password', { ...ok, password: 'nope' }, {}, 401, 'unauthorized', wrong],
      ['an unknown user', { ...ok, username: 'zed' }, {}, 401, 'unauthorized', wrong],
      ['a missing username', { password: PASSWORD, deviceId: DEVICE }, {}, 400, 'bad_request', required],
      ['an empty username', { ...ok, username: '  ' }, {}, 400, 'bad_request', required],
      ['a username that is a number', { ...ok, username: 5 }, {}, 400, 'bad_request', /^username: .*string/],
      ['a short deviceId', { ...ok, deviceId: 'abc' }, {}, 400, 'bad_request', /^deviceId: /],
      ['an unknown field', { ...ok, admin: true }, {}, 400, 'bad_request', /^admin: unknown field$/],
      ['a body that is an array', [1, 2], {}, 400, 'bad_request', /JSON object/],
      ['malformed JSON', '{"username": "ana",', json, 400, 'bad_request', /^Request body is not valid JSON$/],
      ['an empty JSON body', '', json, 400, 'bad_request', /empty/],
      ['a prototype-poisoning body', '{"__proto__": {"admin": true}}', json, 400, 'bad_request', /^Request body contains the field "__proto__", which is never accepted$/],
      ['a form body', 'username=ana', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'bad_request', /JSON/],
      ['a text/plain body', JSON.stringify(ok), { 'content-type': 'text/plain' }, 415, 'bad_request', /JSON/],
      ['a body that is too large', { ...ok, password: 'x'.repeat(100_000) }, {}, 413, 'payload_too_large', /too large/],
    ];
    it.each(cases)('%s', async (_name, body, headers, status, code, message) => {
      const before = await writes(current().db);
      expect(expectError(await login(body, headers), status, code)).toMatch(message);
      expect(await writes(current().db)).toEqual(before);
    });
  });
});
