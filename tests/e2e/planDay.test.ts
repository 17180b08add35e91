/**
 * A day planned at nine in the morning with no signal: the twelve most important patients
 * picked, the planner's day shown stop by stop from then, the first door unanswered, the rest of
 * the day re-planned, and the plan still there after the page reloads. The page's clock is
 * fixed: the screen reads the time for the plan and stamps the van taps with it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { signedInPage } from './support/session';
import { demoSpecialist } from './support/demo';

const baseUrl = inject('baseUrl');
const { user } = demoSpecialist();

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  page = await signedInPage(context, baseUrl, user);
});
afterAll(async () => {
  await browser?.close();
});

async function expectCountShownMatchesList(today: TodayPage, ids: readonly string[]) {
  const totals = (await today.totals().textContent()) ?? '';
  expect(totals).toMatch(new RegExp(`^${ids.length} visits? · `));
}

describe('planning the day offline', () => {
  it('offline, twelve picked patients become a planned day; "not home" at the first stop re-plans; a reload keeps both', async () => {
    await context.setOffline(true);
    const today = new TodayPage(page);
    await today.open();
    await today.atLocalTime(9, 0);
    await today.pickFirst(12);
    expect(await accessibilityViolations(page)).toEqual([]);

    await today.planMyDay();
    const planned = await today.plannedIds();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.length).toBeLessThanOrEqual(12);
    await expectCountShownMatchesList(today, planned);
    await expect(today.startLine().textContent()).resolves.toBe('Planned from the office at 9:00 AM.');
    await page.getByRole('img', { name: /Drawing of the route/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const first = planned[0]!;
    const name = await today.nameOf(first);
    await today.notHome(first);
    await today.waitUntilNotHome(first);
    const replanned = await today.plannedIds();
    expect(replanned).not.toContain(first);
    await expectCountShownMatchesList(today, replanned);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    // A reload starts a new worker without the data key: the password opens it, offline.
    await new SignInPage(page).unlockWithPassword(user.password);
    await today.waitUntilNotHome(first);
    await expect(today.notPlanned().locator(`li[data-stop-id="${first}"]`).textContent()).resolves.toContain(name);
    expect(await today.plannedIds()).toEqual(replanned);
    await expectCountShownMatchesList(today, replanned);
    await context.setOffline(false);
  });
});
