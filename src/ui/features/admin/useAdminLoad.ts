/**
 * Loads one admin list from the server through the worker, and reloads it on demand. Every
 * attempt ends settled (ready or failed with a closed code); a failure keeps its code.
 */
import { useCallback, useState } from 'react';
import { useOnlineLoad, type OnlineFailure, type OnlineLoad } from '../../data/useOnlineLoad';
import type { AdminErrorCode, AdminResult } from '../../../worker/client';

export type AdminFailure = OnlineFailure<AdminErrorCode>;
export type AdminLoad<T> = OnlineLoad<T, AdminErrorCode>;

export function useAdminLoad<T>(load: () => Promise<AdminResult<T>>): { data: AdminLoad<T>; reload: () => void } {
  return useOnlineLoad(load);
}

/** Runs one admin change; `busy` while it runs, the failure (if any) after. Never stays busy. */
export function useAdminAction(): {
  busy: boolean;
  failure: AdminFailure | null;
  run: <T>(action: () => Promise<AdminResult<T>>) => Promise<T | null>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<AdminResult<T>>): Promise<T | null> => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await action();
      if (res.ok) return res.value;
      setFailure({ code: res.code, message: res.message });
      return null;
    } catch {
      setFailure({ code: 'bad_response', message: null });
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return { busy, failure, run, clear };
}
