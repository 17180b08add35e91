/** Page model: the Today screen (suggested visits, "Plan my day", the plan and its van buttons). */
import type { Page } from 'playwright-core';

export class TodayPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  }

  /**
   * Fixes the page's clock at this local time today. The screen reads the time of day when the
   * day is planned and stamps every van tap with it; Playwright's clock does not reach the
   * worker, which is why the times come from the page.
   */
  async atLocalTime(hours: number, minutes = 0): Promise<void> {
    const at = await this.page.evaluate(([h, m]) => new Date().setHours(h, m, 0, 0), [hours, minutes] as const);
    await this.page.clock.setFixedTime(at);
  }

  suggestions() {
    return this.page.getByRole('list', { name: 'Suggested visits' });
  }

  /** Ticks "Visit" for the first `n` suggestions, most important first. */
  async pickFirst(n: number): Promise<void> {
    const boxes = this.suggestions().getByRole('checkbox', { name: /^Visit / });
    await boxes.nth(n - 1).waitFor();
    for (let i = 0; i < n; i++) await boxes.nth(i).check();
  }

  async planMyDay(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan my day' }).click();
    await this.planned().waitFor();
  }

  planned() {
    return this.page.getByRole('list', { name: 'Planned visits' });
  }

  notPlanned() {
    return this.page.getByRole('list', { name: 'Not in the plan' });
  }

  /** The line saying where and when the planned day starts. */
  startLine() {
    return this.page.getByTestId('plan-start');
  }

  totals() {
    return this.page.getByTestId('plan-totals');
  }

  /** Patient ids of the planned visits, in route order. */
  plannedIds(): Promise<string[]> {
    return this.planned().locator(':scope > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-stop-id') ?? ''));
  }

  stop(id: string) {
    return this.planned().locator(`:scope > li[data-stop-id="${id}"]`);
  }

  async nameOf(id: string): Promise<string> {
    return (await this.stop(id).locator('.plan-stop__name').textContent()) ?? '';
  }

  async notHome(id: string): Promise<void> {
    await this.stop(id).getByRole('button', { name: /^Not home: / }).click();
  }

  /** Waits until the plan lists the patient as left out because nobody was home. */
  async waitUntilNotHome(id: string): Promise<void> {
    await this.notPlanned().locator(`li[data-stop-id="${id}"]`).filter({ hasText: 'Not home' }).waitFor();
  }
}
