/**
 * The service worker (built by vite-plugin-pwa's injectManifest into a classic script,
 * dist/sw.js): serves the app shell from the precache so the app opens offline. Owns caching
 * and the update handshake; it knows nothing of the app's data.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

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
