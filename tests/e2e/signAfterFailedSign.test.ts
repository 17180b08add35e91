/**
 * Maria calls a patient, ticks Reached, types her notes, ticks Urgent and presses Sign before
 * saying what is urgent; the app stops her. She fills the reason and signs within a couple of
 * seconds. After syncing and reloading, the note is signed with every word she typed, on the
 * device and on the server, the header says everything is synced, and nothing was refused
 * (issue 9: each autosave used to replace the unsent one with only its own field, so the
 * server refused the sign and the note came back a draft without its text).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NotePage } from './pages/NotePage';
import { RosterPage } from './pages/RosterPage';
import { SignInPage } from './pages/SignInPage';
import { apiDevice } from './support/apiDevice';
import { launchChromium } from './support/chromium';
import { demoDataset } from './support/demo';
import { signedInPage } from './support/session';
import { shootBothLanguages } from './support/shots';

const baseUrl = inject('baseUrl');
const maria = demoDataset().users.find((u) => u.username === 'maria');
if (!maria) throw new Error('the demo dataset has no maria');
const NOTES = 'Reached her at home. She has been skipping the evening dose since Tuesday.';
const URGENT = 'Dizzy spells and a fall this morning';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let noteUrl = '';

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  page = await signedInPage(context, baseUrl, maria);
});
afterAll(async () => {
  await browser?.close();
});

async function syncNow() {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
  await page.getByTestId('last-sync').filter({ hasText: 'Last sync' }).waitFor();
}

describe('signing a phone call after the first Sign was stopped', () => {
  it('Maria starts a phone call note; the new draft reaches the server', async () => {
    await new RosterPage(page).patients().first().click();
    await page.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    await page.getByRole('button', { name: 'Sign note' }).waitFor();
    noteUrl = page.url();
    // The app syncs a couple of seconds after a change: the draft's creation goes alone.
    await page.getByTestId('pending').filter({ hasText: '1 change not yet synced' }).waitFor();
    await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
  });

  // One go, each step well within the two seconds after which the app would sync: the
  // autosaves and the sign leave together.
  it('Reached, notes, Urgent without saying what: Sign is stopped; she says what and signs at once', async () => {
    const note = new NotePage(page);
    await note.outcome('Reached');
    await note.text(NOTES);
    await page.getByRole('checkbox', { name: 'Urgent: escalate to the care team' }).check();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByRole('alert').filter({ hasText: 'Say what is urgent.' }).waitFor();
    await page.getByLabel('What is urgent').fill(URGENT);
    await note.sign();
    await page.getByText(NOTES).waitFor();
    await shootBothLanguages(page, 'sign-after-failed-sign-2-signed');
  });

  it('after a sync and a reload the note is signed with her text, and everything is synced', async () => {
    await syncNow();
    await page.reload();
    // A reload starts a new worker without the data key: the password opens it.
    await new SignInPage(page).unlockWithPassword(maria.password);
    await page.getByTestId('signed-note').waitFor();
    await page.getByText(NOTES).waitFor();
    await page.getByText(URGENT).first().waitFor();
    await expect(page.getByRole('button', { name: 'Sign note' }).count()).resolves.toBe(0);
    await page.getByTestId('pending').filter({ hasText: 'All changes synced' }).waitFor();
    await shootBothLanguages(page, 'sign-after-failed-sign-3-reloaded');
  });

  it('the server holds the note signed, with her text, the outcome and the reason', async () => {
    const noteId = decodeURIComponent(/\/notes\/([^/?#]+)$/.exec(noteUrl)?.[1] ?? '');
    const server = await apiDevice(baseUrl, maria, 'e2e-sign-after-failed-sign-check');
    const note = (await server.changes()).find((r) => r.kind === 'note' && r.id === noteId);
    expect(note?.data).toMatchObject({ status: 'signed', outcome: 'reached', text: NOTES, escalation: { reason: URGENT } });
    expect(await new NotePage(page).hash()).toBe((note?.data as { contentHash?: string } | undefined)?.contentHash);
  });

  it('nothing was refused', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Conflicts/ }).click();
    await page.getByText('No refused changes.').waitFor();
    await shootBothLanguages(page, 'sign-after-failed-sign-4-nothing-refused');
  });

  // For the pictures only, once the story is told: the stopped Sign, on a new draft.
  it('pictured: Sign stopped until she says what is urgent', async () => {
    await page.goto(noteUrl.replace(/\/notes\/[^/?#]+$/, ''));
    await page.getByRole('group', { name: 'New contact note' }).getByRole('button', { name: '+ Phone call' }).click();
    await new NotePage(page).outcome('Reached');
    await new NotePage(page).text(NOTES);
    await page.getByRole('checkbox', { name: 'Urgent: escalate to the care team' }).check();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Sign note' }).click();
    await page.getByRole('alert').filter({ hasText: 'Say what is urgent.' }).waitFor();
    await shootBothLanguages(page, 'sign-after-failed-sign-1-stopped');
  });
});
