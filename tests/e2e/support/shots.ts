/**
 * Screenshots of a story's key moments, in English and Spanish, for a person to look at (not
 * compared by the tests). The language switch keeps the screen's state, so both pictures show
 * the same moment. Written to E2E_SHOTS_DIR, /tmp/shots-tests by default; never committed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const DIR = process.env.E2E_SHOTS_DIR ?? '/tmp/shots-tests';

/** Takes `<name>.en.png` and `<name>.es.png` of the page as it is, and leaves it in English. */
export async function shootBothLanguages(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  // The switch names each language in itself, so it reads the same in either.
  for (const [code, label] of [['es', 'Español'], ['en', 'English']] as const) {
    await page.getByRole('button', { name: label, exact: true }).first().click();
    await page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
    await page.screenshot({ path: join(DIR, `${name}.${code}.png`), fullPage: true });
  }
}
