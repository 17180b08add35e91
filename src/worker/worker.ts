/**
 * The web worker entry: wires the real browser dependencies (sync/browserDeps.ts, shared with
 * the service worker) into the worker API and exposes it with Comlink. Network and database
 * work happens here, off the UI thread.
 */
import { expose } from 'comlink';
import { pendingCount } from '../storage/outbox';
import { createAutoSync } from '../sync/autoSync';
import { browserSyncDeps } from '../sync/browserDeps';
import { syncNow } from '../sync/syncNow';
import { createWorkerApi } from './api';

const deps = browserSyncDeps();

const auto = createAutoSync({
  sync: () => syncNow(deps),
  pending: () => pendingCount(deps.db),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: Math.random,
  now: () => new Date(),
});
// The network coming back is a hint worth acting on; the sync itself finds out the truth.
self.addEventListener('online', () => auto.now());
auto.now();

const api = createWorkerApi(deps, { onLocalChange: () => auto.changed() });
// The first screen needs the session and then the whole territory: read them while the page
// is still loading, so the roster finds them ready (cold start).
api.prefetch('session', [], 15_000);
api.prefetch('territory', [], 15_000);
expose(api);
