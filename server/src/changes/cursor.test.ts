import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareCursors, CURSOR_START, decodeCursor, encodeCursor, laterCursor, type CursorKey } from './cursor';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const KEY: CursorKey = { key: Buffer.alloc(32, 7) };
const OTHER_KEY: CursorKey = { key: Buffer.alloc(32, 8) };
/** Signed with KEY, so only the payload's shape is under test. */
const signed = (payload: string) => `${payload}.${createHmac('sha256', KEY.key).update(payload).digest('base64url')}`;

describe('pull cursor encoding', () => {
  it('round-trips, including txids beyond 2^53', () => {
    for (const cursor of [CURSOR_START, { txid: 752n, version: 31 }, { txid: 2n ** 63n + 5n, version: 1 }]) {
      expect(decodeCursor(KEY, encodeCursor(KEY, cursor))).toEqual({ ok: true, cursor });
    }
  });

  it('stays within the wire limit for cursors (200 characters) at its largest', () => {
    expect(encodeCursor(KEY, { txid: 2n ** 64n - 1n, version: Number.MAX_SAFE_INTEGER }).length).toBeLessThanOrEqual(200);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', signed(b64('{nope'))],
    ['JSON but not an object', signed(b64('[1,2]'))],
    ['missing version', signed(b64('{"t":"1"}'))],
    ['negative version', signed(b64('{"t":"1","v":-1}'))],
    ['txid not a decimal string', signed(b64('{"t":"0x10","v":1}'))],
    ['txid with leading zero', signed(b64('{"t":"01","v":1}'))],
    ['txid above 2^64 - 1', signed(b64(`{"t":"${2n ** 64n}","v":1}`))],
    ['extra field', signed(b64('{"t":"1","v":1,"x":2}'))],
  ])('rejects a malformed cursor: %s', (_name, text) => {
    expect(decodeCursor(KEY, text)).toEqual({ ok: false, code: 'malformed_cursor' });
  });

  it.each([
    ['[T1] unsigned, as before cursors were signed', b64('{"t":"0","v":0}')],
    ['[T1] signed by another key', encodeCursor(OTHER_KEY, CURSOR_START)],
    ['[T1] a payload swapped under a genuine signature', `${b64('{"t":"0","v":0}')}.${encodeCursor(KEY, { txid: 9n, version: 1 }).split('.')[1]}`],
    ['[T1] a truncated signature', encodeCursor(KEY, CURSOR_START).slice(0, -1)],
  ])('refuses a cursor this server did not issue: %s', (_name, text) => {
    expect(decodeCursor(KEY, text)).toEqual({ ok: false, code: 'malformed_cursor' });
  });

  it('orders by txid, then version', () => {
    expect(compareCursors({ txid: 9n, version: 100 }, { txid: 10n, version: 1 })).toBeLessThan(0);
    expect(compareCursors({ txid: 10n, version: 2 }, { txid: 10n, version: 1 })).toBeGreaterThan(0);
    expect(laterCursor({ txid: 10n, version: 0 }, { txid: 9n, version: 7 })).toEqual({ txid: 10n, version: 0 });
  });
});
