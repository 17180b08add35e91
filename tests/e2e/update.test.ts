/**
 * A new version is deployed while a specialist has the app open. The app offers "Update" and
 * waits: typing continues undisturbed, and the page reloads only when the person asks.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
let server: RunningServer;
let page: Page;
let staticDir: string;

beforeAll(async () => {
  // A private copy of the build, so this test can "deploy" a new version into it.
  staticDir = mkdtempSync(join(tmpdir(), 'rounds-static-'));
  cpSync(resolve(import.meta.dirname, '../../dist'), staticDir, { recursive: true });
  server = await startServer({ STATIC_DIR: staticDir });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'en-US' })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('updating to a new version', () => {
  it('the app says when it is ready to work offline', async () => {
    await page.goto(server.url);
    await page.getByText('Rounds is ready to work offline.').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a new deployment is offered with an Update button and nothing reloads while the person types', async () => {
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.getByLabel('Username').fill('mar');
    appendFileSync(join(staticDir, 'sw.js'), '\n// next release\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByText('A new version of Rounds is ready.').waitFor();

    await page.getByLabel('Username').pressSequentially('ia');
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe('maria');
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true);
  });

  it('pressing Update activates the new version and reloads once', async () => {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update' }).click()]);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBeUndefined();
    await expect(page.getByText('A new version of Rounds is ready.').count()).resolves.toBe(0);
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
  });
});
