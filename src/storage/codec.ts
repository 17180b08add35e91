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
