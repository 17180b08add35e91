/**
 * Live reads of the device database for the UI. Reads only; every write goes through the
 * worker. Live queries re-run when any tab or the worker changes the tables they read.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../domain/syncStatus';
import { INITIAL_SYNC_STATUS } from '../../domain/syncStatus';
import { getMeta, getSyncStatus, type Session } from '../../storage/meta';
import { openTerritory, readRawTerritory, type Territory } from '../../storage/readTerritory';
import { useServices } from './AppServices';

/** `undefined` while loading, `null` when nobody is signed in on this device. */
export function useSession(): Session | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await getMeta(db, 'session')) ?? null, [db]);
}

export function useSyncStatus(): SyncStatus {
  const { db } = useServices();
  return useLiveQuery(() => getSyncStatus(db), [db]) ?? INITIAL_SYNC_STATUS;
}

/** The decoded territory, or `undefined` until the first read completes. */
export function useTerritory(): Territory | undefined {
  const { db, codec } = useServices();
  const raw = useLiveQuery(() => readRawTerritory(db), [db]);
  const [territory, setTerritory] = useState<Territory | undefined>(undefined);
  useEffect(() => {
    if (!raw) return;
    let current = true;
    void openTerritory(raw, codec).then((t) => {
      if (current) setTerritory(t);
    });
    return () => {
      current = false;
    };
  }, [raw, codec]);
  return territory;
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The browser's hint about connectivity; sync never trusts it, the header only shows it. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

/** The current time, refreshed every `intervalMs`, for "5 minutes ago" labels. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** This browser's device id, once created. */
export function useDeviceId(): string | null {
  const { db } = useServices();
  return useLiveQuery(async () => (await getMeta(db, 'deviceId')) ?? null, [db]) ?? null;
}
