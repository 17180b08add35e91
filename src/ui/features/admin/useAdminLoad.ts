/**
 * Loads one admin list from the server through the worker, and reloads it on demand. Every
 * attempt ends settled (ready or failed with a closed code); a failure keeps its code.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminErrorCode, AdminResult } from '../../../worker/client';

export interface AdminFailure {
  readonly code: AdminErrorCode;
  readonly message: string | null;
}

export type AdminLoad<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly failure: AdminFailure };

export function useAdminLoad<T>(load: () => Promise<AdminResult<T>>): { data: AdminLoad<T>; reload: () => void } {
  const [data, setData] = useState<AdminLoad<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (res) => {
        if (!live) return;
        setData(res.ok ? { state: 'ready', value: res.value } : { state: 'failed', failure: { code: res.code, message: res.message } });
      },
      () => live && setData({ state: 'failed', failure: { code: 'bad_response', message: null } }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, reload };
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
