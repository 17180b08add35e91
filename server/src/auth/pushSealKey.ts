/**
 * The server's key pair for sealed pushes (src/protocol/pushSeal.ts): devices seal their
 * changes to the public half, which they get at sign-in and refresh; only the server, with the
 * private half, opens them. One pair per database, kept in `server_secrets` as `push_seal_key`
 * (PKCS#8 of the private key, base64), created on first use; two servers creating it at once
 * both end with the one inserted first.
 */
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { toBase64Url } from '../../../src/protocol/pushSeal';
import type { Db } from '../db/db';

const KEY_NAME = 'push_seal_key';

export interface PushSealKey {
  /** base64url of the uncompressed P-256 point, as the login answer carries it. */
  readonly publicKey: string;
  readonly privateKey: CryptoKey;
}

const keys = new WeakMap<Db, Promise<PushSealKey>>();

/** The database's sealing key pair, read once per Db handle and cached. */
export function pushSealKeyOf(db: Db): Promise<PushSealKey> {
  let key = keys.get(db);
  if (!key) {
    key = readOrCreate(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function readOrCreate(db: Db): Promise<PushSealKey> {
  const fresh = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' });
  await db.query('insert into server_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [KEY_NAME, fresh.toString('base64')]);
  const [row] = await db.query<{ value: string }>('select value from server_secrets where name = $1', [KEY_NAME]);
  if (!row) throw new Error('server_secrets has no push seal key after inserting one');
  const pkcs8 = Buffer.from(row.value, 'base64');
  const curve = { name: 'ECDH', namedCurve: 'P-256' } as const;
  // Extractable only long enough to derive the public half, then imported again without.
  const exportable = await webcrypto.subtle.importKey('pkcs8', pkcs8, curve, true, ['deriveBits']);
  const jwk = await webcrypto.subtle.exportKey('jwk', exportable);
  const { d: _d, key_ops: _ops, ...publicJwk } = jwk;
  const publicKey = await webcrypto.subtle.importKey('jwk', publicJwk, curve, true, []);
  const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', publicKey));
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, curve, false, ['deriveBits']);
  return { publicKey: toBase64Url(raw), privateKey: privateKey as CryptoKey };
}
