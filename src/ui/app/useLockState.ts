/**
 * The device lock as the worker reports it, kept current by a subscription (a Comlink proxy
 * callback; a plain function when the worker runs in-process). `null` until the first report.
 */
import { proxy } from 'comlink';
import { useEffect, useState } from 'react';
import { useServices } from '../data/AppServices';
import type { LockState } from '../../worker/client';

export function useLockState(): LockState | null {
  const { worker } = useServices();
  const [state, setState] = useState<LockState | null>(null);
  useEffect(() => {
    let live = true;
    void worker.subscribeLock(
      proxy((next: LockState) => {
        if (live) setState(next);
      }),
    );
    return () => {
      live = false;
    };
  }, [worker]);
  return state;
}
