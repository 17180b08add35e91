import { describe, expect, it } from 'vitest';
import { Locked } from '../codec';
import { createAesGcmCodec, isSealed, SealBroken } from './aesGcmCodec';
import { importDataKey, newRawDataKey } from './keyWrap';

const patient = { id: 'pat_1', name: 'Rosa Delgado', phone: '+1 555 0100', note: 'Lives alone; diabetic' };

describe('the AES-GCM record codec', () => {
  it('seals into binary with no clear text and opens back to the same value', async () => {
    const key = await importDataKey(newRawDataKey());
    const codec = createAesGcmCodec(() => key);
    const sealed = await codec.seal(patient);
    expect(isSealed(sealed)).toBe(true);
    const { iv, ct } = sealed as { iv: Uint8Array; ct: ArrayBuffer };
    expect(iv).toBeInstanceOf(Uint8Array);
    expect(iv.byteLength).toBe(12);
    expect(ct).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(ct)).not.toContain('Rosa');
    expect(await codec.open(sealed)).toEqual(patient);
  });

  it('uses a fresh IV for every seal of the same value', async () => {
    const key = await importDataKey(newRawDataKey());
    const codec = createAesGcmCodec(() => key);
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { iv } = (await codec.seal(patient)) as { iv: Uint8Array };
      ivs.add(Array.from(iv).join(','));
    }
    expect(ivs.size).toBe(50);
  });

  it('refuses an altered body, and a body sealed under another key', async () => {
    const key = await importDataKey(newRawDataKey());
    const codec = createAesGcmCodec(() => key);
    const sealed = (await codec.seal(patient)) as { c: 1; iv: Uint8Array; ct: ArrayBuffer };
    const flipped = new Uint8Array(sealed.ct.slice(0));
    flipped[3] = (flipped[3] ?? 0) ^ 1;
    await expect(codec.open({ ...sealed, ct: flipped.buffer })).rejects.toBeInstanceOf(SealBroken);
    const other = await importDataKey(newRawDataKey());
    await expect(createAesGcmCodec(() => other).open(sealed)).rejects.toBeInstanceOf(SealBroken);
  });

  it('opens plain bodies written before encryption as they are', async () => {
    const key = await importDataKey(newRawDataKey());
    expect(await createAesGcmCodec(() => key).open(patient)).toEqual(patient);
    expect(await createAesGcmCodec(() => null).open(patient)).toEqual(patient);
  });

  it('throws Locked, naming no data, when no key is held', async () => {
    const key = await importDataKey(newRawDataKey());
    const sealed = await createAesGcmCodec(() => key).seal(patient);
    const locked = createAesGcmCodec(() => null);
    await expect(locked.seal(patient)).rejects.toBeInstanceOf(Locked);
    const err = await locked.open(sealed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Locked);
    expect(String((err as Error).message)).not.toContain('Rosa');
  });
});
