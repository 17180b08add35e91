/**
 * What the UI is given at start-up: the device database (for reads through live queries), the
 * record codec, and the worker client (for everything that writes or talks to the server).
 * Passed through context so tests can render any screen with their own instances.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RecordCodec } from '../../storage/codec';
import type { RoundsDb } from '../../storage/db';
import type { WorkerClient } from '../../worker/client';

export interface AppServices {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
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
