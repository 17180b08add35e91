/**
 * The contact record follows the day: a door nobody opens is an attempt on the patient's
 * record, with its retry date; a signed "Reached" visit clears "Overdue" on the roster.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localIsoDate } from '../../src/domain/calendar';
import { fullName } from '../../src/domain/patient';
import { NotePage } from './pages/NotePage';
import { RosterPage } from './pages/RosterPage';
import { TodayPage } from './pages/TodayPage';
import { launchChromium } from './support/chromium';
import { demoSpecialist } from './support/demo';
import { signedInPage } from './support/session';

const baseUrl = inject('baseUrl');
const { user, patients } = demoSpecialist();

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  page = await signedInPage(context, baseUrl, user);
});
afterAll(async () => {
  await browser?.close();
});

describe('the contact record', () => {
  it('"Not home" on Today records a signed attempt that shows on the patient with its retry date', async () => {
    const today = new TodayPage(page);
    await today.open();
    await today.atLocalTime(9, 0);
    await today.pickFirst(3);
    await today.planMyDay();
    const first = (await today.plannedIds())[0]!;
    const name = await today.nameOf(first);
    await today.notHome(first);
    await today.waitUntilNotHome(first);
    await page.getByRole('status').filter({ hasText: `Not home: the attempt for ${name} is in their contact history.` }).waitFor();
    const left = today.notPlanned().locator(`li[data-stop-id="${first}"]`);
    await left.filter({ hasText: /Attempt recorded .* · next try / }).waitFor();
    await today.realTime();

    await left.getByRole('link', { name: `Open the record of ${name}` }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const history = page.getByRole('region', { name: 'Contact history' });
    await history.getByRole('link', { name: /(Home|Facility) visit · Not home · Maria .*Signed/ }).waitFor();
  });

  it('a signed "Reached" visit clears "Overdue" on the roster', async () => {
    const todayIso = localIsoDate(new Date());
    // The last overdue patient: the other stories start from the top of the lists.
    const overdue = patients.filter((p) => p.nextDueDate !== null && p.nextDueDate < todayIso && p.facilityId === null).at(-1);
    if (!overdue) throw new Error('the demo territory has no overdue patient at home');
    const name = fullName(overdue);
    const roster = new RosterPage(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await roster.search(name);
    const row = roster.list().getByRole('link', { name: new RegExp(name) }).first();
    await expect(row.textContent()).resolves.toContain('Overdue');

    await row.click();
    await page.getByRole('region', { name: 'Contact history' }).getByRole('button', { name: '+ Home visit' }).click();
    const note = new NotePage(page);
    await note.outcome('Reached');
    // Prefilled from the outcome and the programme: a month on for care management.
    await expect(page.getByLabel('Next contact due').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Duration (minutes)').fill('40');
    await note.text('Reviewed medications; BP log going well.');
    await note.waitUntilSaved();
    await note.sign();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await roster.search(name);
    const after = roster.list().getByRole('link', { name: new RegExp(name) }).first();
    await after.filter({ hasText: /Due · / }).waitFor();
    await expect(after.textContent()).resolves.not.toContain('Overdue');
  });
});
