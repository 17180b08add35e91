/**
 * The admin console's people: an administrator lists, creates and changes accounts, resets a
 * password and lifts a sign-in lockout; each change is audited in its transaction with the
 * acting administrator. Nobody else may, and another organisation's people are not found.
 */
import { describe, expect, it } from 'vitest';
import { adminUserResponseSchema, adminUsersResponseSchema } from '../../../../src/protocol/admin';
import { adminState, auditRows, useAdminServer } from '../../../test/admin';
import { PASSWORD } from '../../../test/fixtures';
import { expectError } from '../../../test/http';
import { describeEachDb } from '../../../test/testDb';

const NEW_USER = { username: 'dora', name: 'Dora Field', role: 'specialist', password: 'a long new password', territoryIds: ['ter-north'] };

describeEachDb('admin console: users', (current) => {
  const { server, tokens } = useAdminServer(current);
  const { call } = server;
  const db = () => current().db;

  it('lists the organisation’s people with role, territories and lock state, and nobody from elsewhere', async () => {
    const res = await call(tokens.ada, 'GET', '/api/admin/users');
    expect(res.statusCode, res.body).toBe(200);
    const { users } = adminUsersResponseSchema.parse(res.json());
    expect(users.map((u) => u.username).sort()).toEqual(['ada', 'ana', 'ben', 'sol', 'sue']);
    expect(users.find((u) => u.username === 'ana')).toMatchObject({
      role: 'specialist', territories: [{ id: 'ter-north', name: 'North' }], disabledAt: null, lockedAt: null,
    });
  });

  it('creates a user who can then sign in, audited without the password', async () => {
    const res = await call(tokens.ada, 'POST', '/api/admin/users', { ...NEW_USER, supervisorId: 'user-sol' });
    expect(res.statusCode, res.body).toBe(201);
    const { user } = adminUserResponseSchema.parse(res.json());
    expect(user).toMatchObject({ username: 'dora', role: 'specialist', supervisorId: 'user-sol', territories: [{ id: 'ter-north' }] });
    const login = await server.post('/api/auth/login', { username: 'Dora', password: NEW_USER.password, deviceId: 'device-dora-001' });
    expect(login.statusCode, login.body).toBe(200);
    const [row] = await auditRows(db(), 'admin.user.create');
    expect(row).toMatchObject({ userId: 'user-ada', deviceId: 'device-ada-0001', entityKind: 'user', entityId: user.id });
    expect(row?.detail).toMatchObject({ username: 'dora', role: 'specialist', territoryIds: ['ter-north'] });
    expect(JSON.stringify(row)).not.toContain(NEW_USER.password);
  });

  it('updates name, role, territories and supervisor with before and after per field', async () => {
    const res = await call(tokens.ada, 'PATCH', '/api/admin/users/user-ben', {
      name: 'Benjamin Tester', territoryIds: ['ter-north', 'ter-south'], supervisorId: 'user-sue',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ name: 'Benjamin Tester', supervisorId: 'user-sue' });
    expect(res.json().user.territories.map((t: { id: string }) => t.id)).toEqual(['ter-north', 'ter-south']);
    const [row] = await auditRows(db(), 'admin.user.update');
    expect(row).toMatchObject({ userId: 'user-ada', entityId: 'user-ben' });
    expect(row?.changes).toEqual([
      { field: 'name', before: 'Ben Tester', after: 'Benjamin Tester' },
      { field: 'supervisorId', before: 'user-sol', after: 'user-sue' },
      { field: 'territoryIds', before: ['ter-south'], after: ['ter-north', 'ter-south'] },
    ]);
  });

  it('disabling an account ends its sessions; enabling it again lets the person back in', async () => {
    const res = await call(tokens.ada, 'PATCH', '/api/admin/users/user-ana', { disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.disabledAt).not.toBeNull();
    expectError(await call(tokens.ana, 'GET', '/api/admin/users'), 401, 'unauthorized');
    const [row] = await auditRows(db(), 'admin.user.update');
    expect(row?.changes).toEqual([{ field: 'disabled', before: false, after: true }]);
    expect(row?.detail).toMatchObject({ sessionsEnded: 1 });
    const back = await call(tokens.ada, 'PATCH', '/api/admin/users/user-ana', { disabled: false });
    expect(back.json().user.disabledAt).toBeNull();
  });

  it('an administrator cannot disable or demote themselves', async () => {
    const before = await adminState(db());
    expect(expectError(await call(tokens.ada, 'PATCH', '/api/admin/users/user-ada', { disabled: true }), 400, 'bad_request')).toMatch(/^disabled: you cannot disable your own account/);
    expect(expectError(await call(tokens.ada, 'PATCH', '/api/admin/users/user-ada', { role: 'supervisor' }), 400, 'bad_request')).toMatch(/^role:/);
    expect(await adminState(db())).toBe(before);
  });

  it('resets a password: the old one stops working, sessions end, the audit row holds no password', async () => {
    const res = await call(tokens.ada, 'POST', '/api/admin/users/user-ana/password', { password: 'brand new secret 1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expectError(await call(tokens.ana, 'GET', '/api/admin/users'), 401, 'unauthorized');
    const old = await server.post('/api/auth/login', { username: 'ana', password: PASSWORD, deviceId: 'device-ana-0001' });
    expect(old.statusCode).toBe(401);
    const [row] = await auditRows(db(), 'admin.user.password_reset');
    expect(row).toMatchObject({ userId: 'user-ada', entityId: 'user-ana', detail: { username: 'ana' } });
    expect(JSON.stringify(row)).not.toContain('brand new secret');
  });

  it('unlocks a locked sign-in', async () => {
    await db().query("insert into sign_in_attempts (key, failures, locked_at) values ('user:ana', 12, now())");
    const listed = adminUsersResponseSchema.parse((await call(tokens.ada, 'GET', '/api/admin/users')).json());
    expect(listed.users.find((u) => u.id === 'user-ana')?.lockedAt).not.toBeNull();
    const res = await call(tokens.ada, 'POST', '/api/admin/users/user-ana/unlock');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unlocked: true });
    expect(await db().query("select * from sign_in_attempts where key = 'user:ana'")).toEqual([]);
    const [row] = await auditRows(db(), 'admin.user.unlock');
    expect(row).toMatchObject({ userId: 'user-ada', entityId: 'user-ana', detail: { wasLocked: true } });
  });

  describe('bad input is named and changes nothing', () => {
    const cases: [string, object, RegExp][] = [
      ['a short password', { ...NEW_USER, password: 'short' }, /^password: at least 10 characters/],
      ['a missing name', { ...NEW_USER, name: undefined }, /^name: name is required/],
      ['an unknown role', { ...NEW_USER, role: 'owner' }, /^role:/],
      ['an extra field', { ...NEW_USER, isAdmin: true }, /^isAdmin: unknown field/],
      ['a taken username, in any case', { ...NEW_USER, username: 'ANA' }, /^username: "ANA" is already taken/],
      ['a territory of another organisation', { ...NEW_USER, territoryIds: ['ter-east'] }, /^territoryIds: no territory ter-east/],
      ['a supervisor who is not one', { ...NEW_USER, supervisorId: 'user-ben' }, /^supervisorId: that person is not a supervisor/],
      ['a NUL in a name', { ...NEW_USER, name: 'Do\u0000ra' }, /^name: contains a NUL/],
    ];
    it.each(cases)('creating with %s', async (_what, body, message) => {
      const before = await adminState(db());
      expect(expectError(await call(tokens.ada, 'POST', '/api/admin/users', body), 400, 'bad_request')).toMatch(message);
      expect(await adminState(db())).toBe(before);
    });
    it('an empty change, or a supervisor of oneself', async () => {
      const before = await adminState(db());
      expect(expectError(await call(tokens.ada, 'PATCH', '/api/admin/users/user-ben', {}), 400, 'bad_request')).toMatch(/Nothing to change/);
      expect(expectError(await call(tokens.ada, 'PATCH', '/api/admin/users/user-sol', { supervisorId: 'user-sol' }), 400, 'bad_request')).toMatch(/^supervisorId:/);
      expect(await adminState(db())).toBe(before);
    });
  });

  describe('only an administrator of the same organisation', () => {
    const requests: [string, 'GET' | 'POST' | 'PATCH', string, object | undefined][] = [
      ['list', 'GET', '/api/admin/users', undefined],
      ['create', 'POST', '/api/admin/users', NEW_USER],
      ['update', 'PATCH', '/api/admin/users/user-ben', { name: 'X' }],
      ['reset a password', 'POST', '/api/admin/users/user-ben/password', { password: 'another long one' }],
      ['unlock', 'POST', '/api/admin/users/user-ben/unlock', undefined],
    ];
    it.each(requests)('a specialist and a supervisor may not %s (403), and nothing changes', async (_what, method, url, body) => {
      const before = await adminState(db());
      expectError(await call(tokens.ana, method, url, body), 403, 'forbidden');
      expectError(await call(tokens.sol, method, url, body), 403, 'forbidden');
      expect(await adminState(db())).toBe(before);
    });
    it.each(requests.slice(2))('another organisation’s administrator cannot %s this organisation’s user (404)', async (_what, method, url, body) => {
      const before = await adminState(db());
      expect(expectError(await call(tokens.eve, method, url, body), 404, 'not_found')).toMatch(/No user user-ben in your organisation/);
      expect(await adminState(db())).toBe(before);
    });
    it('an unknown user id is not found', async () => {
      expectError(await call(tokens.ada, 'PATCH', '/api/admin/users/user-nobody', { name: 'X' }), 404, 'not_found');
    });
  });
});
