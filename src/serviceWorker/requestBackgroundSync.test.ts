import { describe, expect, it } from 'vitest';
import { BACKGROUND_SYNC_TAG } from './backgroundSyncTag';
import { requestBackgroundSync, wantsBackgroundSync, type DeviceSyncState, type ServiceWorkers } from './requestBackgroundSync';

const calm: DeviceSyncState = { pending: 2, online: true, hidden: false, lastError: null };

describe('[S20] when the page asks for a background sync', () => {
  const rows: [string, Partial<DeviceSyncState>, boolean][] = [
    ['nothing pending, offline and hidden', { pending: 0, online: false, hidden: true, lastError: 'offline' }, false],
    ['pending, online, visible, last sync fine: the tab syncs itself', {}, false],
    ['pending and the browser is offline', { online: false }, true],
    ['pending and the tab is being hidden or closed', { hidden: true }, true],
    ['pending and the last attempt found no network', { lastError: 'offline' }, true],
    ['pending and the server failed', { lastError: 'server_error' }, true],
    ['pending and the server answered nonsense', { lastError: 'bad_response' }, true],
    ['pending but the person must sign in again', { lastError: 'unauthorized' }, false],
    ['pending but only an app update helps', { lastError: 'app_outdated' }, false],
  ];
  it.each(rows)('%s: %s', (_case, over, wanted) => {
    expect(wantsBackgroundSync({ ...calm, ...over })).toBe(wanted);
  });
});

/** A browser's service-worker container as far as Background Sync goes. */
function browser(opts: { registered?: boolean; sync?: boolean; refuse?: boolean }) {
  const tags = new Set<string>();
  const serviceWorkers: ServiceWorkers = {
    getRegistration: async () => {
      if (!opts.registered) return undefined;
      if (!opts.sync) return {};
      return {
        sync: {
          register: async (tag: string) => {
            if (opts.refuse) throw new DOMException('Permission denied.', 'NotAllowedError');
            tags.add(tag);
          },
        },
      };
    },
  };
  return { serviceWorkers, tags };
}

describe('[S20] registering the background sync', () => {
  it('where the browser has Background Sync, the rounds-sync tag is registered once however often it is asked', async () => {
    const b = browser({ registered: true, sync: true });
    await expect(requestBackgroundSync(b.serviceWorkers)).resolves.toBe('registered');
    await expect(requestBackgroundSync(b.serviceWorkers)).resolves.toBe('registered');
    expect([...b.tags]).toEqual([BACKGROUND_SYNC_TAG]);
  });

  it('a browser without Background Sync (Firefox, Safari) or without service workers: nothing happens', async () => {
    await expect(requestBackgroundSync(browser({ registered: true, sync: false }).serviceWorkers)).resolves.toBe('unsupported');
    await expect(requestBackgroundSync(undefined)).resolves.toBe('unsupported');
  });

  it('before the service worker is installed (development, first visit), nothing happens', async () => {
    await expect(requestBackgroundSync(browser({ registered: false }).serviceWorkers)).resolves.toBe('no_service_worker');
    const failing: ServiceWorkers = { getRegistration: () => Promise.reject(new DOMException('insecure', 'SecurityError')) };
    await expect(requestBackgroundSync(failing)).resolves.toBe('no_service_worker');
  });

  it('a refusal (permission turned off, worker not yet active) is a value, never an error', async () => {
    await expect(requestBackgroundSync(browser({ registered: true, sync: true, refuse: true }).serviceWorkers)).resolves.toBe('refused');
  });
});
