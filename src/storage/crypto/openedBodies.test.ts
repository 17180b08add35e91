import { describe, expect, it } from 'vitest';
import { createAesGcmCodec } from './aesGcmCodec';
import { createOpenedBodies } from './openedBodies';

async function sealer() {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const codec = createAesGcmCodec(() => key);
  let opens = 0;
  const open = (body: unknown) => () => {
    opens += 1;
    return codec.open<{ name: string }>(body);
  };
  return { codec, open, opens: () => opens };
}

describe('remembered openings of sealed bodies', () => {
  it('opens each seal once; a new seal of the same value is opened again', async () => {
    const s = await sealer();
    const cache = createOpenedBodies();
    const body = await s.codec.seal({ name: 'Rosa Díaz' });
    expect(await cache.open(body, s.open(body))).toEqual({ name: 'Rosa Díaz' });
    expect(await cache.open(body, s.open(body))).toEqual({ name: 'Rosa Díaz' });
    expect(s.opens()).toBe(1);
    const again = await s.codec.seal({ name: 'Rosa Díaz' });
    await cache.open(again, s.open(again));
    expect(s.opens()).toBe(2);
  });

  it('a body in clear (from before encryption) is never remembered', async () => {
    const cache = createOpenedBodies();
    let opens = 0;
    const plain = { name: 'Ana' };
    for (let i = 0; i < 2; i++) await cache.open(plain, async () => (opens += 1, plain));
    expect(opens).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used first', async () => {
    const s = await sealer();
    const cache = createOpenedBodies(2);
    const [a, b, c] = await Promise.all([s.codec.seal({ name: 'a' }), s.codec.seal({ name: 'b' }), s.codec.seal({ name: 'c' })]);
    await cache.open(a, s.open(a));
    await cache.open(b, s.open(b));
    await cache.open(a, s.open(a)); // a is now the most recent
    await cache.open(c, s.open(c)); // b goes
    expect(s.opens()).toBe(3);
    await cache.open(a, s.open(a));
    expect(s.opens()).toBe(3);
    await cache.open(b, s.open(b));
    expect(s.opens()).toBe(4);
  });

  it('emptied, it keeps nothing, not even an opening that was under way', async () => {
    const s = await sealer();
    const cache = createOpenedBodies();
    const body = await s.codec.seal({ name: 'Rosa Díaz' });
    const inFlight = cache.open(body, s.open(body));
    cache.clear();
    await inFlight;
    expect(cache.size).toBe(0);
  });
});
