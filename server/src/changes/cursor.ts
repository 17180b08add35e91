/**
 * The pull cursor: a position `(txid, version)` in the order pull delivers changes, sent to the
 * client as opaque base64url JSON. "After cursor c" means strictly greater in that order.
 * Versions start at 1, so `(x, 0)` sits before every row written by transaction x: that is the
 * form of a watermark cursor (see pullChanges.ts).
 */
import { z } from 'zod';

export interface PullCursor {
  /** xid8 of the transaction that wrote the row; unsigned 64-bit, hence a BigInt. */
  readonly txid: bigint;
  readonly version: number;
}

/** Before everything: where a client with no cursor starts. */
export const CURSOR_START: PullCursor = { txid: 0n, version: 0 };

const wireShape = z.strictObject({
  t: z.string().regex(/^(0|[1-9]\d{0,19})$/),
  v: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
const XID8_MAX = 2n ** 64n - 1n;

export function encodeCursor(cursor: PullCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.txid.toString(), v: cursor.version })).toString('base64url');
}

export type CursorDecoding = { ok: true; cursor: PullCursor } | { ok: false; code: 'malformed_cursor' };

export function decodeCursor(text: string): CursorDecoding {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return { ok: false, code: 'malformed_cursor' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'malformed_cursor' };
  }
  const parsed = wireShape.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'malformed_cursor' };
  const txid = BigInt(parsed.data.t);
  if (txid > XID8_MAX) return { ok: false, code: 'malformed_cursor' };
  return { ok: true, cursor: { txid, version: parsed.data.v } };
}

export function compareCursors(a: PullCursor, b: PullCursor): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  return a.version - b.version;
}

export function laterCursor(a: PullCursor, b: PullCursor): PullCursor {
  return compareCursors(a, b) >= 0 ? a : b;
}
