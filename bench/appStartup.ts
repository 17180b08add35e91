/**
 * Measures what a specialist feels with a 5,000-patient territory in headless Chromium:
 * the first download after sign-in, a start of the browser to a usable roster, and the time
 * from a keystroke in the search box to the results for it being on screen.
 *
 * The shipped app encrypts the device: a first sign-in ends on choosing a PIN, and after a
 * browser restart the password unlocks. Its "start" is therefore "unlock to a usable roster":
 * from pressing Unlock on the lock screen to the roster mark. The unencrypted comparison build
 * (bench/encryption.ts) has no lock; its start is the plain cold start, from navigation start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { SignInPage } from '../tests/e2e/pages/SignInPage';
import { startBenchServer } from './support/benchServer';
import { median, ms, quantile } from './support/stats';

const TERRITORY = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const USABLE_MARK = 'rounds:roster-usable';

/** Signs in; the encrypted app then asks for a PIN, which is chosen at once by script. */
export async function signIn(page: Page, username: string, password: string, encrypted: boolean): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (encrypted) await new SignInPage(page).choosePin(SignInPage.PIN);
}

/**
 * On the lock screen after a relaunch: waits for it, types the password, then presses Unlock
 * from inside the page and returns the page clock at that moment (ms since navigation start),
 * and when the lock screen had shown.
 */
async function unlockFromLockScreen(page: Page, password: string): Promise<{ shownAt: number; pressedAt: number }> {
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await unlock.waitFor({ timeout: 60_000 });
  const shownAt = await page.evaluate(() => performance.now());
  await page.getByLabel('Password').fill(password);
  const pressedAt = (await page.evaluate(`(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Unlock');
    const t = performance.now();
    button.click();
    return t;
  })()`)) as number;
  return { shownAt, pressedAt };
}

