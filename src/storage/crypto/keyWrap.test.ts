import { describe, expect, it } from 'vitest';
import { createAesGcmCodec } from './aesGcmCodec';
import {
  importDataKey,
  newRawDataKey,
  PBKDF2_ITERATIONS,
  pinMatches,
  pinVerifier,
  unwrapWithDeviceKey,
  unwrapWithPassword,
  wrapWithDeviceKey,
  wrapWithPassword,
} from './keyWrap';

const deviceKey = 'A'.repeat(42) + 'E'; // base64url of 32 bytes

describe('wrapping the data key', () => {
  it('wraps under the password with PBKDF2-SHA-256 at 600,000 iterations and a 16-byte salt', async () => {
    const raw = newRawDataKey();
    const wrap = await wrapWithPassword(raw.slice(), 'correct horse');
    expect(wrap.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(wrap.salt.byteLength).toBe(16);
    expect(await unwrapWithPassword(wrap, 'correct horse')).toEqual(raw);
    expect(await unwrapWithPassword(wrap, 'wrong horse')).toBeNull();
  });

  it('wraps under the server device key; another device key or a malformed one opens nothing', async () => {
    const raw = newRawDataKey();
    const wrap = await wrapWithDeviceKey(raw, deviceKey);
    expect(wrap).not.toBeNull();
    expect(await unwrapWithDeviceKey(wrap!, deviceKey)).toEqual(raw);
    expect(await unwrapWithDeviceKey(wrap!, 'B'.repeat(42) + 'E')).toBeNull();
    expect(await wrapWithDeviceKey(raw, 'short')).toBeNull();
  });

  it('a data key unwrapped again opens what the first import sealed', async () => {
    const raw = newRawDataKey();
    const wrap = await wrapWithPassword(raw, 'pw', 1000);
    const sealed = await createAesGcmCodec(() => null as CryptoKey | null).open({ plain: true });
    expect(sealed).toEqual({ plain: true });
    const first = await importDataKey(raw.slice());
    const body = await createAesGcmCodec(() => first).seal({ n: 1 });
    const again = await importDataKey((await unwrapWithPassword(wrap, 'pw'))!);
    expect(again.extractable).toBe(false);
    expect(await createAesGcmCodec(() => again).open(body)).toEqual({ n: 1 });
  });

  it('checks a PIN against its verifier', async () => {
    const v = await pinVerifier('2468', 1000);
    expect(await pinMatches(v, '2468')).toBe(true);
    expect(await pinMatches(v, '2469')).toBe(false);
  });
});
