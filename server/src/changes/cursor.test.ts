import { describe, expect, it } from 'vitest';
import { compareCursors, CURSOR_START, decodeCursor, encodeCursor, laterCursor } from './cursor';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('pull cursor encoding', () => {
  it('round-trips, including txids beyond 2^53', () => {
    for (const cursor of [CURSOR_START, { txid: 752n, version: 31 }, { txid: 2n ** 63n + 5n, version: 1 }]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual({ ok: true, cursor });
    }
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', b64('{nope')],
    ['JSON but not an object', b64('[1,2]')],
    ['missing version', b64('{"t":"1"}')],
    ['negative version', b64('{"t":"1","v":-1}')],
    ['txid not a decimal string', b64('{"t":"0x10","v":1}')],
    ['txid with leading zero', b64('{"t":"01","v":1}')],
    ['txid above 2^64 - 1', b64(`{"t":"${2n ** 64n}","v":1}`)],
    ['extra field', b64('{"t":"1","v":1,"x":2}')],
  ])('rejects a malformed cursor: %s', (_name, text) => {
    expect(decodeCursor(text)).toEqual({ ok: false, code: 'malformed_cursor' });
  });

  it('orders by txid, then version', () => {
    expect(compareCursors({ txid: 9n, version: 100 }, { txid: 10n, version: 1 })).toBeLessThan(0);
    expect(compareCursors({ txid: 10n, version: 2 }, { txid: 10n, version: 1 })).toBeGreaterThan(0);
    expect(laterCursor({ txid: 10n, version: 0 }, { txid: 9n, version: 7 })).toEqual({ txid: 10n, version: 0 });
  });
});
