/** Page model: a patient's record, as far as the stories need it (demographics, the support system). */
import type { Page } from 'playwright-core';

export class PatientPage {
  constructor(private readonly page: Page) {}

  caregivers() {
    return this.page.getByRole('region', { name: 'Support system' });
  }

  /** Adds a caregiver by name and waits until the record shows them. */
  async addCaregiver(name: string): Promise<void> {
    await this.caregivers().getByText('Add caregiver').click();
    const form = this.caregivers().getByRole('form', { name: 'Add caregiver' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Save' }).click();
    await this.caregivers().getByText(name).waitFor();
  }

  demographics() {
    return this.page.getByRole('region', { name: 'Demographics' });
  }

  /** The best time to call as the record shows it (not while the form is open). */
  bestTimeToCall() {
    return this.demographics().locator('dt', { hasText: 'Best time to call' }).locator('xpath=following-sibling::dd[1]');
  }

  /** Changes the best time to call through the demographics form and waits until it shows. */
  async setBestTimeToCall(value: string): Promise<void> {
    await this.demographics().getByRole('button', { name: 'Edit' }).click();
    await this.demographics().getByLabel('Best time to call').fill(value);
    await this.demographics().getByRole('button', { name: 'Save' }).click();
    await this.bestTimeToCall().filter({ hasText: value }).waitFor();
  }

  pending() {
    return this.page.getByTestId('pending');
  }
}
