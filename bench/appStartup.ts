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
const RUNS = 5;
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

/** Runs in the page: types `query` one character at a time, timing each until its results render. */
async function keystrokeLatencies(page: Page, query: string): Promise<number[]> {
  return page.evaluate(async (q) => {
    const input = document.querySelector('input[type=search]') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const list = document.querySelector('[data-query]') as HTMLElement;
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const out: number[] = [];
    for (const value of ['', ...Array.from(q, (_, i) => q.slice(0, i + 1))]) {
      const t0 = performance.now();
      setValue?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (list.getAttribute('data-query') !== value) await nextFrame();
      // The results are committed; wait for the frame that paints them.
      await nextFrame();
      if (value !== '') out.push(performance.now() - t0);
    }
    return out;
  }, query);
}

export async function runAppStartupBench(): Promise<string> {
  const executablePath = findChromium();
  const server = await startBenchServer([TERRITORY, 40, 40]);
  const user = server.dataset.users.find((u) => u.role === 'specialist' && u.territoryIds[0] === 'ter_north');
  if (!user) throw new Error('no specialist for the large territory');
  const downloads: number[] = [];
  const coldStarts: number[] = [];
  const keystrokes: number[] = [];
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

  return [
    `### App start-up and search, 5,000-patient territory (headless Chromium)`,
    '',
    `| measure | median | p95 | runs |`,
    `| --- | --- | --- | --- |`,
    `| first territory download (sign-in pressed → 5,000 listed, sync confirmed) | ${ms(median(downloads))} | ${ms(quantile(downloads, 0.95))} | ${downloads.length} |`,
    `| cold start to a usable roster (browser launch, navigation start → roster listed) | ${ms(median(coldStarts))} | ${ms(quantile(coldStarts, 0.95))} | ${coldStarts.length} |`,
    `| search, keystroke → results painted | ${ms(median(keystrokes))} | ${ms(quantile(keystrokes, 0.95))} | ${keystrokes.length} keystrokes |`,
    '',
    `Targets (issue 2): cold start under 1.5 s, search under 50 ms per keystroke.`,
  ].join('\n');
}
