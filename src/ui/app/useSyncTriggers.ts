/**
 * What the page contributes to keeping the device safe: a sync when the person returns to
 * the app, a background sync request while changes are pending that this tab may not get out
 * (S20), a request that the browser keep this site's storage (persistent storage), and a
 * warning before the storage quota runs out.
 */
import { useEffect, useState } from 'react';
import { requestBackgroundSync, wantsBackgroundSync } from '../../serviceWorker/requestBackgroundSync';
import type { WorkerClient } from '../../worker/client';
import { useOnline, useSyncStatus } from '../data/hooks';
import { usePendingCount } from '../features/conflicts/useSyncInbox';

/** Warn when this share of the quota is used. */
export const STORAGE_WARNING_RATIO = 0.8;

export function useSyncTriggers(worker: Pick<WorkerClient, 'syncNow'>): { storageLow: boolean } {
  const [storageLow, setStorageLow] = useState(false);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void worker.syncNow();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [worker]);

  const pending = usePendingCount();
  const online = useOnline();
  const { lastError, lastAttemptAt } = useSyncStatus();
  useEffect(() => {
    const ask = () => {
      const hidden = document.visibilityState === 'hidden';
      if (wantsBackgroundSync({ pending, online, hidden, lastError })) void requestBackgroundSync();
    };
    ask();
    document.addEventListener('visibilitychange', ask);
    return () => document.removeEventListener('visibilitychange', ask);
    // Each attempt (lastAttemptAt) asks again: a browser drops the tag after its last retry.
  }, [pending, online, lastError, lastAttemptAt]);

  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.estimate) return;
    // Without persistence the browser may evict unsynced work under storage pressure.
    void storage.persist?.().catch(() => false);
    const check = () =>
      void storage.estimate().then(({ usage, quota }) => {
        setStorageLow(quota !== undefined && usage !== undefined && quota > 0 && usage / quota >= STORAGE_WARNING_RATIO);
      });
    check();
    const id = setInterval(check, 5 * 60_000);
    return () => clearInterval(id);
  }, []);

  return { storageLow };
}
