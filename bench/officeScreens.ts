/**
 * How long the office's Overview and funnel take to draw, in headless Chromium, from pressing
 * the section's button to its tables and charts on screen (recharts loaded, SVG drawn). The
 * answers are canned and large (50 specialists, 52 weeks, 20 territories: tests/support/
 * officeReports.ts) and served by the browser's request routing, so this times the screens
 * alone; the queries have their own figures. Each run first opens Team, so every run mounts the
 * report afresh (recharts' chunk is cached after the first: the first run is reported apart).
 *
 * In `npm run bench`; alone: `npm run build && BENCH_ONLY=office-screens npm run bench`.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { SignInPage } from '../tests/e2e/pages/SignInPage';
import { bigOverview, fakeFunnel } from '../tests/support/officeReports';
import { startBenchServer } from './support/benchServer';
import { median, ms } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPECIALISTS = 50;
const WEEKS = 52;

export interface OfficeScreenSamples {
  readonly overview: number[];
  readonly funnel: number[];
}

/**
 * Presses the section's button from inside the page and waits, frame by frame, until `ready`
 * (a CSS selector) matches at least `count` elements: page-clock milliseconds, so Playwright's
 * own round trips and role queries are not counted. A string, not a function: the bench runs
 * under tsx, whose helpers would not exist in the page.
 */
async function timeSection(page: Page, name: string, ready: string, count: number): Promise<number> {
  await page.getByRole('navigation', { name: 'Office sections' }).getByRole('button', { name: 'Team' }).click();
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
  return (await page.evaluate(`(async () => {
    const t0 = performance.now();
    [...document.querySelectorAll('nav button')].find((b) => b.textContent === ${JSON.stringify(name)}).click();
    await new Promise((done) => {
      const tick = () => (document.querySelectorAll(${JSON.stringify(ready)}).length >= ${count} ? done() : requestAnimationFrame(tick));
      tick();
    });
    return performance.now() - t0;
  })()`)) as number;
}

/** Ready: every table (6 on the Overview, 2 on the funnel) and both charts drawn. */
const OVERVIEW_READY = ['.report-table__table', 6] as const;
const FUNNEL_READY = ['.report-table__table', 2] as const;
const CHARTS_READY = ['.report-chart__plot svg.recharts-surface', 2] as const;

async function timeScreen(page: Page, name: string, tables: readonly [string, number]): Promise<number> {
  // One selector for both: the count is reached only when every table and both charts are there.
  return timeSection(page, name, `${tables[0]}, ${CHARTS_READY[0]}`, tables[1] + CHARTS_READY[1]);
}

export async function measureOfficeScreens(runs = RUNS): Promise<OfficeScreenSamples> {
  const server = await startBenchServer([40, 40, 40]);
  const supervisor = server.dataset.users.find((u) => u.role === 'supervisor');
  if (!supervisor) throw new Error('no supervisor in the bench organisation');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
    const overviewBody = JSON.stringify(bigOverview(SPECIALISTS, WEEKS));
    const funnelBody = JSON.stringify(fakeFunnel());
    await context.route(/\/api\/office\/overview\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: overviewBody }));
    await context.route(/\/api\/office\/funnel\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: funnelBody }));
    const page = await context.newPage();
    await page.goto(server.url);
    await new SignInPage(page).signIn(supervisor.username, supervisor.password);
    await page.getByRole('navigation', { name: 'Office sections' }).waitFor({ timeout: 60_000 });
    const overview: number[] = [];
    const funnel: number[] = [];
    // Run 0 includes fetching recharts' chunk; the rest draw from the cache.
    for (let i = 0; i <= runs; i++) {
      overview.push(await timeScreen(page, 'Overview', OVERVIEW_READY));
      funnel.push(await timeScreen(page, 'Funnel', FUNNEL_READY));
    }
    return { overview, funnel };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function runOfficeScreensBench(samples?: OfficeScreenSamples): Promise<string> {
  const s = samples ?? (await measureOfficeScreens());
  const row = (name: string, xs: number[]) => `| ${name} | ${ms(xs[0] ?? Number.NaN)} | ${ms(median(xs.slice(1)))} |`;
  return [
    '## Office screens',
    '',
    `From pressing the section's button to all its tables and charts drawn (page clock), headless Chromium at 1024×768, canned answers of ${SPECIALISTS} specialists and ${WEEKS} weeks (the screens alone, not the queries). Median of ${s.overview.length - 1} runs after the first; the first includes loading the chart library.`,
    '',
    '| Screen | First | Median |',
    '| --- | --- | --- |',
    row('Overview', s.overview),
    row('Engagement funnel', s.funnel),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runOfficeScreensBench());
}
