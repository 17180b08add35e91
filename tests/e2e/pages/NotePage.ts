/** Page model: writing, signing and reading a contact note. */
import type { Page } from 'playwright-core';

export class NotePage {
  constructor(private readonly page: Page) {}

  async outcome(label: string) {
    await this.page.getByRole('group', { name: 'Outcome' }).getByLabel(label, { exact: true }).check();
  }

  async addActivity(label: string) {
    await this.page.getByRole('group', { name: 'Add an activity' }).getByRole('button', { name: `+ ${label}` }).click();
  }

  activity(label: string) {
    return this.page.getByRole('region', { name: label });
  }

  async text(value: string) {
    await this.page.getByLabel('Notes', { exact: true }).fill(value);
  }

  /** Resolves once the last change is on the device. */
  async waitUntilSaved() {
    await this.page.getByTestId('draft-state').filter({ hasText: 'Draft saved on this device' }).waitFor();
  }

  async sign() {
    await this.page.getByRole('button', { name: 'Sign note' }).click();
    await this.page.getByRole('dialog', { name: 'Sign this note?' }).getByRole('button', { name: 'Sign note' }).click();
    await this.page.getByTestId('signed-note').waitFor();
  }

  hash() {
    return this.page.getByTestId('content-hash').textContent();
  }
}
