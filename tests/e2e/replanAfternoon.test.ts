/**
 * A day planned after lunchtime and re-planned after a door nobody answered: the plan starts
 * when it was asked for (1:00 PM, not the shift start), and every time on the screen agrees with
 * the others, before and after the re-plan: the times read in order never go back, and each
 * drive leaves, takes its minutes and arrives as it says. Screenshots in English and Spanish.
 * On an iPad, Navigate hands the stop to Apple Maps.
 */
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TodayPage } from './pages/TodayPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { demoSpecialist } from './support/demo';
import { signedInPage } from './support/session';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const { user } = demoSpecialist();
const ONE_PM = 13 * 60;

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 820, height: 1180 } });
  page = await signedInPage(context, baseUrl, user);
});
afterAll(async () => {
  await browser?.close();
});

/** The labels agree with the plan's times: in order, from 1 PM on, drives adding up. */
async function expectLabelsAgree(today: TodayPage): Promise<void> {
  const times = await today.shownTimes();
  expect(times.length).toBeGreaterThan(4);
  expect(times[0]).toBeGreaterThanOrEqual(ONE_PM);
  for (let i = 1; i < times.length; i++) expect(times[i], `time ${i} of ${times.join(', ')}`).toBeGreaterThanOrEqual(times[i - 1]!);
  const drives = await today.drives();
  expect(drives.length).toBeGreaterThan(0);
  // Minutes are rounded for display: leave + drive lands within a minute of the arrival shown
  // (lunch on the way is its own line and pushes the arrival later).
  for (const [leave, minutes, arrive] of drives) expect(arrive - (leave + minutes)).toBeGreaterThanOrEqual(-1);
}

describe('planning the afternoon', () => {
  it('planned at 1:00 PM the day starts then; "not home" re-plans; every label agrees with the times', async () => {
    const today = new TodayPage(page);
    await today.open();
    await today.atLocalTime(13, 0);
    await today.pickFirst(10);
    await today.planMyDay();
    await expect(today.startLine().textContent()).resolves.toBe('Planned from the office at 1:00 PM.');
    const planned = await today.plannedIds();
    expect(planned.length).toBeGreaterThan(1);
    await expectLabelsAgree(today);
    await shootBothLanguages(page, 'today-afternoon-plan');

    await today.atLocalTime(13, 40);
    const first = planned[0]!;
    await today.notHome(first);
    await today.waitUntilNotHome(first);
    const replanned = await today.plannedIds();
    expect(replanned).not.toContain(first);
    expect(replanned.length).toBeGreaterThan(0);
    await expectLabelsAgree(today);
    const times = await today.shownTimes();
    // Re-planned from 1:40 PM at the unanswered door: nothing is planned before then.
    expect(times[0]).toBeGreaterThanOrEqual(ONE_PM + 40);
    await expect(page.locator('.plan .plan-stop__leave').first().textContent()).resolves.toContain('From where you are');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shootBothLanguages(page, 'today-afternoon-replanned');
  });

  it('on an iPad, Navigate opens Apple Maps in a new tab, with coordinates only', async () => {
    const ipad = await browser.newContext({ ...devices['iPad Pro 11'], locale: 'en-US', timezoneId: 'America/New_York' });
    try {
      const tablet = await signedInPage(ipad, baseUrl, user);
      const today = new TodayPage(tablet);
      await today.open();
      await today.atLocalTime(10, 0);
      await today.pickFirst(3);
      await today.planMyDay();
      const link = today.planned().getByRole('link', { name: /^Navigate to / }).first();
      expect(await link.getAttribute('href')).toMatch(/^https:\/\/maps\.apple\.com\/\?daddr=-?\d+(\.\d+)?,-?\d+(\.\d+)?&dirflg=d$/);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener');
    } finally {
      await ipad.close();
    }
  });
});
