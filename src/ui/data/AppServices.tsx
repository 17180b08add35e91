/**
 * What the UI is given at start-up: the worker client. Reads are watched through it
 * (data/useWatch.ts) and every write goes through it; the UI never opens the device database
 * and never holds the key that opens records. Passed through context so tests can render any
 * screen with their own instance.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { WorkerClient } from '../../worker/client';

export interface AppServices {
  readonly worker: WorkerClient;
}

const Ctx = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <Ctx.Provider value={services}>{children}</Ctx.Provider>;
}

export function useServices(): AppServices {
  const s = useContext(Ctx);
  if (!s) throw new Error('useServices must be used inside <AppServicesProvider>');
  return s;
}
