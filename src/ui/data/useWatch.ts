/**
 * Live reads for the UI: the worker runs the read, decodes it with the key only it holds and
 * sends the result (worker/watch.ts); the UI never opens the device database.
 */
import { useEffect, useState } from 'react';
import { watchRead, type ReadArgs, type ReadName, type ReadValue, type WatchEvent } from '../../worker/client';
import { useServices } from './AppServices';

export type WatchState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  /** The device is locked: the worker holds no key to open records with. */
  | { readonly status: 'locked' }
  | { readonly status: 'error'; readonly error: Error };

const LOADING = { status: 'loading' } as const;

function toState<T>(event: WatchEvent<T>): WatchState<T> {
  switch (event.status) {
    case 'ok':
      return { status: 'ok', value: event.value };
    case 'locked':
      return { status: 'locked' };
    case 'error': {
      const error = new Error(event.message);
      error.name = event.name;
      return { status: 'error', error };
    }
  }
}

/**
 * The full state of a watched read. A change of `name` or `args` starts a new watch (and stops
 * the old one) and answers `loading` until the new read arrives; events of a stopped watch and
 * events older than the last one shown are ignored. Unmounting stops the watch.
 */
export function useWatchState<N extends ReadName>(name: N, args: ReadArgs<N>): WatchState<ReadValue<N>> {
  const { worker } = useServices();
  // Args are small (ids, a day): their JSON is the watch's identity across renders.
  const key = JSON.stringify([name, args]);
  const [shown, setShown] = useState<{ readonly key: string; readonly state: WatchState<ReadValue<N>> }>({ key, state: LOADING });
  useEffect(() => {
    const [n, a] = JSON.parse(key) as [N, ReadArgs<N>];
    let live = true;
    let lastSeq = 0;
    const stop = watchRead(worker, n, a, (event) => {
      // A message already on its way when the watch stopped is dropped here.
      if (!live || event.seq <= lastSeq) return;
      lastSeq = event.seq;
      setShown({ key, state: toState(event) });
    });
    return () => {
      live = false;
      stop();
    };
  }, [worker, key]);
  return shown.key === key ? shown.state : LOADING;
}

/**
 * The decoded value of a watched read: `undefined` while loading (and while the device is
 * locked). A failed read is thrown, so the screen's error boundary shows it instead of a screen
 * that waits for ever.
 */
export function useWatch<N extends ReadName>(name: N, args: ReadArgs<N>): ReadValue<N> | undefined {
  const state = useWatchState(name, args);
  if (state.status === 'error') throw state.error;
  return state.status === 'ok' ? state.value : undefined;
}
