/** Page model: the admin console (sections, the add-user form, devices, audit log, settings). */
import type { Page } from 'playwright-core';

export class AdminConsolePage {
  constructor(private readonly page: Page) {}

  async open(section: 'Users' | 'Devices' | 'Territories' | 'Audit log' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: section }).click();
    await this.page.getByRole('heading', { level: 1, name: section === 'Settings' ? 'Lock and sessions' : section }).waitFor();
  }

  async addUser(user: { username: string; name: string; password: string; territory: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a user' }).click();
    const form = this.page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Username').fill(user.username);
    await form.getByLabel('Full name').fill(user.name);
    await form.getByLabel('Password (at least 10 characters)').fill(user.password);
    await form.getByRole('checkbox', { name: user.territory }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await this.page.getByRole('status').filter({ hasText: `${user.name} can now sign in.` }).waitFor();
  }

  async revokeDevice(ownerName: string, deviceId: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke device ${deviceId} of ${ownerName}` }).click();
    await this.page.getByRole('dialog', { name: 'Revoke this device?' }).getByRole('button', { name: 'Revoke' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Device revoked.' }).waitFor();
  }

  async filterAudit(action: string): Promise<void> {
    await this.page.getByLabel('Action').selectOption({ label: action });
    await this.page.getByRole('button', { name: 'Show', exact: true }).click();
  }

  auditTable() {
    return this.page.getByRole('table', { name: 'Audit log' });
  }

  async setLockMinutes(minutes: number): Promise<void> {
    const field = this.page.getByLabel('Lock the app after this many idle minutes (1–60)');
    await field.fill(String(minutes));
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  }
}
