/**
 * The specialist, offline in the van, and at the office (their desk computer, a second device)
 * change the same patient's phone number.
 * Both sync; the specialist sees what was overwritten and restores theirs; everyone ends with
 * the same number. A push cut off by the page closing is neither lost nor applied twice.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPhone } from '../../src/domain/patient';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { SignInPage } from './pages/SignInPage';
import { signedInPage } from './support/session';
import { demoDataset } from './support/demo';

const baseUrl = inject('baseUrl');
const data = demoDataset();
const specialist = data.users.find((u) => u.username === 'james');
if (!specialist) throw new Error('demo users missing');
// A patient of James's territory with exactly one phone number, so the row is unambiguous.
const phones = (id: string) => data.contactPoints.filter((c) => c.patientId === id && c.channel === 'phone' && !c.removed);
const patient = data.patients.find((p) => p.territoryId === specialist.territoryIds[0] && phones(p.id).length === 1);
if (!patient) throw new Error('no suitable patient');
const phone = phones(patient.id)[0];
if (!phone) throw new Error('no phone');
const patientUrl = `${baseUrl}/#/patients/${patient.id}`;
const VAN = '(617) 555-0199';
const OFFICE = '(617) 555-0188';

let browser: Browser;
let van: BrowserContext;
let office: BrowserContext;
let vanPage: Page;
let officePage: Page;

async function changePhone(page: Page, from: string, to: string) {
  await page.goto(patientUrl);
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await contacts.getByRole('button', { name: `Change Phone ${from}` }).click();
  await contacts.getByLabel('New number or address').fill(to);
  await contacts.getByRole('button', { name: 'Save' }).click();
  await contacts.getByText(to).first().waitFor();
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
  await page.getByTestId('last-sync').filter({ hasText: 'Last sync' }).waitFor();
}

beforeAll(async () => {
  browser = await launchChromium();
  van = await browser.newContext({ locale: 'en-US' });
  office = await browser.newContext({ locale: 'en-US' });
  vanPage = await signedInPage(van, baseUrl, specialist);
  // Supervisors keep no patients on their devices: the other device is the specialist's own desk.
  officePage = await signedInPage(office, baseUrl, specialist);
});
afterAll(async () => {
  await browser?.close();
});

describe('two people change the same phone number', () => {
  it('offline in the van, the change waits on the device and says so', async () => {
    await van.setOffline(true);
    await changePhone(vanPage, formatPhone(phone.value), VAN);
    await vanPage.getByTestId('pending').filter({ hasText: '1 change not yet synced' }).waitFor();
    await vanPage.getByRole('region', { name: 'Contacts' }).getByText('Not yet synced').waitFor();
  });

  it('the office changes it too and syncs', async () => {
    await changePhone(officePage, formatPhone(phone.value), OFFICE);
    await syncNow(officePage);
  });

  it('back online, the van syncs, sees the conflict side by side and restores its number', async () => {
    await van.setOffline(false);
    await syncNow(vanPage);
    await vanPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts (1)' }).click();
    const conflict = vanPage.getByRole('list', { name: 'Conflicts to review' }).getByRole('listitem').first();
    await conflict.getByText('+16175550188').waitFor();
    await conflict.getByText('+16175550199').waitFor();
    expect(await accessibilityViolations(vanPage)).toEqual([]);
    await conflict.getByRole('button', { name: 'Restore the overwritten value' }).click();
    await vanPage.getByText('No conflicts to review.').waitFor();
    await syncNow(vanPage);
  });

  it('everyone converges on the restored number', async () => {
    await syncNow(officePage);
    for (const page of [vanPage, officePage]) {
      await page.goto(patientUrl);
      await page.getByRole('region', { name: 'Contacts' }).getByText(VAN).first().waitFor();
      await expect(page.getByRole('region', { name: 'Contacts' }).getByText(OFFICE).count()).resolves.toBe(0);
    }
  });

  it('a push cut off by closing the page is neither lost nor applied twice', async () => {
    await van.setOffline(true);
    await vanPage.goto(patientUrl);
    const caregivers = vanPage.getByRole('region', { name: 'Support system' });
    await caregivers.getByText('Add caregiver').click();
    const form = caregivers.getByRole('form', { name: 'Add caregiver' });
    await form.getByLabel('Name').fill('Teresa Close-Test');
    await form.getByRole('button', { name: 'Save' }).click();
    await caregivers.getByText('Teresa Close-Test').waitFor();

    // The server receives and commits the push, but the page is gone before the answer. With
    // the network back, the browser may fire the background sync too: the service worker's
    // sealed push is cut off the same way.
    let closed: Promise<void> | null = null;
    const PUSH = /\/api\/sync\/push(-sealed)?$/;
    await van.route(PUSH, async (route) => {
      const response = await route.fetch();
      closed = vanPage.close();
      await route.fulfill({ response }).catch(() => undefined);
    });
    await van.setOffline(false);
    await vanPage.getByRole('button', { name: 'Sync now' }).click().catch(() => undefined);
    await expect.poll(() => closed !== null, { timeout: 30_000 }).toBe(true);
    await closed;
    await van.unroute(PUSH);

    vanPage = await van.newPage();
    await vanPage.goto(patientUrl);
    // A new page starts a new worker without the data key: the password opens it.
    await new SignInPage(vanPage).unlockWithPassword(specialist.password);
    await syncNow(vanPage);
    await syncNow(officePage);
    await officePage.goto(patientUrl);
    const names = officePage.getByRole('region', { name: 'Support system' }).getByText('Teresa Close-Test');
    await names.first().waitFor();
    await expect(names.count()).resolves.toBe(1);
  });
});
