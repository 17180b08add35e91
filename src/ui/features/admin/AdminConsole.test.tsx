import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeAdminServer, renderAdminConsole, type AdminConsoleTest } from '../../../../tests/support/adminConsoleHarness';

let test: AdminConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
});

const writes = (t: AdminConsoleTest) => t.server.sent.filter((r) => r.method !== 'GET');

describe('the admin console', () => {
  it('lists the people and adds one; a short password is refused before anything is sent', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    const list = await screen.findByRole('list', { name: 'Users' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByRole('heading', { name: 'Ana Field' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a user' }));
    const form = screen.getByRole('form', { name: 'Add a user' });
    await user.type(within(form).getByLabelText('Username'), 'dora');
    await user.type(within(form).getByLabelText('Full name'), 'Dora Field');
    await user.type(within(form).getByLabelText('Password (at least 10 characters)'), 'short');
    await user.click(within(form).getByRole('checkbox', { name: 'North' }));
    await user.selectOptions(within(form).getByLabelText('Supervisor'), 'Sol Lead');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The password needs at least 10 characters.');
    expect(writes(test)).toEqual([]);

    await user.type(within(form).getByLabelText('Password (at least 10 characters)'), ' and longer');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Dora Field can now sign in.');
    expect(writes(test)).toEqual([
      {
        method: 'POST',
        path: '/api/admin/users',
        body: { username: 'dora', name: 'Dora Field', role: 'specialist', password: 'short and longer', territoryIds: ['ter-north'], supervisorId: 'user-sol' },
      },
    ]);
    expect(await within(screen.getByRole('list', { name: 'Users' })).findByRole('heading', { name: 'Dora Field' })).toBeInTheDocument();
  });

  it('shows the server’s refusal, naming the field, and keeps what was typed', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(await screen.findByRole('button', { name: 'Add a user' }));
    const form = screen.getByRole('form', { name: 'Add a user' });
    await user.type(within(form).getByLabelText('Username'), 'ANA');
    await user.type(within(form).getByLabelText('Full name'), 'Another Ana');
    await user.type(within(form).getByLabelText('Password (at least 10 characters)'), 'long enough secret');
    await user.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Not saved: the server did not accept this. (username: "ANA" is already taken)');
    expect(within(form).getByLabelText('Full name')).toHaveValue('Another Ana');
  });

  it('disabling a person and revoking a device ask first; cancelling sends nothing', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(await screen.findByRole('button', { name: 'Edit Ana Field' }));
    await user.click(screen.getByRole('button', { name: 'Disable account' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable Ana Field?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(writes(test)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Devices' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke device device-ana-0001 of Ana Field' }));
    const revoke = screen.getByRole('dialog', { name: 'Revoke this device?' });
    expect(revoke).toHaveTextContent('wipes its data the next time it connects');
    await user.click(within(revoke).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('Device revoked.')).toBeInTheDocument();
    expect(writes(test)).toEqual([{ method: 'POST', path: '/api/admin/devices/device-ana-0001/revoke', body: {} }]);
    expect(await screen.findByText(/^Revoked /)).toBeInTheDocument();
  });

  it('"Change password" in the header opens the administrator’s own password form in place of a section', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await screen.findByRole('list', { name: 'Users' });
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByRole('heading', { name: 'Change password', level: 1 })).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Users' })).not.toBeInTheDocument();
    for (const s of ['Users', 'Devices']) expect(screen.getByRole('button', { name: s })).not.toHaveAttribute('aria-current');
    await user.type(screen.getByLabelText('Current password'), 'current secret 1');
    await user.type(screen.getByLabelText('New password (at least 10 characters)'), 'another secret 2');
    await user.type(screen.getByLabelText('Repeat the new password'), 'another secret 2');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password was changed.');
    expect(writes(test)).toEqual([{ method: 'POST', path: '/api/auth/password', body: { currentPassword: 'current secret 1', newPassword: 'another secret 2' } }]);
    await user.click(screen.getByRole('button', { name: 'Devices' }));
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
  });

  it('an administrator cannot disable themselves or change their own role', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(await screen.findByRole('button', { name: 'Edit Ada Admin' }));
    expect(screen.getByText('This is you: you cannot disable your account or change your own role.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disable account' })).toBeNull();
    expect(screen.getByLabelText('Role')).toBeDisabled();
  });

  it('settings refuse a lock time out of range and save a good one', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const lock = await screen.findByLabelText('Lock the app after this many idle minutes (1–60)');
    await user.clear(lock);
    await user.type(lock, '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of minutes from 1 to 60.');
    expect(lock).toHaveAttribute('aria-invalid', 'true');
    expect(writes(test)).toEqual([]);
    await user.clear(lock);
    await user.type(lock, '10');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
    expect(writes(test)).toEqual([{ method: 'PUT', path: '/api/admin/settings', body: { lockAfterMinutes: 10, sessionIdleDays: 14, escalationAckMinutes: 60, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 } }]);
  });

  it('settings: the escalation acknowledgement time is refused out of range and saved in range', async () => {
    test = await renderAdminConsole('es');
    const { user } = test;
    await user.click(screen.getByRole('button', { name: 'Ajustes' }));
    const ack = await screen.findByLabelText('Marcar como atrasada una escalación urgente que nadie ha confirmado tras estos minutos (5–1440)');
    expect(ack).toHaveValue(60);
    await user.clear(ack);
    await user.type(ack, '2');
    await user.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Escriba un número entero de minutos entre 5 y 1440.');
    expect(writes(test)).toEqual([]);
    await user.clear(ack);
    await user.type(ack, '30');
    await user.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByRole('status');
    expect(writes(test)).toEqual([{ method: 'PUT', path: '/api/admin/settings', body: { lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 30, weeklyContactTarget: 40, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 30 } }]);
  });

  it('settings: the office targets and alert thresholds are refused out of range and saved in range', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const target = await screen.findByLabelText('Contacts each specialist should make in a week (0–500)');
    expect(target).toHaveValue(40);
    const unreached = screen.getByLabelText('Alert when a patient being contacted has not been reached for more than this many days (7–365)');
    await user.clear(unreached);
    await user.type(unreached, '3');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of days from 7 to 365.');
    expect(writes(test)).toEqual([]);
    await user.clear(unreached);
    await user.type(unreached, '45');
    await user.clear(target);
    await user.type(target, '35');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(writes(test)).toEqual([
      { method: 'PUT', path: '/api/admin/settings', body: { lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 60, weeklyContactTarget: 35, weeklyVisitTarget: 15, alertNoSyncDays: 2, alertContactDropPercent: 50, alertUnreachedDays: 45 } },
    ]);
  });

  it('the audit log shows events in words and asks for them with the chosen filters', async () => {
    test = await renderAdminConsole('en');
    const { user } = test;
    await user.click(screen.getByRole('button', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(table).toHaveTextContent('Settings changed');
    expect(table).toHaveTextContent('lockAfterMinutes: 5 → 10');
    await user.selectOptions(screen.getByLabelText('Action'), 'Device revoked');
    await user.selectOptions(screen.getByLabelText('Person'), 'Ana Field');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByRole('table', { name: 'Audit log' });
    expect(test.server.sent.at(-1)?.path).toBe('/api/admin/audit?userId=user-ana&action=admin.device.revoke&limit=50');
  });

  it('offline, it says the console needs a connection', async () => {
    const server = fakeAdminServer();
    server.offline = true;
    test = await renderAdminConsole('en', server);
    expect(await screen.findByText('This needs a connection to the server. Connect to the internet and try again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    test = await renderAdminConsole('es');
    const { user } = test;
    const nav = screen.getByRole('navigation', { name: 'Secciones de administración' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Usuarios', 'Dispositivos', 'Territorios', 'Registro de auditoría', 'Ajustes']);
    await user.click(await screen.findByRole('button', { name: 'Editar a Ana Field' }));
    expect(screen.getByRole('button', { name: 'Desactivar cuenta' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'Territorios' }));
    expect(await screen.findByText('3 pacientes')).toBeInTheDocument();
  });
});
