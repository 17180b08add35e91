/** Page model: the sign-in screen. */
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
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
