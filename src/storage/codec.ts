/**
 * How record contents are sealed before they reach IndexedDB. Rows keep only non-identifying
 * index fields (ids, version) in clear; everything a person could be identified by lives in
 * `body`, which passes through a codec. Today's codec stores the object as is; the
 * encryption-at-rest layer replaces it with one that encrypts (WebCrypto, hence async) without
 * changing any table or caller.
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
 * Thrown by a codec that cannot open or seal because no key is held (the device is locked).
 * Reads in the worker answer "locked" instead of failing when they meet it (worker/watch.ts);
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
