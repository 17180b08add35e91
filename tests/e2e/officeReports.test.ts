/**
 * The supervisor opens the Overview and the engagement funnel in Chromium under the server's
 * Content-Security-Policy, at tablet sizes, in both languages. The two report answers are
 * canned (a large overview: 50 specialists, 52 weeks; tests/support/officeReports.ts) and
 * served by the browser's request routing, so what is proven here is the screens: recharts
 * loads on demand and draws under the policy, numbers and summaries show, the chart takes the
 * keyboard, and axe finds nothing. The server's numbers are proven by the server suites.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bigOverview, fakeFunnel } from '../support/officeReports';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const supervisor = demoDataset().users.find((u) => u.role === 'supervisor');
if (!supervisor) throw new Error('the demo organisation has no supervisor');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const chartRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // No service worker: every request reaches the routing below (the worker's fetches included).
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await context.route(/\/api\/office\/overview\?/, (route) => route.fulfill(json(bigOverview(50, 52))));
  await context.route(/\/api\/office\/funnel\?/, (route) => route.fulfill(json(fakeFunnel())));
  page = await context.newPage();
  page.on('request', (r) => {
    if (/ReportChart-.*\.js$/.test(r.url())) chartRequests.push(r.url());
  });
  await page.goto(baseUrl);
  await new SignInPage(page).signIn(supervisor.username, supervisor.password);
  await page.getByRole('navigation', { name: 'Office sections' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

describe('the office reports', () => {
  it('fetches the chart library once the office is open and idle, before any report opens (the field app never imports it)', async () => {
    await expect.poll(() => chartRequests.length, { timeout: 15_000 }).toBe(1);
  });

  it('the Overview shows headline numbers, 50 specialists and the weekly charts, under the policy', async () => {
    await page.getByRole('navigation', { name: 'Office sections' }).getByRole('button', { name: 'Overview' }).click();
    const specialists = page.getByRole('table', { name: 'Numbers per specialist' });
    await specialists.waitFor();
    expect(await specialists.getByRole('row').count()).toBe(51);
    await page.getByText('Reach rate stayed at 50% over 52 weeks.').or(page.getByText(/^Reach rate (rose|fell) from/)).first().waitFor();
    const reach = page.getByRole('figure', { name: 'Reach rate per week' });
    await reach.locator('svg.recharts-surface').first().waitFor();
    expect(chartRequests).toHaveLength(1);
    expect(await page.getByText('Contacts attempted', { exact: true }).first().isVisible()).toBe(true);
    expect(await cspViolations()).toEqual([]);
  });

  it('a chart takes the keyboard: focus shows a point and the arrow keys move along the weeks', async () => {
    const reach = page.getByRole('figure', { name: 'Reach rate per week' });
    const surface = reach.locator('.recharts-wrapper [tabindex="0"]').first();
    await surface.focus();
    await page.keyboard.press('ArrowRight');
    await reach.locator('.recharts-tooltip-wrapper').filter({ hasText: 'Reach rate' }).waitFor();
  });

  it('reads well on a tablet, upright and sideways, in both languages, with no accessibility violation', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await shootBothLanguages(page, 'office-overview-1024x768');
    await page.setViewportSize({ width: 768, height: 1024 });
    await shootBothLanguages(page, 'office-overview-768x1024');
    // No sideways scrolling of the whole page: wide tables scroll inside their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('the funnel shows the stages and drop-off by channel in words', async () => {
    await page.getByRole('navigation', { name: 'Office sections' }).getByRole('button', { name: 'Funnel' }).click();
    await page.getByRole('table', { name: 'Patients at each stage' }).waitFor();
    await page.getByLabel('Drop-off by', { exact: true }).selectOption('channel');
    const byChannel = page.getByRole('table', { name: /^Drop-off by channel/ });
    await byChannel.getByRole('rowheader', { name: 'Call' }).waitFor();
    await page.getByRole('figure', { name: /^Share reached by channel/ }).locator('svg.recharts-surface').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shootBothLanguages(page, 'office-funnel-768x1024');
    expect(await cspViolations()).toEqual([]);
  });
});
