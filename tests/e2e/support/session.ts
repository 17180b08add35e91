/**
 * The start of most end-to-end stories: a person opens the app in a fresh browser context,
 * signs in, the territory downloads, and the app is cached for offline use.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { RosterPage } from '../pages/RosterPage';
import { SignInPage } from '../pages/SignInPage';

export async function signedInPage(context: BrowserContext, baseUrl: string, user: { username: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await new SignInPage(page).signIn(user.username, user.password);
  await new RosterPage(page).lastSync().filter({ hasText: 'Last sync' }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  return page;
}
