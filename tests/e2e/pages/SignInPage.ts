/** Page model: the sign-in screen. */
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(private readonly page: Page) {}

  /** The PIN `signIn` chooses when the device asks for one (a first sign-in). */
  static readonly PIN = '2580';

  /**
   * Signs in; when the device then asks for a PIN (every successful first sign-in does), chooses
   * `SignInPage.PIN`, so stories about something else land on the roster as before.
   */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    const pinSetup = this.page.getByRole('heading', { name: 'Choose a PIN' });
    await Promise.race([pinSetup.waitFor(), this.error().first().waitFor()]);
    if (await pinSetup.isVisible()) await this.choosePin(SignInPage.PIN);
  }

  /** After a reload or relaunch the device asks for the password (the key is not in memory). */
  async unlockWithPassword(password: string): Promise<void> {
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  /**
   * After a first sign-in the device asks for a PIN (twice) before anything shows. Digits are
   * typed on the pad's labelled buttons.
   */
  async choosePin(pin: string): Promise<void> {
    await this.page.getByRole('heading', { name: 'Choose a PIN' }).waitFor();
    for (const label of ['Next', 'Save PIN']) {
      for (const d of pin) await this.page.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
      await this.page.getByRole('button', { name: label }).click();
    }
  }

  error() {
    return this.page.getByRole('alert');
  }
}
