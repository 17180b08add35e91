/**
 * Sign-in limits over HTTP on a fake clock: per account (backoff, then a lockout only an
 * administrator lifts) and per address (backoff only), checked before any password, with
 * the same answers for unknown usernames as for wrong passwords.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../../../src/protocol/wire';
import { DEVICE, fixtureDataset, ORG, PASSWORD } from '../../../test/fixtures';
import { expectError, pull } from '../../../test/http';
import { describeEachDb } from '../../../test/testDb';
import { fakeClock, resetSignIns, useTestServer } from '../../../test/testServer';
import { endSessions, liftSignInLockout, setPassword, signInLocks } from '../../auth/accountAdmin';

const START = new Date('2026-11-20T09:30:00.000Z');

describeEachDb('sign-in limits', (current) => {
  const clock = fakeClock(START);
  const server = useTestServer(current, { clock, dataset: fixtureDataset() });
  const later = (seconds: number) => clock.advance(seconds * 1000);
  const attempt = (username: string, password: string, remoteAddress = '10.0.0.1'): Promise<LightMyRequestResponse> =>
    server.post('/api/auth/login', { username, password, deviceId: DEVICE }, { remoteAddress });
  /** What an observer sees of an answer: status, body and Retry-After. */
  const seen = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json() as unknown, retryAfter: res.headers['retry-after'] ?? null });

  beforeEach(() => resetSignIns(current().db));

  it('200 wrong passwords then the right one: still refused, no session opened', async () => {
    for (let i = 0; i < 200; i++) await attempt('ana', `guess-${i}`);
    const res = await attempt('ana', PASSWORD);
    expectError(res, 429, 'too_many_attempts');
    expect(await current().db.query('select * from sessions')).toEqual([]);
  });

  it('an unknown username gets exactly the answers a wrong password gets, attempt after attempt', async () => {
    const answers = async (username: string) => {
      const out = [];
      for (let i = 0; i < 12; i++) {
        out.push(seen(await attempt(username, 'not the password', `10.0.1.${username.length}`)));
        later(i % 3 === 0 ? 45 : 1);
      }
      return out;
    };
    clock.set(START);
    const known = await answers('ana');
    clock.set(START);
    const unknown = await answers('zed');
    expect(unknown).toEqual(known);
    expect(known[0]).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'Wrong username or password' } }, retryAfter: null });
    expect(known.some((a) => a.status === 429)).toBe(true);
  });

  it('backs off exponentially after 5 failures, with Retry-After, and a success clears the account', async () => {
    for (let i = 0; i < 4; i++) expectError(await attempt('ana', 'wrong'), 401, 'unauthorized');
    expect((await attempt('ana', PASSWORD)).statusCode).toBe(200);
    // The success cleared the count: four more failures are not yet a backoff.
    for (let i = 0; i < 4; i++) expectError(await attempt('ana', 'wrong'), 401, 'unauthorized');
    expectError(await attempt('ana', 'wrong'), 401, 'unauthorized'); // the fifth
    let res = await attempt('ana', PASSWORD);
    expectError(res, 429, 'too_many_attempts');
    expect(res.headers['retry-after']).toBe('30');
    later(10);
    expect((await attempt('ana', PASSWORD)).headers['retry-after']).toBe('20');
    later(20);
    expectError(await attempt('ana', 'wrong'), 401, 'unauthorized'); // the sixth: 60 s
    res = await attempt('ana', PASSWORD);
    expect(res.headers['retry-after']).toBe('60');
    later(60);
    expect((await attempt('ana', PASSWORD)).statusCode).toBe(200);
  });

  it('locks the account after 10 failures until an administrator lifts it', async () => {
    for (let i = 0; i < 10; i++) {
      expectError(await attempt('Ana', 'wrong'), 401, 'unauthorized');
      later(15 * 60);
    }
    later(24 * 60 * 60);
    const res = await attempt('ana', PASSWORD);
    expectError(res, 429, 'too_many_attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const locks = await signInLocks(current().db, ORG);
    expect([...locks.keys()]).toEqual(['user-ana']);
    expect(locks.get('user-ana')?.lockedAt).toBeInstanceOf(Date);

    expect(await current().db.transaction((tx) => liftSignInLockout(tx, 'ANA'))).toBe(true);
    expect(await current().db.transaction((tx) => liftSignInLockout(tx, 'ana'))).toBe(false);
    expect((await signInLocks(current().db, ORG)).size).toBe(0);
    expect((await attempt('ana', PASSWORD)).statusCode).toBe(200);
  });

  it('the address backs off after 30 failures on any usernames, but never locks; other addresses are unaffected', async () => {
    for (let i = 0; i < 30; i++) expectError(await attempt(`nobody${i}`, 'wrong', '10.9.9.9'), 401, 'unauthorized');
    const res = await attempt('ana', PASSWORD, '10.9.9.9');
    expectError(res, 429, 'too_many_attempts');
    expect(res.headers['retry-after']).toBe('30');
    expect((await attempt('ana', PASSWORD, '10.8.8.8')).statusCode).toBe(200);
    later(30);
    expect((await attempt('ana', PASSWORD, '10.9.9.9')).statusCode).toBe(200);
    const [row] = await current().db.query<{ locked_at: Date | null }>("select locked_at from sign_in_attempts where key = 'addr:10.9.9.9'");
    expect(row?.locked_at).toBeNull();
  });

  it('audits failures of real accounts only, naming the username and never the password', async () => {
    await attempt('ana', 'secret-guess-1');
    await attempt('zed', 'secret-guess-2');
    await attempt('ana', PASSWORD);
    const rows = await current().db.query<{ action: string; user_id: string | null; org_id: string; address: string; detail: unknown }>(
      'select action, user_id, org_id, address, detail from audit_events order by id',
    );
    expect(rows).toEqual([
      { action: 'sign_in_failed', user_id: 'user-ana', org_id: ORG, address: '10.0.0.1', detail: { username: 'ana' } },
      { action: 'sign_in', user_id: 'user-ana', org_id: ORG, address: '10.0.0.1', detail: null },
    ]);
    expect(JSON.stringify(rows)).not.toContain('secret-guess');
  });

  describe('for the admin console', () => {
    it('endSessions ends a user\'s or a device\'s open sessions; setPassword ends them too', async () => {
      const a = loginResponseSchema.parse((await attempt('ana', PASSWORD)).json());
      const b = await server.signIn('ana', 'device-ana-two');
      expect(await current().db.transaction((tx) => endSessions(tx, { deviceId: 'device-ana-two' }))).toBe(1);
      expectError(await pull(server.app, b.accessToken, {}), 401, 'unauthorized');
      expect((await pull(server.app, a.accessToken, {})).statusCode).toBe(200);
      expect(await current().db.transaction((tx) => endSessions(tx, { userId: 'user-ana' }))).toBe(1);
      expect(await current().db.transaction((tx) => endSessions(tx, { userId: 'user-ana' }))).toBe(0);

      const c = loginResponseSchema.parse((await attempt('ana', PASSWORD)).json());
      await current().db.transaction((tx) => setPassword(tx, 'user-ana', 'reset by admin 1'));
      expectError(await pull(server.app, c.accessToken, {}), 401, 'unauthorized');
      expectError(await attempt('ana', PASSWORD), 401, 'unauthorized');
      expect((await attempt('ana', 'reset by admin 1')).statusCode).toBe(200);
      await current().db.transaction((tx) => setPassword(tx, 'user-ana', PASSWORD));
    });
  });
});
