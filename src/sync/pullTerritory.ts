/**
 * Downloads everything in the caller's scope that changed since the stored cursor, page by
 * page. Each page is applied together with its cursor, so an interrupted download resumes
 * where it stopped and never re-applies or skips a page.
 */
import { asIsoDateTime } from '../domain/ids';
import type { SyncErrorCode } from '../domain/syncStatus';
import { PROTOCOL_VERSION, PULL_PAGE_MAX, pullResponseSchema } from '../protocol/wire';
import { applyPullPage } from '../storage/applyPullPage';
import { evictOutOfScope } from '../storage/evictOutOfScope';
import { getMeta, updateSyncStatus } from '../storage/meta';
import { readSession, writeSession } from '../storage/session';
import type { SyncDeps } from './deps';
import { deviceReport } from './deviceReport';
import { syncFailureCode } from './failureCode';
import { authedRequest } from './authedRequest';

export type PullResult =
  | { readonly ok: true; readonly received: number }
  | { readonly ok: false; readonly code: SyncErrorCode | 'signed_out' };

export interface PullOptions {
  /**
   * Records per request. Defaults to the server's maximum: each page is one IndexedDB
   * transaction and one refresh of every open live query, so fewer, larger pages download a
   * territory several times faster than the server's default page.
   */
  readonly pageSize?: number;
}

export function pullTerritory(deps: SyncDeps, options: PullOptions = {}): Promise<PullResult> {
  return deps.withSyncLock(() => pullUnderLock(deps, options));
}

/** The download alone; call with the sync lock held. */
export async function pullUnderLock(deps: SyncDeps, options: PullOptions = {}): Promise<PullResult> {
  const { db } = deps;
  const session = await readSession(deps);
  if (!session) return { ok: false, code: 'signed_out' };
  const stamp = () => asIsoDateTime(deps.now().toISOString());
  await updateSyncStatus(db, { phase: 'downloading', lastAttemptAt: stamp(), received: 0 });

  let received = 0;
  let rescoped = false;
  for (;;) {
    const cursor = (await getMeta(db, 'pullCursor')) ?? null;
    const res = await authedRequest(
      deps,
      '/api/sync/pull',
      { protocolVersion: PROTOCOL_VERSION, cursor, limit: options.pageSize ?? PULL_PAGE_MAX, ...(await deviceReport(deps)) },
      pullResponseSchema,
    );
    if (!res.ok && res.code === 'signed_out') return { ok: false, code: 'signed_out' };
    if (!res.ok) {
      const code = syncFailureCode(res);
      await updateSyncStatus(db, { phase: 'idle', lastError: code });
      return { ok: false, code };
    }
    const page = res.value;
    try {
      await applyPullPage(db, deps.codec, page.records, page.cursor, page.leftScope);
    } catch (e) {
      if (e instanceof Error && e.name === 'QuotaExceededError') {
        await updateSyncStatus(db, { phase: 'idle', lastError: 'storage_full' });
        return { ok: false, code: 'storage_full' };
      }
      throw e;
    }
    received += page.records.length;
    if (!page.hasMore) {
      const current = await readSession(deps);
      const known = [...(current ?? session).territories.map((t) => t.id)].sort().join(',');
      const now = page.territories.map((t) => t.id).sort().join(',');
      await writeSession(deps, { ...(current ?? session), territories: page.territories });
      if (known !== now && !rescoped) {
        // The scope changed (a territory assigned or taken away): records that entered it
        // carry versions older than the cursor, so download the whole scope again (S16).
        rescoped = true;
        await db.meta.delete('pullCursor');
        continue;
      }
      await evictOutOfScope(db, deps.codec, page.territories.map((t) => t.id));
      await updateSyncStatus(db, { phase: 'idle', lastSuccessAt: stamp(), lastError: null, received });
      return { ok: true, received };
    }
    await updateSyncStatus(db, { received });
  }
}
