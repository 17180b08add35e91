/** Page model: the lock screen (PIN pad or password) shown instead of every screen while locked. */
import type { Page } from 'playwright-core';

export class LockPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Rounds is locked' });
  }

  async unlockWithPin(pin: string): Promise<void> {
    for (const d of pin) await this.page.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async unlockWithPassword(password: string): Promise<void> {
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
