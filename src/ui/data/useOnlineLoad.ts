/**
 * Loads one list of an online-only console (admin console, office) through the worker and
 * reloads it on demand. Every attempt ends settled: ready, or failed with a closed code
 * (`bad_response` when the call itself threw).
 */
import { useCallback, useEffect, useState } from 'react';
import type { OnlineResult } from '../../worker/client';

export interface OnlineFailure<C extends string> {
  readonly code: C;
  readonly message: string | null;
}

export type OnlineLoad<T, C extends string> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly failure: OnlineFailure<C> };

export interface OnlineLoadOptions {
  /**
   * Another `load` (another filter) shows "Loading…" at once instead of the last list's rows;
   * without it the old rows stay until the new answer comes. A reload of the same list always
   * keeps its rows on screen.
   */
  readonly loadingOnChange?: boolean;
}

export function useOnlineLoad<T, C extends string>(
  load: () => Promise<OnlineResult<T, C>>,
  { loadingOnChange = false }: OnlineLoadOptions = {},
): { data: OnlineLoad<T, C>; reload: () => void } {
  const [data, setData] = useState<OnlineLoad<T, C>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState(() => load);
  if (loaded !== load) {
    setLoaded(() => load);
    if (loadingOnChange) setData({ state: 'loading' });
  }
  useEffect(() => {
    let live = true;
    load().then(
      (res) => {
        if (!live) return;
        setData(res.ok ? { state: 'ready', value: res.value } : { state: 'failed', failure: { code: res.code, message: res.message } });
      },
      // Every console's codes include bad_response (sync/onlineResult.ts).
      () => live && setData({ state: 'failed', failure: { code: 'bad_response' as C, message: null } }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, reload };
}
