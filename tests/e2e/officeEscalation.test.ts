/**
 * Maria calls a patient and signs a note with an urgent escalation; after her sync, her
 * supervisor signs in to the office, finds it at the top of the escalation queue with what is
 * urgent and who raised it, and acknowledges it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotePage } from './pages/NotePage';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { signedInPage } from './support/session';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const data = demoDataset();
const maria = data.users.find((u) => u.username === 'maria');
const supervisor = data.users.find((u) => u.role === 'supervisor');
if (!maria || !supervisor) throw new Error('the demo organisation has no maria or supervisor');
const URGENT = `Out of insulin since yesterday ${Math.random().toString(36).slice(2, 8)}`;

let browser: Browser;
let office: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('an urgent escalation reaches the office', () => {
  it('Maria signs a phone call note with an urgent escalation and syncs', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await signedInPage(context, baseUrl, maria);
    await new RosterPage(page).patients().first().click();
    await page.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    const note = new NotePage(page);
    await note.outcome('Reached');
    await note.text('Reached her at home.');
    await page.getByRole('checkbox', { name: 'Urgent: escalate to the care team' }).check();
    await page.getByLabel('What is urgent').fill(URGENT);
    page.on('dialog', (d) => void d.accept());
    await note.sign();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
    await context.close();
  });

  it('the supervisor signs in to the office and finds it in the queue, open', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    office = await context.newPage();
    await office.goto(baseUrl);
    await new SignInPage(office).signIn(supervisor.username, supervisor.password);
    await office.getByRole('navigation', { name: 'Office sections' }).waitFor();
    const item = office.getByRole('list', { name: 'Escalation queue' }).getByRole('listitem').filter({ hasText: URGENT });
    await item.waitFor();
    await item.getByRole('definition').filter({ hasText: maria.name }).waitFor();
    await item.getByText('Open', { exact: true }).waitFor();
    expect(await office.getByRole('link', { name: 'Roster' }).count()).toBe(0);
    expect(await accessibilityViolations(office)).toEqual([]);
    await shootBothLanguages(office, 'office-escalations');
  });

  it('the supervisor acknowledges it; the refreshed queue says who did', async () => {
    const item = office.getByRole('list', { name: 'Escalation queue' }).getByRole('listitem').filter({ hasText: URGENT });
    await item.getByRole('button', { name: /^Acknowledge escalation for / }).click();
    await office.getByRole('status').filter({ hasText: 'acknowledged.' }).waitFor();
    await item.getByText('Acknowledged', { exact: true }).waitFor();
    await item.getByRole('definition').filter({ hasText: supervisor.name }).waitFor();
    expect(await item.getByRole('button', { name: /^Acknowledge escalation for / }).count()).toBe(0);
  });
});
