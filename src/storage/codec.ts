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

export const plainCodec: RecordCodec = {
  name: 'plain',
  seal: async (value) => value,
  open: async <T>(body: unknown) => body as T,
};

/**
 * Thrown by a codec asked to seal or open a sealed body while no data key is held (after a
 * restart, after five wrong PINs, in the service worker), and by the worker's reads while the
 * device is locked. Reads in the worker answer "locked" instead of failing when they meet it (worker/watch.ts);
 * the message names no record and no patient.
 */
export class Locked extends Error {
  constructor() {
    super('The device is locked: records cannot be opened until it is unlocked.');
    this.name = 'Locked';
  }
}

/** True for `Locked`, also after the error crossed a boundary that kept only its name. */
export function isLocked(e: unknown): boolean {
  return e instanceof Locked || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'Locked');
}
