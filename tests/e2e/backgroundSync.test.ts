/**
 * No signal in the van: the specialist adds a caregiver and closes the app. When the network
 * returns, the browser fires the background sync with no tab open (S20). The service worker
 * never holds the data key (docs/SECURITY.md): it sends the change's copy sealed to the
 * server's key with the session's push token, reads nothing and writes nothing in clear, and
 * the office sees the caregiver before the app is opened again. The app opened again needs
 * the password; once unlocked, nothing is left to send and it shows the caregiver as synced.
 * Chromium only: it is the browser with Background Sync.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PatientPage } from './pages/PatientPage';
import { SignInPage } from './pages/SignInPage';
import { apiDevice, type ApiDevice } from './support/apiDevice';
import { fireBackgroundSync } from './support/backgroundSync';
import { launchChromium } from './support/chromium';
import { demoSpecialist } from './support/demo';
import { signedInPage } from './support/session';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();
const patient = patients[11] ?? patients[0];
if (!patient) throw new Error('empty territory');
const patientUrl = `${baseUrl}/#/patients/${patient.id}`;
const CAREGIVER = 'Rosa Background-Sync';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let office: ApiDevice;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US' });
  page = await signedInPage(context, baseUrl, user);
  // What the server holds, read through a second device of the same person (supervisors keep
  // no patients on their devices).
  office = await apiDevice(baseUrl, user, 'e2e-office-desk-0001');
  await office.changes();
});
afterAll(async () => {
  await browser?.close();
});

async function caregiversOnServer(): Promise<string[]> {
  const records = await office.changes();
  return records.flatMap((r) => (r.kind === 'caregiver' && r.data && r.data.patientId === patient?.id && r.data.name === CAREGIVER ? [r.id] : []));
}

describe('background sync after the app is closed', () => {
  it('offline, the caregiver waits on the device and the browser is asked to sync later', async () => {
    await context.setOffline(true);
    await page.goto(patientUrl);
    const record = new PatientPage(page);
    await record.addCaregiver(CAREGIVER);
    await record.pending().filter({ hasText: '1 change not yet synced' }).waitFor();
    await record.caregivers().getByText('Not yet synced').waitFor();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.sync?.getTags() ?? [])))
      .toContain('rounds-sync');
  });

  it('with no tab open and the network back, the service worker (no key) sends the sealed change and the office has it', async () => {
    await page.close();
    expect(context.pages()).toEqual([]);
    await context.setOffline(false);
    await fireBackgroundSync(context, baseUrl, 'rounds-sync');
    const delivered: string[] = [];
    await expect
      .poll(
        async () => {
          delivered.push(...(await caregiversOnServer()));
          return delivered;
        },
        { timeout: 30_000 },
      )
      .toHaveLength(1);
  });

  it('the app opened again asks for the password; the caregiver is there and nothing is left to send', async () => {
    page = await context.newPage();
    await page.goto(patientUrl);
    await new SignInPage(page).unlockWithPassword(user.password);
    const record = new PatientPage(page);
    await record.caregivers().getByText(CAREGIVER).waitFor();
    await record.pending().filter({ hasText: 'All changes synced' }).waitFor();
    await expect.poll(() => record.caregivers().getByText('Not yet synced').count()).toBe(0);
  });
});
