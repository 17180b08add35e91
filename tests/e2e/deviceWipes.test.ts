/**
 * The two wipes a person does not ask for, in a real Chromium against the real server:
 * - someone guesses at the password of a device whose app was closed: after ten wrong
 *   passwords the patients are gone from the device, the sign-in screen says why, and the
 *   change that was waiting is kept and reaches the server after the owner signs in online;
 * - an administrator revokes a lost tablet: at its next contact the device wipes itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LockPage } from './pages/LockPage';
import { PatientPage } from './pages/PatientPage';
import { SignInPage } from './pages/SignInPage';
import { apiDevice } from './support/apiDevice';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { signedInPage } from './support/session';

const baseUrl = inject('baseUrl');
const data = demoDataset();
const ana = data.users.find((u) => u.username === 'ana');
const james = data.users.find((u) => u.username === 'james');
const admin = data.users.find((u) => u.role === 'admin');
if (!ana || !james || !admin) throw new Error('demo users missing');
const patient = data.patients.find((p) => p.territoryId === ana.territoryIds[0]);
if (!patient) throw new Error('ana has no patients');
const CAREGIVER = 'Lucia Wipe-Test';

let browser: Browser;

/** Counts of rows in the device's stores, read raw (ids and counts only; no key needed). */
function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('rounds');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, number> = {};
    for (const name of ['patients', 'notes', 'outbox']) {
      out[name] = await new Promise<number>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return out;
  });
}

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('ten wrong passwords', () => {
  let context: BrowserContext;
  let page: Page;

  it('a change waits offline; the app is reopened and ten wrong passwords wipe the patients, saying why', async () => {
    context = await browser.newContext({ locale: 'en-US' });
    page = await signedInPage(context, baseUrl, ana);
    await context.setOffline(true);
    await page.goto(`${baseUrl}/#/patients/${patient.id}`);
    const record = new PatientPage(page);
    await record.addCaregiver(CAREGIVER);
    await record.pending().filter({ hasText: '1 change not yet synced' }).waitFor();

    // Reopened: a new worker without the key asks for the password.
    await page.reload();
    const lock = new LockPage(page);
    for (let i = 1; i <= 10; i++) {
      await lock.unlockWithPassword(`not the password ${i}`);
      await lock.alert().filter({ hasText: i < 10 ? 'Wrong password' : 'Too many wrong passwords' }).first().waitFor();
    }
    // The sign-in screen says why the data is gone, and what was kept.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Changes not yet sent are kept' }).waitFor();
    expect(await storeCounts(page)).toMatchObject({ patients: 0, notes: 0, outbox: 1 });
  });

  it('the owner signs in online: the key comes back and the kept change reaches the server', async () => {
    await context.setOffline(false);
    await new SignInPage(page).signIn(ana.username, ana.password);
    const office = await apiDevice(baseUrl, ana, 'e2e-wipe-check-0001');
    await expect
      .poll(async () => (await office.changes()).some((r) => r.kind === 'caregiver' && r.data?.name === CAREGIVER), { timeout: 60_000 })
      .toBe(true);
    await expect.poll(async () => (await storeCounts(page)).outbox, { timeout: 30_000 }).toBe(0);
    await context.close();
  });
});

describe('a revoked tablet', () => {
  it('is wiped at its next contact with the server', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await signedInPage(context, baseUrl, james);
    expect((await storeCounts(page)).patients).toBeGreaterThan(0);
    const deviceId = await page.evaluate(
      () =>
        new Promise<string>((ok, fail) => {
          const req = indexedDB.open('rounds');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('deviceId');
            get.onsuccess = () => ok((get.result as { value: string }).value);
            get.onerror = () => fail(get.error);
          };
        }),
    );

    // The administrator revokes it from the admin console's API.
    const login = await post('/api/auth/login', { username: admin.username, password: admin.password, deviceId: 'e2e-admin-desk-0001' });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const revoked = await post(`/api/admin/devices/${deviceId}/revoke`, {}, accessToken);
    expect(revoked.status).toBe(200);

    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    await page.getByRole('alert').first().waitFor();
    expect(await storeCounts(page)).toMatchObject({ patients: 0, notes: 0, outbox: 0 });
    await context.close();
  });
});
