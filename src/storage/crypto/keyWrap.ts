/**
 * The key hierarchy's primitives (native WebCrypto, no dependency). The data key is 32 random
 * bytes; in use it is an AES-GCM CryptoKey imported non-extractable. At rest it exists only
 * encrypted ("wrapped"): under a key derived from the person's password (PBKDF2-SHA-256,
 * 600,000 iterations, 16-byte random salt) and under the server's per-device key. The raw
 * bytes are handled only between unwrapping and importing, or generating and wrapping.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

/** The data key encrypted under another key (AES-GCM, fresh IV). */
export interface WrappedKey {
  readonly v: 1;
  readonly iv: Uint8Array;
  readonly ct: ArrayBuffer;
}

/** The data key wrapped under the password: the salt and cost travel with it. */
export interface PasswordWrap extends WrappedKey {
  readonly salt: Uint8Array;
  readonly iterations: number;
}

/** A PIN check: PBKDF2 of the PIN. It wraps nothing, so alone it opens nothing. */
export interface PinVerifier {
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly hash: ArrayBuffer;
}

type Bytes = Uint8Array<ArrayBuffer>;
const encoder = new TextEncoder();

export function newRawDataKey(): Bytes {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The key records are sealed with; not extractable, so it can never leave the worker as bytes. */
export function importDataKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Whether `raw` is the key `key` was imported from: a probe sealed with the key in use must
 * open with the raw bytes. (The key in use is not extractable, so the bytes cannot be compared.)
 */
export async function isSameDataKey(raw: Bytes, key: CryptoKey): Promise<boolean> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const probe = crypto.getRandomValues(new Uint8Array(16));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, probe);
  const opened = await unwrapWith(await aesKey(raw), { v: 1, iv, ct: sealed });
  return opened !== null && opened.length === probe.length && opened.every((b, i) => b === probe[i]);
}

async function pbkdf2Bits(secret: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Bytes, iterations }, base, 256);
}

async function aesKey(bits: ArrayBuffer | Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function wrapWith(kek: CryptoKey, raw: Bytes): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { v: 1, iv, ct: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, raw) };
}

/** Null when the key does not open it (wrong password, another device key, altered). */
async function unwrapWith(kek: CryptoKey, wrapped: WrappedKey): Promise<Bytes | null> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: wrapped.iv as Bytes }, kek, wrapped.ct));
  } catch {
    return null;
  }
}

export async function wrapWithPassword(raw: Bytes, password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kek = await aesKey(await pbkdf2Bits(password, salt, iterations));
  return { ...(await wrapWith(kek, raw)), salt, iterations };
}

export async function unwrapWithPassword(wrap: PasswordWrap, password: string): Promise<Bytes | null> {
  return unwrapWith(await aesKey(await pbkdf2Bits(password, wrap.salt, wrap.iterations)), wrap);
}

/** `deviceKey` is the server's base64url of 32 bytes; anything else opens nothing. */
function deviceKeyBytes(deviceKey: string): Bytes | null {
  try {
    const bin = atob(deviceKey.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (deviceKey.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

export async function wrapWithDeviceKey(raw: Bytes, deviceKey: string): Promise<WrappedKey | null> {
  const bytes = deviceKeyBytes(deviceKey);
  return bytes ? wrapWith(await aesKey(bytes), raw) : null;
}

export async function unwrapWithDeviceKey(wrapped: WrappedKey, deviceKey: string): Promise<Bytes | null> {
  const bytes = deviceKeyBytes(deviceKey);
  return bytes ? unwrapWith(await aesKey(bytes), wrapped) : null;
}

export async function pinVerifier(pin: string, iterations = PBKDF2_ITERATIONS): Promise<PinVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { salt, iterations, hash: await pbkdf2Bits(pin, salt, iterations) };
}

/** Compares in full (no early exit) so timing says nothing about how much matched. */
export async function pinMatches(verifier: PinVerifier, pin: string): Promise<boolean> {
  const got = new Uint8Array(await pbkdf2Bits(pin, verifier.salt, verifier.iterations));
  const want = new Uint8Array(verifier.hash);
  let diff = got.length ^ want.length;
  for (let i = 0; i < Math.min(got.length, want.length); i++) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}
