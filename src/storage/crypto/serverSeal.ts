/**
 * Seals outbox content to the server's public key (protocol/pushSeal.ts) as it is written, so
 * the change can be sent by a context that never holds the data key (docs/SECURITY.md,
 * "Background sync"). The key and the device id come from meta as they are now: a row written
 * before the device had a server key simply has no sealed copy, and the app sends it itself.
 */
import { importPushSealKey, sealForServer, type SealedIdentity } from '../../protocol/pushSeal';
import type { SealedContent } from '../../protocol/wire';
import type { RoundsDb } from '../db';
import { getMeta } from '../meta';

export type SealForServer = (id: Omit<SealedIdentity, 'deviceId'>, content: SealedContent) => Promise<string>;

let imported: { readonly text: string; readonly key: Promise<CryptoKey | null> } | null = null;

function importOnce(text: string): Promise<CryptoKey | null> {
  if (imported?.text !== text) imported = { text, key: importPushSealKey(text) };
  return imported.key;
}

/** The sealer for this device's current session; null when it has no server key (yet). */
export async function serverSealerOf(db: RoundsDb): Promise<SealForServer | null> {
  const [push, deviceId] = await Promise.all([getMeta(db, 'backgroundPush'), getMeta(db, 'deviceId')]);
  if (!push || !deviceId) return null;
  const key = await importOnce(push.sealKey);
  if (!key) return null;
  return (id, content) => sealForServer(key, { ...id, deviceId }, content);
}
