/**
 * Maria, in her van without signal, calls a patient and signs a note with an urgent
 * escalation; back online, she syncs. Her supervisor, in the office, finds it in the escalation
 * queue with what is urgent and who raised it, acknowledges it and assigns its follow-up. Maria's
 * next sync brings the office's answer to her Follow-ups and the patient's screen, in her
 * language. A colleague's device, in a third context, never sees the escalation: the patient is
 * not in his territory.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
const james = data.users.find((u) => u.username === 'james');
const supervisor = data.users.find((u) => u.role === 'supervisor');
if (!maria || !james || !supervisor) throw new Error('the demo organisation has no maria, james or supervisor');
const URGENT = `Out of insulin since yesterday ${Math.random().toString(36).slice(2, 8)}`;

let browser: Browser;
let van: BrowserContext;
let field: Page;
let office: Page;
let patientName = '';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('an urgent escalation reaches the office', () => {
  it('Maria signs a phone call note with an urgent escalation offline, then syncs when back online', async () => {
    van = await browser.newContext({ locale: 'en-US' });
    field = await signedInPage(van, baseUrl, maria);
    await van.setOffline(true);
    const first = new RosterPage(field).patients().first();
    patientName = ((await first.locator('.roster-item__name').textContent()) ?? '').trim();
    await first.click();
    await field.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    const note = new NotePage(field);
    await note.outcome('Reached');
    await note.text('Reached her at home.');
    await field.getByRole('checkbox', { name: 'Urgent: escalate to the care team' }).check();
    await field.getByLabel('What is urgent').fill(URGENT);
    field.on('dialog', (d) => void d.accept());
    await note.sign();
    // Signed on the device, waiting for the office: nothing has left the van yet.
    await field.getByRole('link', { name: 'Follow-ups' }).click();
    await field.getByRole('listitem').filter({ hasText: URGENT }).getByText('Waiting for the office', { exact: true }).waitFor();
    await van.setOffline(false);
    await field.getByRole('button', { name: 'Sync now' }).click();
    await field.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
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

  it('the supervisor assigns its follow-up to Maria', async () => {
    const item = office.getByRole('list', { name: 'Escalation queue' }).getByRole('listitem').filter({ hasText: URGENT });
    await item.getByLabel('Assign to').selectOption({ label: maria.name });
    await item.getByRole('button', { name: /^Assign escalation for / }).click();
    await item.getByRole('definition').filter({ hasText: maria.name }).nth(1).waitFor();
  });

  it("Maria's next sync brings the office's answer to her Follow-ups and the patient, in English and Spanish", async () => {
    await field.getByRole('button', { name: 'Sync now' }).click();
    await field.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
    await field.getByRole('link', { name: 'Follow-ups' }).click();
    const shown = field.getByRole('listitem').filter({ hasText: URGENT });
    await shown.getByText('Acknowledged', { exact: true }).waitFor();
    await shown.getByText(new RegExp(`^Acknowledged .* by ${supervisor.name}$`)).waitFor();
    await shown.getByText(`Followed up by ${maria.name}`).waitFor();
    expect(await shown.getByText('Waiting for the office').count()).toBe(0);
    await shootBothLanguages(field, 'field-escalation-acknowledged');
    await field.getByRole('button', { name: 'Español', exact: true }).first().click();
    await shown.getByText('Confirmada', { exact: true }).waitFor();
    await shown.getByText(`Seguimiento a cargo de ${maria.name}`).waitFor();
    await field.getByRole('button', { name: 'English', exact: true }).first().click();
    await shown.getByRole('link', { name: patientName }).click();
    await field.getByRole('listitem').filter({ hasText: URGENT }).getByText('Acknowledged', { exact: true }).waitFor();
    await van.close();
  });

  it("a colleague's device never holds the escalation: the patient is not in his territory", async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await signedInPage(context, baseUrl, james);
    await page.getByRole('link', { name: 'Follow-ups' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText(URGENT).count()).toBe(0);
    await context.close();
  });
});
