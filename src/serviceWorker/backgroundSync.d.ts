/**
 * Background Sync, which TypeScript's DOM and WebWorker libraries leave out because only
 * Chromium-based browsers ship it. `sync` is optional on the registration: feature-detect it.
 */
interface SyncManager {
  register(tag: string): Promise<void>;
  getTags(): Promise<string[]>;
}

interface ServiceWorkerRegistration {
  readonly sync?: SyncManager;
}

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  /** The browser will not retry after this attempt. */
  readonly lastChance: boolean;
}

interface ServiceWorkerGlobalScopeEventMap {
  sync: SyncEvent;
}
