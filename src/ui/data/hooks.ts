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
import type { RecordCodec } from '../../storage/codec';
import { isSealed } from '../../storage/crypto/aesGcmCodec';
import type { RoundsDb } from '../../storage/db';
import { useServices } from './AppServices';

/** `undefined` while loading, `null` when nobody is signed in on this device. */
export function useSession(): Session | null | undefined {
  const { db, codec } = useServices();
  const row = useLiveQuery(async () => (await db.meta.get('session')) ?? null, [db]);
  const [opened, setOpened] = useState<Session | undefined>(undefined);
  const sealed = row ? isSealed(row.value) : false;
  // The row is sealed on an encrypted device: opened outside the live query (it cannot await
  // crypto). A plain one (a database from before encryption) is used as it is, at once.
  useEffect(() => {
    if (!row || !sealed) return;
    let live = true;
    void codec.open<Session>(row.value).then((s) => {
      if (live) setOpened(s);
    });
    return () => {
      live = false;
    };
  }, [row, sealed, codec]);
  if (row === undefined) return undefined;
  if (row === null) return null;
  return sealed ? opened : (row.value as Session);
}

export function useSyncStatus(): SyncStatus {
  const { db } = useServices();
  return useLiveQuery(() => getSyncStatus(db), [db]) ?? INITIAL_SYNC_STATUS;
}

/**
 * A live query whose rows hold sealed bodies, decoded after each read: `read` touches only
 * IndexedDB (a live query cannot await crypto), `open` decodes with the codec. `undefined`
 * until the first decode completes; a stale decode never overwrites a newer one.
 */
export function useLiveDecoded<Raw, T>(
  read: (db: RoundsDb) => Promise<Raw>,
  open: (raw: Raw, codec: RecordCodec) => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const { db, codec } = useServices();
  // The query re-runs when `db` or the caller's `deps` change (`read` is keyed by them).
  const raw = useLiveQuery(() => read(db), [db, ...deps]);
  const [decoded, setDecoded] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (raw === undefined) return;
    let current = true;
    void open(raw, codec).then((value) => {
      if (current) setDecoded(value);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `open` is a stable module function
  }, [raw, codec]);
  return decoded;
}

/** Whether the patient left the device's scope and stays only until its changes are sent (S16). */
export function useLeaving(patientId: string): boolean {
  const { db } = useServices();
  return useLiveQuery(async () => ((await getMeta(db, 'leavingPatients')) ?? []).includes(patientId), [db, patientId]) ?? false;
}

/** The decoded territory, or `undefined` until the first read completes. */
export function useTerritory(): Territory | undefined {
  return useLiveDecoded(readRawTerritory, openTerritory, []);
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
