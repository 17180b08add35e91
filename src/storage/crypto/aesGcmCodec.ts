/**
 * The device's record codec: AES-256-GCM under the data key the worker holds in memory.
 * A sealed body is `{ c: 1, iv, ct }`: a fresh random 96-bit IV per seal (never reused under
 * one key: 2^-32 collision odds only after ~2^32 seals) and the ciphertext with its 128-bit
 * tag, both binary (IndexedDB stores them as is). The plaintext is the value's JSON. A body
 * without `c` is a plain one written before encryption and is returned as it is, so older
 * databases keep working until the re-encryption pass (sealPlainRows.ts) reaches them.
 */
import { Locked, type RecordCodec } from '../codec';

export interface SealedBody {
  readonly c: 1;
  readonly iv: Uint8Array;
  readonly ct: ArrayBuffer;
}

export function isSealed(body: unknown): body is SealedBody {
  return typeof body === 'object' && body !== null && (body as { c?: unknown }).c === 1 && 'iv' in body && 'ct' in body;
}

/** Raised when a sealed body does not decrypt: altered, truncated, or sealed under another key. */
export class SealBroken extends Error {
  constructor() {
    super('a sealed record did not decrypt: it was altered or belongs to another key');
    this.name = 'SealBroken';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `key` is asked at every call: the keyring drops and regains its key while the codec lives. */
export function createAesGcmCodec(key: () => CryptoKey | null): RecordCodec {
  return {
    name: 'aes-256-gcm',
    async seal<T>(value: T): Promise<unknown> {
      const k = key();
      if (!k) throw new Locked();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, encoder.encode(JSON.stringify(value)));
      return { c: 1, iv, ct } satisfies SealedBody;
    },
    async open<T>(body: unknown): Promise<T> {
      if (!isSealed(body)) return body as T;
      const k = key();
      if (!k) throw new Locked();
      let clear: ArrayBuffer;
      try {
        clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: body.iv as Uint8Array<ArrayBuffer> }, k, body.ct);
      } catch {
        throw new SealBroken();
      }
      return JSON.parse(decoder.decode(clear)) as T;
    },
  };
}
