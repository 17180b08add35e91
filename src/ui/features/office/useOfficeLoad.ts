/**
 * Loads one office list from the server through the worker and reloads it on demand; runs
 * one office step. Every attempt ends settled (ready or failed with a closed code), and a
 * step is never left busy because something threw.
 */
import { useCallback, useState } from 'react';
import { useOnlineLoad, type OnlineFailure, type OnlineLoad } from '../../data/useOnlineLoad';
import type { OfficeErrorCode, OfficeResult } from '../../../worker/client';

export type OfficeFailure = OnlineFailure<OfficeErrorCode>;
export type OfficeLoad<T> = OnlineLoad<T, OfficeErrorCode>;

export function useOfficeLoad<T>(load: () => Promise<OfficeResult<T>>): { data: OfficeLoad<T>; reload: () => void } {
  // A different list (another filter) shows "Loading…", never the last one's rows.
  return useOnlineLoad(load, { loadingOnChange: true });
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
