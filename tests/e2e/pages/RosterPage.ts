/** Page model: the roster (search, filters, list) and the header's sync status. */
import type { Page } from 'playwright-core';

export class RosterPage {
  constructor(private readonly page: Page) {}

  list() {
    return this.page.getByRole('list', { name: 'Patients' });
  }

  patients() {
    return this.list().getByRole('link');
  }

  resultsCount() {
    return this.page.getByTestId('results-count');
  }

  connectivity() {
    return this.page.getByTestId('connectivity');
  }

  lastSync() {
    return this.page.getByTestId('last-sync');
  }

  /** Waits until the whole territory is on the device and the server confirmed the sync. */
  async waitForDownload(total: number): Promise<void> {
    await this.lastSync().filter({ hasText: 'Last sync' }).waitFor();
    await this.resultsCount().filter({ hasText: `of ${total} patients` }).waitFor();
  }

  /** Types a query and waits until the list shows the results for exactly that query. */
  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search by name, phone or town').fill(text);
    await this.page.waitForFunction(
      (q) => document.querySelector('[data-query]')?.getAttribute('data-query') === q,
      text,
    );
  }

  async open(name: string): Promise<void> {
    await this.list().getByRole('link', { name: new RegExp(name) }).first().click();
  }
}
