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

  /**
   * Lets the page's clock run again from the real time (after atLocalTime): autosaves, sync
   * and the roster's "due" dates read the clock as it moves, and later stories need it to.
   */
  async realTime(): Promise<void> {
    await this.page.clock.setSystemTime(Date.now());
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

  /** Patient ids of the planned visits, in route order (a care home's residents in their order). */
  plannedIds(): Promise<string[]> {
    return this.planned()
      .locator('li[data-stop-id]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-stop-id') ?? ''));
  }

  /** A planned visit: a stop's card, or a resident's line inside a care home's card. */
  stop(id: string) {
    return this.planned().locator(`li[data-stop-id="${id}"]`);
  }

  /**
   * Every clock time the plan shows, in reading order, as minutes since midnight: the stops'
   * drives, lunches, waits and arrive/start/leave times, then the way back. Badges (late risks
   * name a closing time, not a moment of the plan) and the visit-length controls are left out.
   */
  async shownTimes(): Promise<number[]> {
    const text = await this.page.locator('.plan').evaluate((plan) => {
      const parts: string[] = [];
      const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (!(node instanceof Element) || node.matches('.badge, select, .plan__totals, .plan__skipped, svg')) return;
        node.childNodes.forEach(walk);
      };
      plan.querySelectorAll('.plan__stops, .plan__return').forEach(walk);
      return parts.join(' ');
    });
    return [...text.matchAll(/(\d{1,2}):(\d{2})\s*(AM|PM)?/g)].map(([, h, m, half]) => {
      const hours = Number(h) % 12 + (half === 'PM' ? 12 : 0);
      return (half ? hours : Number(h)) * 60 + Number(m);
    });
  }

  /** Each "Leave at … · N min drive · arrive …" line (English) as [leave, drive minutes, arrive]. */
  async drives(): Promise<[number, number, number][]> {
    const lines = await this.page.locator('.plan .plan-stop__leave').allTextContents();
    const clock = (t: string): number => {
      const [, h, m, half] = /(\d{1,2}):(\d{2})\s*(AM|PM)/.exec(t) ?? [];
      return (Number(h) % 12 + (half === 'PM' ? 12 : 0)) * 60 + Number(m);
    };
    return lines.map((line) => {
      const [leave = '', drive = '', arrive = ''] = line.slice(line.indexOf('Leave at')).split(' · ');
      const hours = /(\d+) h/.exec(drive)?.[1] ?? '0';
      const minutes = /(\d+) min/.exec(drive)?.[1] ?? '0';
      return [clock(leave), Number(hours) * 60 + Number(minutes), clock(arrive)];
    });
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
