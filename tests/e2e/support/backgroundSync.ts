/**
 * Fires a service worker's Background Sync event through the DevTools protocol, as the browser
 * does when connectivity returns, so a story does not depend on when the browser gets round
 * to it. The protocol's ServiceWorker domain lives on a page, so a blank tab (not the app)
 * carries it.
 */
import type { BrowserContext } from 'playwright-core';

export async function fireBackgroundSync(context: BrowserContext, origin: string, tag: string): Promise<void> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registered;
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag, lastChance: false });
  } finally {
    await tab.close();
  }
}
