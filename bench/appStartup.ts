/**
 * Measures what a specialist feels with a 5,000-patient territory in headless Chromium:
 * the first download after sign-in, a cold start of the browser to a usable roster, and the
 * time from a keystroke in the search box to the results for it being on screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { startBenchServer } from './support/benchServer';
import { median, ms, quantile } from './support/stats';

const TERRITORY = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const USABLE_MARK = 'rounds:roster-usable';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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

export async function runAppStartupBench(): Promise<string> {
  const executablePath = findChromium();
  const server = await startBenchServer([TERRITORY, 40, 40]);
  const user = server.dataset.users.find((u) => u.role === 'specialist' && u.territoryIds[0] === 'ter_north');
  if (!user) throw new Error('no specialist for the large territory');
  const downloads: number[] = [];
  const coldStarts: number[] = [];
  const keystrokes: [number, number][] = [];
  const profile = mkdtempSync(join(tmpdir(), 'rounds-bench-'));
  try {
    // First download: a fresh profile each run, from pressing "Sign in" to all 5,000 listed.
    for (let i = 0; i < RUNS; i++) {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      await page.goto(server.url);
      const t0 = Date.now();
      await signIn(page, user.username, user.password);
      await waitForFullRoster(page);
      downloads.push(Date.now() - t0);
      console.log(`  download ${i + 1}/${RUNS}: ${downloads.at(-1)} ms`);
      await browser.close();
    }

    // Cold start: the browser process starts anew on a profile that already holds the territory.
    const first = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
    const setup = await first.newPage();
    await setup.goto(server.url);
    await signIn(setup, user.username, user.password);
    await waitForFullRoster(setup);
    await setup.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await first.close();
    for (let i = 0; i < RUNS; i++) {
      const ctx = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(server.url);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, USABLE_MARK, { timeout: 60_000 });
      coldStarts.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, USABLE_MARK));
      console.log(`  cold start ${i + 1}/${RUNS}: ${coldStarts.at(-1)?.toFixed(0)} ms`);
      if (i === RUNS - 1) {
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

  const inDom = keystrokes.map(([d]) => d);
  const painted = keystrokes.map(([, p]) => p);
  return [
    `### App start-up and search, 5,000-patient territory (headless Chromium)`,
    '',
    `| measure | median | p95 | runs |`,
    `| --- | --- | --- | --- |`,
    `| first territory download (sign-in pressed → 5,000 listed, sync confirmed) | ${ms(median(downloads))} | ${ms(quantile(downloads, 0.95))} | ${downloads.length} |`,
    `| cold start to a usable roster (browser launch, navigation start → roster listed) | ${ms(median(coldStarts))} | ${ms(quantile(coldStarts, 0.95))} | ${coldStarts.length} |`,
    `| search, keystroke → results in the page | ${ms(median(inDom))} | ${ms(quantile(inDom, 0.95))} | ${keystrokes.length} keystrokes |`,
    `| search, keystroke → results painted (includes waiting for the next frame) | ${ms(median(painted))} | ${ms(quantile(painted, 0.95))} | ${keystrokes.length} keystrokes |`,
    '',
    `Targets (issue 2): cold start under 1.5 s, search under 50 ms per keystroke.`,
  ].join('\n');
}
