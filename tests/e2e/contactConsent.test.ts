/**
 * A patient has a new mobile: the specialist changes the number, which starts with no consent,
 * records that the patient declined calls on it (the Call button goes and the refusal is named),
 * then that they agreed after all (the Call button comes back), and it all reaches the server.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fullName } from '../../src/domain/patient';
import { RosterPage } from './pages/RosterPage';
import { launchChromium } from './support/chromium';
import { demoDataset, demoSpecialist } from './support/demo';
import { signedInPage } from './support/session';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();

/** A patient of the specialist's territory with exactly one phone on file. */
function patientWithOnePhone() {
  const phones = demoDataset().contactPoints.filter((c) => c.channel === 'phone' && !c.removed);
  const patient = patients.find((p) => phones.filter((c) => c.patientId === p.id).length === 1);
  if (!patient) throw new Error('no demo patient with exactly one phone');
  return patient;
}

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

describe('a changed phone and its consent', () => {
  it('a new number starts without consent; a refusal removes the Call button and is named; consent brings it back', async () => {
    const patient = patientWithOnePhone();
    await page.goto(`${baseUrl}/#/patients/${encodeURIComponent(patient.id)}`);
    await page.getByRole('heading', { level: 1, name: fullName(patient) }).waitFor();
    const contacts = page.getByRole('region', { name: 'Contacts' });

    await contacts.getByRole('button', { name: /^Change Phone / }).click();
    await contacts.getByLabel('New number or address').fill('(617) 555-0187');
    await contacts.getByRole('button', { name: 'Save', exact: true }).first().click();
    const row = contacts.getByRole('listitem').filter({ hasText: '(617) 555-0187' });
    await row.getByText('Consent not asked').waitFor();
    expect(await row.getByRole('link', { name: /^Call .*\(617\) 555-0187$/ }).getAttribute('href')).toBe('tel:+16175550187');

    await row.getByLabel('How the patient said so').selectOption('verbal');
    await row.getByRole('button', { name: 'Declined' }).click();
    await row.getByRole('note').filter({ hasText: /^Refused: the patient does not want calls here \(recorded .+ by .+\)\.$/ }).waitFor();
    expect(await row.getByRole('link', { name: /^Call/ }).count()).toBe(0);

    await row.getByRole('button', { name: 'Granted' }).click();
    await row.getByRole('link', { name: /^Call .*\(617\) 555-0187$/ }).waitFor();
    await row.getByText('Consent history (2 entries)').click();
    expect(await row.locator('.consent-history li').allTextContents()).toEqual([
      expect.stringMatching(/^Granted \(Spoken\), .+, recorded by /),
      expect.stringMatching(/^Declined \(Spoken\), .+, recorded by /),
    ]);

    await page.getByRole('button', { name: 'Sync now' }).click();
    await new RosterPage(page).lastSync().filter({ hasText: 'Last sync' }).waitFor();
    await page.getByText('All changes synced').waitFor({ timeout: 30_000 });
  });
});
