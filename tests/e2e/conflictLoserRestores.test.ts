/**
 * Maria has the app on two devices. On the tablet (B) she changes a patient's best time to call
 * while its sync is still downloading over a slow connection; a little later, on the phone (A),
 * she changes it again and syncs. When B's download arrives and B sends its change, B's older
 * change loses: B must then show A's value, not its own, and list the conflict. She restores
 * B's value there, and after syncing both devices show it (issue 9: B kept showing its losing
 * value for good, and "restore mine" then sent nothing).
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { PatientPage } from './pages/PatientPage';
import { RosterPage } from './pages/RosterPage';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { signedInPage } from './support/session';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const maria = demoDataset().users.find((u) => u.username === 'maria');
if (!maria) throw new Error('the demo dataset has no maria');
const TABLET = 'Weekends, after 2 pm';
const PHONE = 'Mornings before 10';

let browser: Browser;
let tablet: BrowserContext;
let phone: BrowserContext;
let b: Page;
let a: Page;
let patientUrl = '';

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
  await page.getByTestId('last-sync').filter({ hasText: 'Last sync' }).waitFor();
}

beforeAll(async () => {
  browser = await launchChromium();
  tablet = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  phone = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  b = await signedInPage(tablet, baseUrl, maria);
  a = await signedInPage(phone, baseUrl, maria);
  await new RosterPage(b).patients().first().click();
  await b.getByRole('region', { name: 'Demographics' }).waitFor();
  patientUrl = b.url();
  await a.goto(patientUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe('the device whose change lost shows the winner, and restores its own', () => {
  it("B's change, made while its download is slow, loses to A's later change, and B shows A's value", async () => {
    // The next download B asks for hangs until A has synced.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked: () => void = () => undefined;
    const pulling = new Promise<void>((resolve) => (asked = resolve));
    let held: Promise<void> | null = null;
    await tablet.route('**/api/sync/pull', (route: Route) => {
      if (held) return route.continue();
      asked();
      held = released.then(() => route.continue());
      return held;
    });
    await b.getByRole('button', { name: 'Sync now' }).click();
    await pulling;

    await new PatientPage(b).setBestTimeToCall(TABLET);
    await new PatientPage(a).setBestTimeToCall(PHONE);
    await syncNow(a);

    release();
    await held;
    await tablet.unroute('**/api/sync/pull');
    await b.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
    await syncNow(b);
    await b.goto(patientUrl);
    await new PatientPage(b).bestTimeToCall().filter({ hasText: PHONE }).waitFor();
    await shootBothLanguages(b, 'conflict-loser-1-shows-winner');
  });

  it('the Conflicts screen on B shows both values; Maria restores the one from the tablet', async () => {
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts (1)' }).click();
    const conflict = b.getByRole('list', { name: 'Conflicts to review' }).getByRole('listitem').first();
    await conflict.getByText(PHONE).waitFor();
    await conflict.getByText(TABLET).waitFor();
    await shootBothLanguages(b, 'conflict-loser-2-conflict');
    await conflict.getByRole('button', { name: 'Restore the overwritten value' }).click();
    await b.getByText('No conflicts to review.').waitFor();
    await syncNow(b);
  });

  it("after syncing, both devices show the tablet's value", async () => {
    await syncNow(a);
    for (const page of [a, b]) {
      await page.goto(patientUrl);
      await new PatientPage(page).bestTimeToCall().filter({ hasText: TABLET }).waitFor();
    }
    await shootBothLanguages(a, 'conflict-loser-3-restored-on-the-other-device');
  });
});
