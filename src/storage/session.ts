/**
 * The signed-in person's session on this device, sealed like any record (it holds their name
 * and the tokens that reach patients' data). Only the worker, which holds the data key, reads
 * or writes it; the row's presence alone (no key needed) says whether someone is signed in.
 */
import type { RecordCodec } from './codec';
import type { RoundsDb } from './db';
import type { Session } from './meta';

export type { Session };

export interface SessionStoreDeps {
  readonly db: RoundsDb;
  readonly codec: RecordCodec;
}

export async function readSession(deps: SessionStoreDeps): Promise<Session | null> {
  const row = await deps.db.meta.get('session');
  return row ? deps.codec.open<Session>(row.value) : null;
}

export async function writeSession(deps: SessionStoreDeps, session: Session): Promise<void> {
  // Seal first: real crypto cannot be awaited inside a Dexie transaction.
  const value = await deps.codec.seal(session);
  await deps.db.meta.put({ key: 'session', value });
}

export async function clearSession(deps: SessionStoreDeps): Promise<void> {
  await deps.db.meta.delete('session');
}

/** Whether a session is stored, sealed or not: readable without the key. */
export async function hasSession(db: RoundsDb): Promise<boolean> {
  return (await db.meta.get('session')) !== undefined;
}
