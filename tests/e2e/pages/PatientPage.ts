/** Page model: a patient's record, as far as the stories need it (the support system). */
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

  pending() {
    return this.page.getByTestId('pending');
  }
}
