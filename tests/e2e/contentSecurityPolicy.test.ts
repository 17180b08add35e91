/**
 * The built app runs under the server's Content-Security-Policy: a specialist signs in, the
 * territory downloads (worker, IndexedDB, service worker), and a patient opens, and the
 * browser reports no violation of the policy on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RosterPage } from './pages/RosterPage';
import { launchChromium } from './support/chromium';
import { demoSpecialist } from './support/demo';
import { signedInPage } from './support/session';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();

let browser: Browser;
let context: BrowserContext;
let page: Page;
const reported: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US' });
  // Before any of the app's own code: every violation in the page is kept.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  // Violations in workers, and anything else the browser complains about, reach the console.
  context.on('console', (message) => {
    if (message.type() === 'error') reported.push(message.text());
  });
  context.on('weberror', (error) => reported.push(String(error.error())));
});
afterAll(async () => {
  await browser?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

describe('content security policy', () => {
  it('the app is served with the policy', async () => {
    const res = await fetch(baseUrl);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/);
  });

  it('a specialist signs in, the territory arrives and a patient opens, and nothing breaks the policy', async () => {
    page = await signedInPage(context, baseUrl, user);
    const roster = new RosterPage(page);
    const target = patients[3] ?? patients[0];
    if (!target) throw new Error('empty territory');
    const name = `${target.givenName} ${target.familyName}`;
    await roster.search(name);
    await roster.open(name);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Care gaps' }).waitFor();
    expect(await violations()).toEqual([]);
    expect(reported.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
  });

  it('after a reload from the service worker, still no violation', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await violations()).toEqual([]);
    expect(reported.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
  });

  // Last: it breaks the policy on purpose, to prove the watch above would have seen it.
  it('an inline script is refused and reported', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
    });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  });
});
