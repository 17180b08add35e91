/**
 * The first day: a specialist signs in at the office, the territory downloads, and then the
 * van loses signal. The app must keep working from the device alone, through a reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { demoSpecialist } from './support/demo';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('first day', () => {
  it('a wrong password is refused in plain words', async () => {
    await page.goto(baseUrl);
    await new SignInPage(page).signIn(user.username, 'not-the-password');
    await new SignInPage(page).error().filter({ hasText: 'Wrong username or password.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a specialist signs in and the whole territory arrives on the device', async () => {
    await new SignInPage(page).signIn(user.username, user.password);
    const roster = new RosterPage(page);
    await roster.waitForDownload(patients.length);
    expect(await roster.patients().count()).toBeGreaterThan(0);
    await expect(roster.connectivity().textContent()).resolves.toBe('Online');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The service worker has cached the app shell before we take the network away.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  });

  it('offline, a reload still shows the roster, the Offline mark and the last sync', async () => {
    await context.setOffline(true);
    await page.reload();
    // A reload starts a new worker without the data key: the password opens it, offline.
    await new SignInPage(page).unlockWithPassword(user.password);
    const roster = new RosterPage(page);
    await roster.resultsCount().filter({ hasText: `of ${patients.length} patients` }).waitFor();
    await expect(roster.connectivity().textContent()).resolves.toBe('Offline');
    // The reloaded app tries a sync at once; while it runs the line says "Downloading".
    await roster.lastSync().filter({ hasText: /^Last sync .*ago$/ }).waitFor();
  });

  it('offline, search finds a patient by name and by town, and the record opens', async () => {
    const roster = new RosterPage(page);
    const target = patients[7] ?? patients[0];
    if (!target) throw new Error('empty territory');
    const name = `${target.givenName} ${target.familyName}`;
    await roster.search(name);
    await roster.list().getByRole('link', { name: new RegExp(name) }).first().waitFor();

    await roster.search(target.address.city);
    const inTown = patients.filter((p) => p.address.city === target.address.city).length;
    await roster.list().getByRole('link', { name: new RegExp(target.address.city) }).first().waitFor();
    const shown = Number((await roster.resultsCount().textContent())?.split(' ')[0]?.replace(/\D/g, ''));
    // Anyone living in the town matches; a name that contains the town's name may match too.
    expect(shown).toBeGreaterThanOrEqual(inTown);
    expect(shown).toBeLessThan(patients.length);

    await roster.search(name);
    await roster.open(name);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Care gaps' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('offline, the whole app switches to Spanish and stays Spanish after a reload', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Brechas de atención' }).waitFor();
    await page.getByRole('link', { name: /Volver a pacientes/ }).click();
    await page.getByRole('list', { name: 'Pacientes' }).waitFor();
    await page.reload();
    // The password again after the reload, on the lock screen in Spanish.
    await page.getByLabel('Contraseña').fill(user.password);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByLabel('Buscar por nombre, teléfono o ciudad').waitFor();
    await expect(page.getByTestId('connectivity').textContent()).resolves.toBe('Sin conexión');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await context.setOffline(false);
  });
});
