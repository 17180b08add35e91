/**
 * The signed-in person's session on this device: tokens, who they are, their territories.
 * Everything in sync and the worker reads and writes it through these three functions, so
 * how it is kept (sealed with the device's data key, in time) is decided here alone.
 */
import type { RecordCodec } from './codec';
import type { RoundsDb } from './db';
import { getMeta, setMeta, type Session } from './meta';

export type { Session } from './meta';

export interface SessionStoreDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
}

export async function readSession(deps: SessionStoreDeps): Promise<Session | undefined> {
  return getMeta(deps.db, 'session');
}

export async function writeSession(deps: SessionStoreDeps, session: Session): Promise<void> {
  await setMeta(deps.db, 'session', session);
}

export async function clearSession(deps: SessionStoreDeps): Promise<void> {
  await deps.db.meta.delete('session');
}
