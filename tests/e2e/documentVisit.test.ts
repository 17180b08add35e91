/**
 * A day of documentation with no signal: a home visit recorded and signed, a second note
 * interrupted by the tablet closing the page, everything still there on reopening, an
 * addendum, and a missed appointment turning into a follow-up.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotePage } from './pages/NotePage';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { signedInPage } from './support/session';
import { demoSpecialist } from './support/demo';

const baseUrl = inject('baseUrl');
const { user } = demoSpecialist();

let browser: Browser;
let context: BrowserContext;
let page: Page;
let patientName = '';
let patientUrl = '';
let signedHash: string | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  page = await signedInPage(context, baseUrl, user);
});
afterAll(async () => {
  await browser?.close();
});

describe('documenting visits offline', () => {
  it('offline, a home visit with teach-back, portal help, a telehealth booking, a referral and an urgent escalation is signed', async () => {
    await context.setOffline(true);
    const roster = new RosterPage(page);
    const first = roster.patients().first();
    patientName = (await first.locator('.roster-item__name').textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: patientName }).waitFor();
    patientUrl = page.url();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Home visit' }).click();
    const note = new NotePage(page);
    await note.outcome('Reached');
    await note.addActivity('Education');
    await note.activity('Education').getByLabel('Topic').fill('Taking blood pressure medicines every morning');
    await note.activity('Education').getByLabel('Yes').check();
    await note.addActivity('Patient portal help');
    await note.activity('Patient portal help').getByLabel('Email address created').check();
    await note.activity('Patient portal help').getByLabel('Account activated').check();
    await note.addActivity('Appointment');
    const appt = note.activity('Appointment');
    await appt.getByLabel('Provider').fill('Dr. Priya Raman, Cardiology');
    await appt.getByLabel('Reason').fill('Blood pressure review');
    // Within reason: not in the past, at most three years ahead.
    await appt.getByLabel('Date and time').fill(`${new Date().getFullYear() + 1}-03-04T10:30`);
    await appt.getByLabel('Telehealth').check();
    await note.addActivity('Referral');
    await note.activity('Referral').getByLabel('Refer to').selectOption({ label: 'Social worker' });
    await note.activity('Referral').getByLabel('Reason').fill('Housing application');
    await page.getByRole('checkbox', { name: 'Urgent: escalate to the care team' }).check();
    await page.getByLabel('What is urgent').fill('Chest tightness when climbing stairs');
    await page.getByLabel('Emergency (now)').check();
    const urgent = page.getByRole('alert').filter({ hasText: 'Urgent escalation' });
    await expect(urgent.getByRole('link', { name: 'Call the care team now' }).getAttribute('href')).resolves.toBe('tel:+16175550100');
    await note.text('Patient doing well overall; daughter present.');
    await note.waitUntilSaved();
    expect(await accessibilityViolations(page)).toEqual([]);

    await note.sign();
    // The signed note still says whose it is.
    await page.getByRole('region', { name: `About ${patientName}` }).waitFor();
    signedHash = await note.hash();
    expect(signedHash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText('Chest tightness when climbing stairs').waitFor();
  });

  it('a second note is interrupted by closing the page; reopened offline, both notes are intact', async () => {
    await page.goto(patientUrl);
    await page.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    const note = new NotePage(page);
    await note.outcome('Not home');
    await page.getByLabel('Duration (minutes)').fill('5');
    await page.getByRole('button', { name: '+ Add a follow-up task' }).click();
    await page.getByLabel('Task', { exact: true }).fill('Call back after 3 pm');
    await note.text('Left a voicemail with a call-back number.');
    await note.waitUntilSaved();
    await page.close();

    page = await context.newPage();
    await page.goto(patientUrl);
    // A new page starts a new worker without the data key: the password opens it, offline.
    await new SignInPage(page).unlockWithPassword(user.password);
    await page.getByRole('heading', { level: 1, name: patientName }).waitFor();
    const timeline = page.getByRole('region', { name: 'Contact history' });
    await timeline.getByRole('link', { name: /Home visit.*Signed/ }).click();
    await page.getByTestId('signed-note').waitFor();
    await expect(new NotePage(page).hash()).resolves.toBe(signedHash);
    await page.getByText('Taking blood pressure medicines every morning').waitFor();

    await page.getByLabel('Addendum').fill('Correction: the daughter, not the son, was present.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByText('Correction: the daughter, not the son, was present.').waitFor();
    await expect(new NotePage(page).hash()).resolves.toBe(signedHash);

    await page.goto(patientUrl);
    await page.getByRole('region', { name: 'Contact history' }).getByRole('link', { name: /Phone call.*Draft/ }).click();
    await expect(page.getByRole('group', { name: 'Outcome' }).getByLabel('Not home', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Duration (minutes)').inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Task', { exact: true }).inputValue()).resolves.toBe('Call back after 3 pm');
    await expect(page.getByLabel('Notes', { exact: true }).inputValue()).resolves.toBe('Left a voicemail with a call-back number.');
  });

  it('a no-show on the booked appointment creates a follow-up task on the Follow-ups screen', async () => {
    await page.goto(patientUrl);
    const appointments = page.getByRole('region', { name: 'Appointments' });
    const booked = appointments.getByRole('listitem').filter({ hasText: 'Dr. Priya Raman, Cardiology' });
    await booked.getByRole('button', { name: 'No-show' }).click();
    await page.getByRole('dialog', { name: 'Mark as a no-show?' }).getByRole('button', { name: 'Mark as no-show' }).click();
    await booked.getByText('No-show').first().waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Follow-ups' }).click();
    const list = page.getByRole('list', { name: 'Follow-ups' });
    await list
      .getByRole('listitem')
      .filter({ hasText: patientName })
      .filter({ hasText: 'Call to rebook the missed visit with Dr. Priya Raman, Cardiology' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.setOffline(false);
  });
});
