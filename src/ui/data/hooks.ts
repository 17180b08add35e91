/**
 * Live reads for the UI, each a named read watched in the worker (data/useWatch.ts), plus the
 * browser's own signals (online, clock). Reads only; every write goes through the worker.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../domain/syncStatus';
import { INITIAL_SYNC_STATUS } from '../../domain/syncStatus';
import type { PendingMarks, Territory } from '../../storage/readTerritory';
import type { SessionView } from '../../worker/client';
import { useWatch } from './useWatch';

/** `undefined` while loading, `null` when nobody is signed in on this device. */
export function useSession(): SessionView | null | undefined {
  return useWatch('session', []);
}

export function useSyncStatus(): SyncStatus {
  return useWatch('syncStatus', []) ?? INITIAL_SYNC_STATUS;
}

/** Whether the patient left the device's scope and stays only until its changes are sent (S16). */
export function useLeaving(patientId: string): boolean {
  return useWatch('leaving', [patientId]) ?? false;
}

const NO_MARKS: PendingMarks = { pendingKeys: new Set(), pendingPatients: new Set() };

/**
 * The decoded territory with its "not yet synced" marks, or `undefined` until the territory's
 * first read completes (the marks, read apart, count as none until theirs does).
 */
export function useTerritory(): (Territory & PendingMarks) | undefined {
  const territory = useWatch('territory', []);
  const marks = useWatch('pendingMarks', []) ?? NO_MARKS;
  return useMemo(() => (territory ? { ...territory, ...marks } : undefined), [territory, marks]);
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
  return useWatch('deviceId', []) ?? null;
}
