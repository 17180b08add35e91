/**
 * Loads one office list from the server through the worker and reloads it on demand; runs
 * one office step. Every attempt ends settled (ready or failed with a closed code), and a
 * step is never left busy because something threw.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OfficeErrorCode, OfficeResult } from '../../../worker/client';

export interface OfficeFailure {
  readonly code: OfficeErrorCode;
  readonly message: string | null;
}

export type OfficeLoad<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly failure: OfficeFailure };

export function useOfficeLoad<T>(load: () => Promise<OfficeResult<T>>): { data: OfficeLoad<T>; reload: () => void } {
  const [data, setData] = useState<OfficeLoad<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState(() => load);
  // A different list (another filter) shows "Loading…", never the last one's rows; a reload
  // of the same list keeps its rows on screen until the new answer comes.
  if (loaded !== load) {
    setLoaded(() => load);
    setData({ state: 'loading' });
  }
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

export type OfficeOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: OfficeFailure };

/** Runs one office step at a time; `busy` while it runs. The outcome is a value, never a throw. */
export function useOfficeAction(): {
  busy: boolean;
  run: <T>(action: () => Promise<OfficeResult<T>>) => Promise<OfficeOutcome<T>>;
} {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(action: () => Promise<OfficeResult<T>>): Promise<OfficeOutcome<T>> => {
    setBusy(true);
    try {
      const res = await action();
      return res.ok ? res : { ok: false, failure: { code: res.code, message: res.message } };
    } catch {
      return { ok: false, failure: { code: 'bad_response', message: null } };
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
