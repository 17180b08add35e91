/**
 * The pull cursor: a position `(txid, version)` in the order pull delivers changes, sent to the
 * client as opaque text: base64url JSON, a dot, and an HMAC-SHA-256 of that JSON under the
 * server's `cursor_mac_key` (server_secrets, migration 10). "After cursor c" means strictly
 * greater in that order. Versions start at 1, so `(x, 0)` sits before every row written by
 * transaction x: that is the form of a watermark cursor (see pullChanges.ts).
 *
 * Why signed (T1): a device's position in the change order is a server fact, never the
 * client's claim. A forged cursor could ask pull for nothing older (harmless) but, as a
 * change's `seenCursor`, claim the device had not yet heard of a patient's move and so keep
 * writing to a patient that left its territory (scopeAtChange.ts). Only cursors this server
 * issued are accepted.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/db';

export interface PullCursor {
  /** xid8 of the transaction that wrote the row; unsigned 64-bit, hence a BigInt. */
  readonly txid: bigint;
  readonly version: number;
}

/** Before everything: where a client with no cursor starts. */
export const CURSOR_START: PullCursor = { txid: 0n, version: 0 };

/** Signs and verifies cursors with one server key. */
export interface CursorKey {
  readonly key: Buffer;
}

const wireShape = z.strictObject({
  t: z.string().regex(/^(0|[1-9]\d{0,19})$/),
  v: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
const XID8_MAX = 2n ** 64n - 1n;

function mac(key: CursorKey, payload: string): string {
  return createHmac('sha256', key.key).update(payload).digest('base64url');
}

export function encodeCursor(key: CursorKey, cursor: PullCursor): string {
  const payload = Buffer.from(JSON.stringify({ t: cursor.txid.toString(), v: cursor.version })).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

export type CursorDecoding = { ok: true; cursor: PullCursor } | { ok: false; code: 'malformed_cursor' };

const MALFORMED: CursorDecoding = { ok: false, code: 'malformed_cursor' };

/** A cursor this server issued, or `malformed_cursor`: unsigned, forged and garbled alike. */
export function decodeCursor(key: CursorKey, text: string): CursorDecoding {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(text);
  if (!match) return MALFORMED;
  const [, payload = '', signature = ''] = match;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return MALFORMED;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return MALFORMED;
  }
  const parsed = wireShape.safeParse(json);
  if (!parsed.success) return MALFORMED;
  const txid = BigInt(parsed.data.t);
  if (txid > XID8_MAX) return MALFORMED;
  return { ok: true, cursor: { txid, version: parsed.data.v } };
}

export function compareCursors(a: PullCursor, b: PullCursor): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  return a.version - b.version;
}

export function laterCursor(a: PullCursor, b: PullCursor): PullCursor {
  return compareCursors(a, b) >= 0 ? a : b;
}

const KEY_NAME = 'cursor_mac_key';
const keys = new WeakMap<Db, Promise<CursorKey>>();

/**
 * The database's cursor key, read once per Db handle and cached; created when missing (a
 * database migrated before the key existed, or emptied by hand). Two servers creating it at
 * once both end with the one that was inserted first.
 */
export function cursorKeyOf(db: Db): Promise<CursorKey> {
  let key = keys.get(db);
  if (!key) {
    key = readOrCreateKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function readOrCreateKey(db: Db): Promise<CursorKey> {
  await db.query('insert into server_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [
    KEY_NAME,
    randomBytes(32).toString('base64'),
  ]);
  const [row] = await db.query<{ value: string }>('select value from server_secrets where name = $1', [KEY_NAME]);
  if (!row) throw new Error('server_secrets has no cursor key after inserting one');
  return { key: Buffer.from(row.value, 'base64') };
}
