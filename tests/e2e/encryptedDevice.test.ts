/**
 * Encryption at rest in a real Chromium with a persistent profile: after sign-in and download
 * no known patient name, phone, street or note text is readable in IndexedDB's stores or in
 * any file of the profile (UTF-8 or UTF-16); inactivity locks and the PIN unlocks offline;
 * a relaunch needs the password, which works offline; five wrong PINs lead to the password;
 * sign-out wipes. The login answer's lock time is set to one minute by the test (an
 * administrator's setting); everything else is the real server.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LockPage } from './pages/LockPage';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { demoDataset, demoSpecialist } from './support/demo';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();
const PIN = SignInPage.PIN;
const profile = mkdtempSync(join(tmpdir(), 'rounds-profile-'));

/** Values that must never be readable on the device: names, phones, streets, free text. */
const needles = (() => {
  const data = demoDataset();
  const mine = new Set(patients.map((p) => p.id as string));
  const picked = patients.slice(0, 6);
  const out = new Set<string>();
  for (const p of picked) {
    out.add(`${p.givenName} ${p.familyName}`);
    out.add(p.familyName);
    out.add(p.address.line1);
    if (p.accessNotes && p.accessNotes.length >= 8) out.add(p.accessNotes);
  }
  for (const c of data.contactPoints.filter((c) => mine.has(c.patientId)).slice(0, 6)) if (c.value.length >= 7) out.add(c.value);
  out.add(user.name);
  return [...out].filter((s) => s.length >= 5);
})();

let context: BrowserContext;
let page: Page;

async function launch(): Promise<void> {
  context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, locale: 'en-US' });
  await context.route('**/api/auth/login', async (route) => {
    const res = await route.fetch();
    if (!res.ok()) return route.fulfill({ response: res });
    const answer = (await res.json()) as Record<string, unknown>;
    await route.fulfill({ response: res, json: { ...answer, settings: { lockAfterMinutes: 1 } } });
  });
  page = context.pages()[0] ?? (await context.newPage());
  if (process.env.E2E_DEBUG) {
    page.on('console', (m) => console.log('console:', m.text()));
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
  }
}

/** Every IndexedDB store of the app, raw, binary shown as Latin-1 and UTF-16 text. */
function rawStores(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('rounds');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const text = (v: unknown): string =>
      JSON.stringify(v, (_k, x: unknown) => {
        const bytes = x instanceof ArrayBuffer ? new Uint8Array(x) : ArrayBuffer.isView(x) ? new Uint8Array(x.buffer, x.byteOffset, x.byteLength) : null;
        if (!bytes) return x;
        return new TextDecoder('latin1').decode(bytes) + new TextDecoder('utf-16le').decode(bytes.slice(0, bytes.length - (bytes.length % 2)));
      });
    const parts: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      parts.push(`${name}:${rows.length}:${text(rows)}`);
    }
    db.close();
    return parts.join('\n');
  });
}

function countIn(dump: string, store: string): number {
  const line = dump.split('\n').find((l) => l.startsWith(`${store}:`));
  return Number(line?.split(':')[1] ?? -1);
}

/** Every file under the profile, in UTF-8 and UTF-16LE. */
function profileHits(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) {
        const buf = readFileSync(path);
        for (const n of needles) {
          if (buf.includes(Buffer.from(n, 'utf8')) || buf.includes(Buffer.from(n, 'utf16le'))) hits.push(`${path.slice(profile.length)}: a known value`);
        }
      }
    }
  };
  walk(profile);
  return hits;
}

beforeAll(async () => {
  await launch();
});
afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('an encrypted device', () => {
  it('signs in, chooses a PIN, downloads, and no known patient value is readable in IndexedDB', async () => {
    expect(needles.length).toBeGreaterThan(10);
    await page.goto(baseUrl);
    await new SignInPage(page).signIn(user.username, user.password);
    const roster = new RosterPage(page);
    await roster.waitForDownload(patients.length);
    expect(await roster.patients().count()).toBeGreaterThan(0);
    const dump = await rawStores(page);
    expect(countIn(dump, 'patients')).toBe(patients.length);
    for (const n of needles) expect(dump.includes(n), 'a known value in clear in IndexedDB').toBe(false);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  }, 180_000);

  it('locks after a minute without activity, hides the data, and the PIN unlocks offline', async () => {
    await context.setOffline(true);
    const lock = new LockPage(page);
    await lock.heading().waitFor({ timeout: 100_000 });
    expect(await page.getByText(patients[0]!.familyName).count()).toBe(0);
    await shootBothLanguages(page, 'lock-pin');
    await lock.unlockWithPin(PIN);
    await new RosterPage(page).list().waitFor();
  }, 150_000);

  it('five wrong PINs leave only the password, which works offline', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    const lock = new LockPage(page);
    await lock.heading().waitFor();
    for (let i = 0; i < 5; i++) {
      await lock.unlockWithPin('0000');
      await lock.alert().waitFor();
    }
    await page.getByLabel('Password').waitFor();
    await lock.unlockWithPassword(user.password);
    await new RosterPage(page).list().waitFor();
  }, 120_000);

  it('after closing, no profile file holds a known value; a relaunch needs the password, offline', async () => {
    await context.close();
    expect(profileHits()).toEqual([]);
    await launch();
    await context.setOffline(true);
    await page.goto(baseUrl);
    const lock = new LockPage(page);
    await lock.heading().waitFor({ timeout: 60_000 });
    await page.getByLabel('Password').waitFor();
    await shootBothLanguages(page, 'lock-password');
    await lock.unlockWithPassword('not the password');
    await lock.alert().filter({ hasText: '9 attempts left' }).waitFor();
    await lock.unlockWithPassword(user.password);
    await new RosterPage(page).list().waitFor({ timeout: 30_000 });
  }, 180_000);

  it('signing out wipes the records and the keys', async () => {
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    const dump = await rawStores(page);
    for (const store of ['patients', 'careGaps', 'contactPoints', 'notes', 'outbox', 'rejections', 'plans']) expect(countIn(dump, store)).toBe(0);
    const meta = dump.split('\n').find((l) => l.startsWith('meta:')) ?? '';
    for (const key of ['keyWrap', 'keyRecovery', 'pinVerifier', '"session"']) expect(meta.includes(key)).toBe(false);
  }, 60_000);
});
