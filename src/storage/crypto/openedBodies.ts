/**
 * What sealed bodies opened to, remembered for the UI's reads: after a change, a watched read
 * runs again over every row it covers (a 5,000-patient territory on each autosave), and only
 * the bodies that changed need decrypting. A sealed body is known by its IV and ciphertext
 * length: the IV is random per seal and never reused under one key (aesGcmCodec.ts), so two
 * bodies with the same IV are the same seal. Bounded (least recently used goes first), and
 * emptied whenever the device locks or drops its key, so decoded data lives no longer than
 * the screens that show it.
 *
 * Values are shared between reads: callers treat them as read-only (the watches hand the UI
 * structured clones).
 */
import { isSealed } from './aesGcmCodec';

/** More than a large territory's records (patients, contacts, gaps, tasks...) together. */
const CAPACITY = 60_000;

function idOf(body: unknown): string | null {
  if (!isSealed(body)) return null;
  let id = '';
  for (const b of body.iv) id += String.fromCharCode(b);
  return `${id}:${body.ct.byteLength}`;
}

export function createOpenedBodies(capacity = CAPACITY) {
  const values = new Map<string, unknown>();
  // An open that was under way when the cache was emptied (the device locked) is not kept.
  let generation = 0;
  return {
    /** The value `body` opened to before, or `open()`'s answer, remembered. */
    async open<T>(body: unknown, open: () => Promise<T>): Promise<T> {
      const id = idOf(body);
      if (id === null) return open();
      if (values.has(id)) {
        const value = values.get(id);
        // Most recently used last: Map keeps insertion order.
        values.delete(id);
        values.set(id, value);
        return value as T;
      }
      const started = generation;
      const value = await open();
      if (started !== generation) return value;
      values.set(id, value);
      if (values.size > capacity) values.delete(values.keys().next().value as string);
      return value;
    },
    clear(): void {
      generation += 1;
      values.clear();
    },
    get size(): number {
      return values.size;
    },
  };
}
