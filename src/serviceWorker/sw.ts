/**
 * The service worker (built by vite-plugin-pwa's injectManifest into a classic script,
 * dist/sw.js): serves the app shell from the precache so the app opens offline, and runs the
 * background sync. Owns caching, the update handshake and the sync event; how to sync is
 * sync/'s business, with the same dependencies as the app's worker (sync/browserDeps.ts).
 */
import '../protocol/jitless';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { browserSyncDeps, keylessCodec } from '../sync/browserDeps';
import { BACKGROUND_SYNC_TAG } from './backgroundSyncTag';
import { syncInBackground } from './syncInBackground';

declare const self: ServiceWorkerGlobalScope;

// A new version waits until the person presses "Update" (workbox-window's messageSkipWaiting),
// so nothing reloads under their hands. There is no skipWaiting anywhere else.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// Activation happens on the first install or after "Update"; either way this version takes
// control of the open pages at once, so a first visit works offline without a reload.
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every navigation gets the app shell; API calls never come from a cache (sync must see the
// real network).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// Background Sync (S20): the page asks for `rounds-sync` while changes are pending; the
// browser fires it once it has connectivity, with or without an open tab. The service worker
// never holds the data key (docs/SECURITY.md): it sends the outbox's copies sealed to the
// server's key with the session's push token (sync/pushSealedOutbox.ts), opens nothing,
// writes nothing in clear and pulls nothing; the app pulls at the next unlock.
const syncDeps = browserSyncDeps(keylessCodec());
self.addEventListener('sync', (event) => {
  if (event.tag === BACKGROUND_SYNC_TAG) event.waitUntil(syncInBackground(syncDeps));
});
