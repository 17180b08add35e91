/**
 * Finds a Chromium to drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the browser
 * Playwright downloads with `npx playwright install chromium`. No browser is an error with
 * instructions, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core knows the path only when a browser was installed for it.
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)\n' +
      '  - any OS with internet access: npx playwright install chromium\n' +
      '  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  );
}

// Flags that keep headless Chromium quiet on a machine without general internet access.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
