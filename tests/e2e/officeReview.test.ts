/**
 * Maria signs a visit note and syncs; her supervisor finds it in the office's Review section,
 * reads it and adds a co-signed review; after Maria's next sync her note says who reviewed
 * and co-signed it, and what they wrote.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotePage } from './pages/NotePage';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { signedInPage } from './support/session';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const data = demoDataset();
const maria = data.users.find((u) => u.username === 'maria');
const supervisor = data.users.find((u) => u.role === 'supervisor');
if (!maria || !supervisor) throw new Error('the demo organisation has no maria or supervisor');
const TAG = Math.random().toString(36).slice(2, 8);
const NOTE_TEXT = `Went through the blood pressure diary ${TAG}.`;
const REVIEW = `Good plan; recheck in a week ${TAG}.`;

let browser: Browser;
let field: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("a supervisor's review reaches the author", () => {
  it('Maria signs a phone call note and syncs', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    field = await signedInPage(context, baseUrl, maria);
    await new RosterPage(field).patients().first().click();
    await field.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    const note = new NotePage(field);
    await note.outcome('Reached');
    await note.text(NOTE_TEXT);
    field.on('dialog', (d) => void d.accept());
    await note.sign();
    await field.getByRole('button', { name: 'Sync now' }).click();
    await field.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
  });

  it('the supervisor finds it unreviewed, reads it and adds a co-signed review', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    const office = await context.newPage();
    await office.goto(baseUrl);
    await new SignInPage(office).signIn(supervisor.username, supervisor.password);
    await office.getByRole('navigation', { name: 'Office sections' }).getByRole('button', { name: 'Review' }).click();
    await office.getByLabel('Only notes not yet reviewed').check();
    await office.getByRole('button', { name: 'Show notes' }).click();
    const row = office.getByRole('table', { name: 'Signed notes of your team, newest contact first' }).getByRole('row').filter({ hasText: TAG });
    await row.waitFor();
    await row.getByText('Not reviewed').waitFor();
    expect(await accessibilityViolations(office)).toEqual([]);
    await shootBothLanguages(office, 'office-review-list');

    await row.getByRole('button', { name: /^Open the note for / }).click();
    await office.getByText(NOTE_TEXT).waitFor();
    await office.getByLabel('Your review').fill(REVIEW);
    await office.getByLabel('Co-sign this note').check();
    await office.getByRole('button', { name: 'Add review' }).click();
    await office.getByRole('status').filter({ hasText: 'Review added.' }).waitFor();
    await office.getByRole('list', { name: 'Addenda and reviews' }).getByText(`Reviewed and co-signed by ${supervisor.name}`, { exact: false }).waitFor();
    expect(await accessibilityViolations(office)).toEqual([]);
    await shootBothLanguages(office, 'office-review-note');
    await context.close();
  });

  it("after Maria's next sync her note shows the review, who co-signed it, and the history marks it", async () => {
    await field.getByRole('button', { name: 'Sync now' }).click();
    await field.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
    const review = field.getByTestId('note-review');
    await review.filter({ hasText: REVIEW }).waitFor();
    expect(await review.textContent()).toContain(`Reviewed and co-signed by ${supervisor.name}`);
    await field.goBack();
    await field.getByRole('region', { name: 'Contact history' }).getByRole('listitem').filter({ hasText: 'Co-signed' }).first().waitFor();
  });
});
