/**
 * How record contents are sealed before they reach IndexedDB. Rows keep only non-identifying
 * index fields (ids, version) in clear; everything a person could be identified by lives in
 * `body`, which passes through a codec. The device's codec encrypts (storage/crypto/
 * aesGcmCodec.ts, WebCrypto, hence async); `plainCodec` stores the object as is and is what
 * databases written before encryption hold (every codec still opens such plain bodies).
 */
export interface RecordCodec {
  readonly name: string;
  seal<T>(value: T): Promise<unknown>;
  open<T>(body: unknown): Promise<T>;
}

/**
 * Thrown by a codec asked to seal or open a sealed body while no data key is held (after a
 * restart, after five wrong PINs, in the service worker). Carries no data.
 */
export class Locked extends Error {
  constructor() {
    super('the device is locked: no data key is held');
    this.name = 'Locked';
  }
}

export const plainCodec: RecordCodec = {
  name: 'plain',
  seal: async (value) => value,
  open: async <T>(body: unknown) => body as T,
};
