/**
 * The office changes who works what, and the devices follow through sync. Three browser
 * contexts: Ana (South & West), James (Boston Central) and their supervisor.
 *
 * 1. The supervisor arranges for James to cover Ana's territory today: after his next sync his
 *    roster holds Ana's patients too. When the coverage ends (here cancelled, which ends it now;
 *    the end-of-last-day path is proven with an injected clock in officeAssignments.test.ts),
 *    his next sync takes them off his device.
 * 2. Ana signs a note for a patient; the office moves the patients of that patient's postal code
 *    to James's territory. Ana's next sync takes the patient off her device; James's brings the
 *    patient with the note Ana signed. The patients are moved back at the end, so the demo
 *    organisation is as the other stories expect it.
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
const ana = data.users.find((u) => u.username === 'ana');
const james = data.users.find((u) => u.username === 'james');
const supervisor = data.users.find((u) => u.role === 'supervisor');
if (!ana || !james || !supervisor) throw new Error('the demo organisation has no ana, james or supervisor');
const territoryName = (id: string | undefined) => data.territories.find((t) => t.id === id)?.name ?? '';
const anaTerritory = territoryName(ana.territoryIds[0]);
const jamesTerritory = territoryName(james.territoryIds[0]);
const anaCount = data.patients.filter((p) => p.territoryId === ana.territoryIds[0]).length;
const jamesCount = data.patients.filter((p) => p.territoryId === james.territoryIds[0]).length;
const NOTE = `Talked through the new inhaler ${Math.random().toString(36).slice(2, 8)}`;

let browser: Browser;
let anaPage: Page;
let jamesPage: Page;
let office: Page;
let patientName = '';
let postalCode = '';

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
}

async function rosterTotal(page: Page, total: number): Promise<void> {
  await new RosterPage(page).resultsCount().filter({ hasText: `of ${total.toLocaleString('en-US')} patients` }).waitFor({ timeout: 60_000 });
}

async function openAssignments(): Promise<void> {
  await office.getByRole('navigation', { name: 'Office sections' }).getByRole('button', { name: 'Assignments' }).click();
  await office.getByRole('heading', { name: 'Assignments', level: 1 }).waitFor();
}

async function movePatients(from: string, to: string, code: string): Promise<void> {
  await openAssignments();
  const form = office.getByRole('form', { name: 'Move patients' });
  await form.getByLabel('From territory').selectOption({ label: from });
  await form.getByLabel('To territory').selectOption({ label: to });
  await form.getByLabel('Postal code (optional)').fill(code);
  await form.getByRole('button', { name: 'Count patients' }).click();
  const move = form.getByRole('button', { name: /^Move \d+ patients?$/ });
  await move.waitFor();
  await move.click();
  await office.getByText(/patients? moved\.$/).waitFor();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the office assigns work and the devices follow', () => {
  it('Ana and James sign in on their tablets; the supervisor opens Assignments', async () => {
    anaPage = await signedInPage(await browser.newContext({ locale: 'en-US' }), baseUrl, ana);
    jamesPage = await signedInPage(await browser.newContext({ locale: 'en-US' }), baseUrl, james);
    await rosterTotal(jamesPage, jamesCount);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    office = await context.newPage();
    await office.goto(baseUrl);
    await new SignInPage(office).signIn(supervisor.username, supervisor.password);
    await openAssignments();
    const table = office.getByRole('table', { name: 'Specialists, their territories and coverages' });
    await table.getByRole('row').filter({ hasText: ana.name }).filter({ hasText: anaTerritory }).waitFor();
    expect(await accessibilityViolations(office)).toEqual([]);
  });

  it("James covers Ana's territory today: his next sync brings her patients", async () => {
    const form = office.getByRole('form', { name: 'Cover a colleague' });
    await form.getByLabel('Specialist').selectOption({ label: james.name });
    await form.getByLabel('Territory').selectOption({ label: anaTerritory });
    await form.getByRole('button', { name: 'Arrange coverage' }).click();
    await office.getByText('Coverage arranged.', { exact: false }).waitFor();
    const row = office.getByRole('table', { name: 'Specialists, their territories and coverages' }).getByRole('row').filter({ hasText: james.name });
    await row.filter({ hasText: `${anaTerritory},` }).waitFor();
    await shootBothLanguages(office, 'office-assignments');

    await syncNow(jamesPage);
    await rosterTotal(jamesPage, jamesCount + anaCount);
    patientName = ((await new RosterPage(anaPage).patients().first().locator('.roster-item__name').textContent()) ?? '').trim();
    await new RosterPage(jamesPage).search(patientName);
    await new RosterPage(jamesPage).list().getByRole('link', { name: new RegExp(patientName) }).first().waitFor();
  });

  it('when the coverage ends, his next sync takes them off his device', async () => {
    await office.getByRole('button', { name: `Cancel ${james.name}'s coverage of ${anaTerritory}` }).click();
    await office.getByText('Coverage cancelled.', { exact: false }).waitFor();
    await new RosterPage(jamesPage).search('');
    await syncNow(jamesPage);
    await rosterTotal(jamesPage, jamesCount);
    await new RosterPage(jamesPage).search(patientName);
    expect(await new RosterPage(jamesPage).list().getByRole('link', { name: new RegExp(patientName) }).count()).toBe(0);
  });

  it('Ana signs a note for a patient and syncs', async () => {
    await new RosterPage(anaPage).open(patientName);
    const address = (await anaPage.getByText(/\d{5}(-\d{4})?$/).first().textContent()) ?? '';
    postalCode = /(\d{5}(?:-\d{4})?)$/.exec(address.trim())?.[1] ?? '';
    expect(postalCode).not.toBe('');
    await anaPage.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    const note = new NotePage(anaPage);
    await note.outcome('Reached');
    await note.text(NOTE);
    anaPage.on('dialog', (d) => void d.accept());
    await note.sign();
    await syncNow(anaPage);
  });

  it("the office moves the patients of that postal code to James's territory: the patient leaves Ana's device and arrives on James's with the note", async () => {
    await movePatients(anaTerritory, jamesTerritory, postalCode);

    await syncNow(anaPage);
    await new RosterPage(anaPage).search(patientName);
    await anaPage.getByTestId('results-count').filter({ hasText: /^0 of / }).waitFor();

    await syncNow(jamesPage);
    await new RosterPage(jamesPage).search(patientName);
    await new RosterPage(jamesPage).open(patientName);
    await jamesPage.locator('.timeline__link').filter({ hasText: ana.name }).filter({ hasText: 'Phone call' }).first().click();
    await jamesPage.getByText(NOTE).first().waitFor();
  });

  it('the office moves them back; both devices follow', async () => {
    await movePatients(jamesTerritory, anaTerritory, postalCode);
    await syncNow(jamesPage);
    await rosterTotal(jamesPage, jamesCount);
    await syncNow(anaPage);
    await rosterTotal(anaPage, anaCount);
  });
});
