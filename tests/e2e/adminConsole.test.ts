/**
 * An administrator's morning: signs in to the admin console, adds a new specialist (who signs
 * in on a tablet and changes the first password), revokes a tablet reported lost, finds both
 * in the audit log, and shortens the lock time.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AdminConsolePage } from './pages/AdminConsolePage';
import { LockPage } from './pages/LockPage';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { apiDevice } from './support/apiDevice';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const data = demoDataset();
const admin = data.users.find((u) => u.role === 'admin');
const specialist = data.users.find((u) => u.role === 'specialist');
const territory = data.territories.find((t) => t.id === specialist?.territoryIds[0]);
if (!admin || !specialist || !territory) throw new Error('the demo organisation has no admin, specialist or territory');

const suffix = Math.random().toString(36).slice(2, 8);
const newcomer = { username: `nina-${suffix}`, name: `Nina Ortiz ${suffix}`, password: 'first day at work', territory: territory.name };
const lostTablet = `tablet-lost-${suffix}`;

let browser: Browser;
let page: Page;
let console_: AdminConsolePage;

beforeAll(async () => {
  // The tablet that will be reported lost: the specialist signed in on it once.
  await apiDevice(baseUrl, specialist, lostTablet);
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
  page = await context.newPage();
  console_ = new AdminConsolePage(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('the admin console', () => {
  it('the administrator signs in and sees the console instead of the field tabs', async () => {
    await page.goto(baseUrl);
    await new SignInPage(page).signIn(admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Administration sections' }).waitFor();
    await page.getByRole('list', { name: 'Users' }).getByRole('heading', { name: specialist.name }).waitFor();
    expect(await page.getByRole('link', { name: 'Roster' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('creates a user for a new specialist', async () => {
    await console_.addUser(newcomer);
    await page.getByRole('list', { name: 'Users' }).getByRole('heading', { name: newcomer.name }).waitFor();
    await shootBothLanguages(page, 'admin-users');
  });

  it('the new specialist changes the first password on their tablet; after a reload only the new one opens it', async () => {
    const chosen = `my own secret ${suffix}`;
    const tablet = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    const p = await tablet.newPage();
    try {
      await p.goto(baseUrl);
      await new SignInPage(p).signIn(newcomer.username, newcomer.password);
      await p.getByRole('button', { name: 'Change password' }).click();
      const form = p.getByRole('form', { name: 'Change password' });
      await form.getByLabel('Current password').fill(newcomer.password);
      await form.getByLabel('New password (at least 10 characters)').fill(chosen);
      await form.getByLabel('Repeat the new password').fill(`${chosen}!`);
      await form.getByRole('button', { name: 'Save new password' }).click();
      await form.getByRole('alert').filter({ hasText: 'The two new passwords are different.' }).waitFor();
      await form.getByLabel('Repeat the new password').fill(chosen);
      await form.getByRole('button', { name: 'Save new password' }).click();
      await form.getByRole('status').filter({ hasText: 'Your password was changed.' }).waitFor();
      expect(await accessibilityViolations(p)).toEqual([]);
      await shootBothLanguages(p, 'change-password');

      // A reload is a new worker: no key in memory, the password unwraps it.
      await p.reload();
      const lock = new LockPage(p);
      await lock.heading().waitFor();
      await lock.unlockWithPassword(newcomer.password);
      await lock.alert().filter({ hasText: 'Wrong password.' }).waitFor();
      await lock.unlockWithPassword(chosen);
      await p.getByRole('button', { name: 'Change password' }).waitFor();
    } finally {
      await tablet.close();
    }
  });

  it('revokes a lost tablet, after confirming', async () => {
    await console_.open('Devices');
    await console_.revokeDevice(specialist.name, lostTablet);
    await page.getByRole('row', { name: new RegExp(lostTablet) }).getByText(/^Revoked /).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shootBothLanguages(page, 'admin-devices');
  });

  it('finds both in the audit log', async () => {
    await console_.open('Audit log');
    await console_.filterAudit('User created');
    await console_.auditTable().getByText(`username: ${newcomer.username}`).waitFor();
    await console_.filterAudit('Device revoked');
    await console_.auditTable().getByText(`device ${lostTablet}`).waitFor();
    expect(await console_.auditTable().getByText(admin.name).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shootBothLanguages(page, 'admin-audit');
  });

  it('changes the lock time, and the change is audited', async () => {
    await console_.open('Settings');
    await console_.setLockMinutes(10);
    await shootBothLanguages(page, 'admin-settings');
    await console_.open('Audit log');
    await console_.filterAudit('Settings changed');
    await console_.auditTable().getByText('lockAfterMinutes: 5 → 10').waitFor();
  });
});
