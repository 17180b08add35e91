/**
 * What the worker offers the UI. The UI's type for it is derived from this implementation
 * (`WorkerApi`), so the two cannot drift apart.
 */
import { clearLocalData } from '../storage/clearLocalData';
import type { SyncDeps } from '../sync/deps';
import { pullTerritory } from '../sync/pullTerritory';
import { signIn } from '../sync/signIn';

export function createWorkerApi(deps: SyncDeps) {
  return {
    /** Signs in, then downloads the territory; resolves when both are done or one failed. */
    async signIn(username: string, password: string) {
      const res = await signIn(deps, username, password);
      if (!res.ok) return res;
      const pulled = await pullTerritory(deps);
      return { ok: true as const, pulled };
    },
    syncNow() {
      return pullTerritory(deps);
    },
    async signOut() {
      await deps.withSyncLock(() => clearLocalData(deps.db));
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
