/**
 * The admin console's devices, territories and settings: revoking a lost tablet, creating and
 * renaming territories, setting the lock and session times. Each change is audited with the
 * acting administrator; nobody else may; another organisation's things are not found.
 */
import { describe, expect, it } from 'vitest';
import { adminDevicesResponseSchema, adminTerritoriesResponseSchema, settingsResponseSchema } from '../../../../src/protocol/admin';
import { adminState, auditRows, useAdminServer } from '../../../test/admin';
import { expectError, pull } from '../../../test/http';
import { describeEachDb } from '../../../test/testDb';

describeEachDb('admin console: devices, territories, settings', (current) => {
  const { server, tokens } = useAdminServer(current);
  const { call } = server;
  const db = () => current().db;

  describe('devices', () => {
    it('lists the organisation’s devices with their owner, and revoking one ends its sessions at once', async () => {
      const list = adminDevicesResponseSchema.parse((await call(tokens.ada, 'GET', '/api/admin/devices')).json());
      expect(list.devices.map((d) => d.id).sort()).toEqual(['device-ada-0001', 'device-ana-0001', 'device-sol-0001']);
      expect(list.devices.find((d) => d.id === 'device-ana-0001')).toMatchObject({ ownerId: 'user-ana', ownerName: 'Ana Tester', revokedAt: null });

      const res = await call(tokens.ada, 'POST', '/api/admin/devices/device-ana-0001/revoke');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ sessionsEnded: 1, device: { id: 'device-ana-0001', revokedByName: 'Ada Tester' } });
      expect(res.json().device.revokedAt).not.toBeNull();
      // The revoked device is told so (it wipes what it holds), not merely asked to sign in again.
      expect((await pull(server.app, tokens.ana, {})).json()).toMatchObject({ error: { code: 'device_revoked' } });
      const [row] = await auditRows(db(), 'admin.device.revoke');
      expect(row).toMatchObject({ userId: 'user-ada', deviceId: 'device-ada-0001', entityKind: 'device', entityId: 'device-ana-0001', detail: { ownerId: 'user-ana', sessionsEnded: 1 } });
      // Revoking again changes nothing and adds no audit row.
      expect((await call(tokens.ada, 'POST', '/api/admin/devices/device-ana-0001/revoke')).json()).toMatchObject({ sessionsEnded: 0 });
      expect(await auditRows(db(), 'admin.device.revoke')).toHaveLength(1);
    });

    it('a specialist or supervisor may not list or revoke (403); another organisation’s admin finds nothing (404)', async () => {
      const before = await adminState(db());
      for (const token of [tokens.ana, tokens.sol]) {
        expectError(await call(token, 'GET', '/api/admin/devices'), 403, 'forbidden');
        expectError(await call(token, 'POST', '/api/admin/devices/device-ana-0001/revoke'), 403, 'forbidden');
      }
      expect(expectError(await call(tokens.eve, 'POST', '/api/admin/devices/device-ana-0001/revoke'), 404, 'not_found')).toMatch(/No device device-ana-0001/);
      const eves = adminDevicesResponseSchema.parse((await call(tokens.eve, 'GET', '/api/admin/devices')).json());
      expect(eves.devices.map((d) => d.id)).toEqual(['device-eve-0001']);
      expect(await adminState(db())).toBe(before);
    });
  });

  describe('territories', () => {
    it('lists territories with patient counts and people; creates and renames, audited', async () => {
      const list = adminTerritoriesResponseSchema.parse((await call(tokens.ada, 'GET', '/api/admin/territories')).json());
      expect(list.territories).toEqual([
        {
          id: 'ter-north',
          name: 'North',
          patientCount: 3,
          people: [
            { id: 'user-ana', name: 'Ana Tester', role: 'specialist' },
            { id: 'user-sol', name: 'Sol Tester', role: 'supervisor' },
          ],
        },
        { id: 'ter-south', name: 'South', patientCount: 2, people: [{ id: 'user-ben', name: 'Ben Tester', role: 'specialist' }] },
      ]);
      const created = await call(tokens.ada, 'POST', '/api/admin/territories', { name: '  West  ' });
      expect(created.statusCode, created.body).toBe(201);
      const west = created.json().territory as { id: string; name: string };
      expect(west).toMatchObject({ name: 'West', patientCount: 0, people: [] });
      const renamed = await call(tokens.ada, 'PATCH', `/api/admin/territories/${west.id}`, { name: 'West Lynn' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json().territory.name).toBe('West Lynn');
      const rows = await auditRows(db());
      expect(rows.map((r) => [r.action, r.userId, r.entityId])).toEqual([
        ['admin.territory.create', 'user-ada', west.id],
        ['admin.territory.rename', 'user-ada', west.id],
      ]);
      expect(rows[1]?.changes).toEqual([{ field: 'name', before: 'West', after: 'West Lynn' }]);
    });

    it('a duplicate or empty name is refused, naming the field, and changes nothing', async () => {
      const before = await adminState(db());
      expect(expectError(await call(tokens.ada, 'POST', '/api/admin/territories', { name: 'north' }), 400, 'bad_request')).toMatch(/^name: a territory named "north" already exists/);
      expect(expectError(await call(tokens.ada, 'PATCH', '/api/admin/territories/ter-south', { name: 'North' }), 400, 'bad_request')).toMatch(/^name:/);
      expect(expectError(await call(tokens.ada, 'POST', '/api/admin/territories', { name: '   ' }), 400, 'bad_request')).toMatch(/^name: a name is required/);
      expect(await adminState(db())).toBe(before);
    });

    it('a specialist or supervisor may not (403); another organisation’s admin finds nothing (404)', async () => {
      const before = await adminState(db());
      for (const token of [tokens.ana, tokens.sol]) {
        expectError(await call(token, 'GET', '/api/admin/territories'), 403, 'forbidden');
        expectError(await call(token, 'POST', '/api/admin/territories', { name: 'West' }), 403, 'forbidden');
        expectError(await call(token, 'PATCH', '/api/admin/territories/ter-north', { name: 'Up' }), 403, 'forbidden');
      }
      expectError(await call(tokens.eve, 'PATCH', '/api/admin/territories/ter-north', { name: 'Up' }), 404, 'not_found');
      expect(await adminState(db())).toBe(before);
    });
  });

  describe('settings', () => {
    it('reads the defaults when the organisation has none, and saves a new lock time, audited', async () => {
      const read = settingsResponseSchema.parse((await call(tokens.ada, 'GET', '/api/admin/settings')).json());
      expect(read.settings).toEqual({ lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 60, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 });
      const res = await call(tokens.ada, 'PUT', '/api/admin/settings', { lockAfterMinutes: 10 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ settings: { lockAfterMinutes: 10, sessionIdleDays: 14, escalationAckMinutes: 60, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 } });
      expect((await call(tokens.ada, 'GET', '/api/admin/settings')).json().settings.lockAfterMinutes).toBe(10);
      // Another organisation keeps its own.
      expect((await call(tokens.eve, 'GET', '/api/admin/settings')).json().settings.lockAfterMinutes).toBe(5);
      const [row] = await auditRows(db(), 'admin.settings.update');
      expect(row).toMatchObject({ userId: 'user-ada', changes: [{ field: 'lockAfterMinutes', before: 5, after: 10 }] });
    });

    it("saves the escalation acknowledgement time, which the office queue's overdue flag uses", async () => {
      const res = await call(tokens.ada, 'PUT', '/api/admin/settings', { escalationAckMinutes: 15 });
      expect(res.json()).toEqual({ settings: { lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 15, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 } });
      expect((await db().query<{ m: number }>("select escalation_ack_minutes as m from org_settings where org_id = 'org-1'"))[0]?.m).toBe(15);
      const [row] = await auditRows(db(), 'admin.settings.update');
      expect(row).toMatchObject({ changes: [{ field: 'escalationAckMinutes', before: 60, after: 15 }] });
    });

    it('saves the office targets and alert thresholds (migration 17), audited field by field', async () => {
      const res = await call(tokens.ada, 'PUT', '/api/admin/settings', { weeklyContactTarget: 35, alertUnreachedDays: 45 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().settings).toMatchObject({ weeklyContactTarget: 35, weeklyVisitTarget: 15, alertUnreachedDays: 45 });
      const [row] = await auditRows(db(), 'admin.settings.update');
      expect(row).toMatchObject({
        changes: [
          { field: 'weeklyContactTarget', before: 40, after: 35 },
          { field: 'alertUnreachedDays', before: 30, after: 45 },
        ],
      });
    });

    it.each([
      [{ weeklyContactTarget: 501 }, /^weeklyContactTarget: from 0 to 500/],
      [{ alertNoSyncDays: 0 }, /^alertNoSyncDays: from 1 to 60/],
      [{ alertContactDropPercent: 95 }, /^alertContactDropPercent: from 10 to 90/],
      [{ alertUnreachedDays: 6 }, /^alertUnreachedDays: from 7 to 365/],
      [{ lockAfterMinutes: 0 }, /^lockAfterMinutes: from 1 to 60/],
      [{ lockAfterMinutes: 61 }, /^lockAfterMinutes: from 1 to 60/],
      [{ lockAfterMinutes: 2.5 }, /^lockAfterMinutes:/],
      [{ sessionIdleDays: 91 }, /^sessionIdleDays: from 1 to 90/],
      [{ escalationAckMinutes: 4 }, /^escalationAckMinutes: from 5 to 1440/],
      [{ lockAfterMinutes: '5' }, /^lockAfterMinutes:/],
      [{ theme: 'dark' }, /^theme: unknown field/],
      [{}, /Nothing to change/],
    ])('%j is refused, naming the field, and changes nothing', async (body, message) => {
      const before = await adminState(db());
      expect(expectError(await call(tokens.ada, 'PUT', '/api/admin/settings', body), 400, 'bad_request')).toMatch(message);
      expect(await adminState(db())).toBe(before);
    });

    it('a specialist or supervisor may not read or change them (403)', async () => {
      const before = await adminState(db());
      for (const token of [tokens.ana, tokens.sol]) {
        expectError(await call(token, 'GET', '/api/admin/settings'), 403, 'forbidden');
        expectError(await call(token, 'PUT', '/api/admin/settings', { lockAfterMinutes: 1 }), 403, 'forbidden');
      }
      expect(await adminState(db())).toBe(before);
    });
  });
});