async function waitForFullRoster(page: Page): Promise<void> {
  await page.getByTestId('last-sync').filter({ hasText: 'Last sync' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('results-count').filter({ hasText: 'of 5,000 patients' }).waitFor({ timeout: 120_000 });
}

/**
 * Runs in the page: types `query` one character at a time, timing each from the input event
 * until the frame that paints its results. Kept as source text because the TypeScript loader
 * would otherwise wrap inner functions in helpers that do not exist inside the page.
 */
const KEYSTROKE_SCRIPT = `async (q) => {
  const input = document.querySelector('input[type=search]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const list = document.querySelector('[data-query]');
  const committed = (value) => new Promise((resolve) => {
    if (list.getAttribute('data-query') === value) return resolve();
    const mo = new MutationObserver(() => {
      if (list.getAttribute('data-query') === value) { mo.disconnect(); resolve(); }
    });
    mo.observe(list, { attributes: true });
  });
  // A frame callback runs just before paint; a task queued from it runs just after.
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const out = [];
  const prefixes = [''];
  for (let i = 1; i <= q.length; i++) prefixes.push(q.slice(0, i));
  for (const value of prefixes) {
    const t0 = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await committed(value);
    const t1 = performance.now();
    await painted();
    if (value !== '') out.push([t1 - t0, performance.now() - t0]);
  }
  return out;
}`;

/** Per keystroke: [ms until the results are in the DOM, ms until they are painted]. */
async function keystrokeLatencies(page: Page, query: string): Promise<[number, number][]> {
  return page.evaluate(`(${KEYSTROKE_SCRIPT})(${JSON.stringify(query)})`) as Promise<[number, number][]>;
}

export interface StartupSamples {
  /** Sign-in pressed → 5,000 listed, sync confirmed (ms). */
  readonly downloads: number[];
  /** Encrypted: Unlock pressed → roster usable. Unencrypted: navigation start → roster usable. */
  readonly starts: number[];
  /** Encrypted only: navigation start → lock screen shown. */
  readonly lockShown: number[];
  /** Per keystroke: [ms until results are in the page, ms until painted]. */
  readonly keystrokes: [number, number][];
}

export interface StartupOptions {
  /** The built app to serve (default: the shipped build in dist). */
  readonly staticDir?: string;
  /** Whether that build has the device lock (false only for the comparison build). */
  readonly encrypted: boolean;
  /** Also time search keystrokes (on the last start). */
  readonly keystrokes: boolean;
}

export async function measureAppStartup(options: StartupOptions): Promise<StartupSamples> {
  const { encrypted } = options;
  const executablePath = findChromium();
  const server = await startBenchServer([TERRITORY, 40, 40], options.staticDir ? { staticDir: options.staticDir } : {});
  const user = server.dataset.users.find((u) => u.role === 'specialist' && u.territoryIds[0] === 'ter_north');
  if (!user) throw new Error('no specialist for the large territory');
  const label = encrypted ? 'encrypted' : 'unencrypted';
  const downloads: number[] = [];
  const starts: number[] = [];
  const lockShown: number[] = [];
  const keystrokes: [number, number][] = [];
  const profile = mkdtempSync(join(tmpdir(), 'rounds-bench-'));
  try {
    // First download: a fresh profile each run, from pressing "Sign in" to all 5,000 listed.
    // Encrypted, the PIN is chosen by script meanwhile (the download runs behind that screen).
    for (let i = 0; i < RUNS; i++) {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      await page.goto(server.url);
      const t0 = Date.now();
      await signIn(page, user.username, user.password, encrypted);
      await waitForFullRoster(page);
      downloads.push(Date.now() - t0);
      console.log(`  ${label} download ${i + 1}/${RUNS}: ${downloads.at(-1)} ms`);
      await browser.close();
    }

    // Start: the browser process starts anew on a profile that already holds the territory.
    const first = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
    const setup = await first.newPage();
    await setup.goto(server.url);
    await signIn(setup, user.username, user.password, encrypted);
    await waitForFullRoster(setup);
    await setup.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await first.close();
    for (let i = 0; i < RUNS; i++) {
      const ctx = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(server.url);
      const lock = encrypted ? await unlockFromLockScreen(page, user.password) : null;
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, USABLE_MARK, { timeout: 60_000 });
      const usableAt = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, USABLE_MARK);
      starts.push(usableAt - (lock?.pressedAt ?? 0));
      if (lock) lockShown.push(lock.shownAt);
      console.log(`  ${label} ${encrypted ? 'unlock to roster' : 'cold start'} ${i + 1}/${RUNS}: ${starts.at(-1)?.toFixed(0)} ms`);
      if (options.keystrokes && i === RUNS - 1) {
        const town = server.dataset.patients[0]?.address.city ?? 'Lynn';
        const family = server.dataset.patients[123]?.familyName ?? 'Garcia';
        for (const q of [family, town.toLowerCase(), '617 555', `${family} ${town}`]) {
          keystrokes.push(...(await keystrokeLatencies(page, q)));
        }
      }
      await ctx.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  return { downloads, starts, lockShown, keystrokes };
}

/** The section for the shipped (encrypted) app; `samples` when already measured. */
export async function runAppStartupBench(given?: StartupSamples): Promise<string> {
  const { downloads, starts, lockShown, keystrokes } = given ?? (await measureAppStartup({ encrypted: true, keystrokes: true }));
  const inDom = keystrokes.map(([d]) => d);
  const painted = keystrokes.map(([, p]) => p);
  return [
    `### App start-up and search, 5,000-patient territory (headless Chromium, encrypted device)`,
    '',
    `| measure | median | p95 | runs |`,
    `| --- | --- | --- | --- |`,
    `| first territory download (sign-in pressed → PIN chosen by script → 5,000 listed, sync confirmed) | ${ms(median(downloads))} | ${ms(quantile(downloads, 0.95))} | ${downloads.length} |`,
    `| browser launch to the lock screen (navigation start → Unlock shown) | ${ms(median(lockShown))} | ${ms(quantile(lockShown, 0.95))} | ${lockShown.length} |`,
    `| unlock to a usable roster (Unlock pressed → password checked, key unwrapped, roster listed) | ${ms(median(starts))} | ${ms(quantile(starts, 0.95))} | ${starts.length} |`,
    `| search, keystroke → results in the page | ${ms(median(inDom))} | ${ms(quantile(inDom, 0.95))} | ${keystrokes.length} keystrokes |`,
    `| search, keystroke → results painted (includes waiting for the next frame) | ${ms(median(painted))} | ${ms(quantile(painted, 0.95))} | ${keystrokes.length} keystrokes |`,
    '',
    `Targets: cold start under 1.5 s, search under 50 ms per keystroke (issue 2); unlock to roster under 1.5 s (issue 10).`,
  ].join('\n');
}
