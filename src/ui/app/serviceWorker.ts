/**
 * Registers the service worker with workbox-window and reports two moments to the UI: the
 * app is cached for offline use, and a new version is waiting. Activating the new version
 * happens only when the person says so; the page then reloads once the new worker controls it.
 */
import { Workbox } from 'workbox-window';

export interface ServiceWorkerEvents {
  onOfflineReady(): void;
  onUpdateWaiting(activate: () => void): void;
}

export function registerServiceWorker(url: string, events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox(url, { type: 'classic' });
  wb.addEventListener('installed', (e) => {
    if (!e.isUpdate) events.onOfflineReady();
  });
  wb.addEventListener('waiting', () => {
    events.onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
