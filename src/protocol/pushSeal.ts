/**
 * Sealed pushes (docs/SECURITY.md, "Background sync"): a change's content sealed on the device
 * to the server's public key, so a context without the data key (the service worker, a device
 * waiting for its password) can send it and never read it; only the server opens it.
 *
 * The seal is ECIES over WebCrypto, the same code in the browser and in Node: a fresh P-256
 * key pair per seal, ECDH with the server's public key, HKDF-SHA-256 (salt: the fresh public
 * key, info: {@link PUSH_SEAL_INFO}) to an AES-256-GCM key, a random 96-bit IV. The fresh
 * private key is never kept, so the device cannot open what it sealed. The change's clear
 * identity (device, mutation id, kind, record id, op) is the associated data: a sealed body
 * moved to another row, or to another device's push, does not open.
 *
 * Wire form: base64url of `public key (65 bytes, uncompressed) | IV (12) | ciphertext + tag`.
 */
const INFO = new TextEncoder().encode('rounds push seal v1');
const PUBLIC_KEY_BYTES = 65;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The server's public key in the login answer: base64url of the 65-byte uncompressed point. */
export const PUSH_SEAL_KEY_PATTERN = /^[A-Za-z0-9_-]{87}$/;
/** The largest sealed body the server opens (a change is at most a few hundred KiB of JSON). */
export const SEALED_MAX_CHARS = 700_000;

/** What a sealed push row carries in clear, bound into its seal. */
export interface SealedIdentity {
  readonly deviceId: string;
  readonly mutationId: string;
  readonly kind: string;
  readonly entityId: string;
  readonly op: string;
}

type Bytes = Uint8Array<ArrayBuffer>;

function associatedData(id: SealedIdentity): Bytes {
  return new TextEncoder().encode(JSON.stringify([id.deviceId, id.mutationId, id.kind, id.entityId, id.op]));
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything that is not base64url. */
export function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Imports the server's public key as the login answer gives it; null when it is not a P-256 point. */
export async function importPushSealKey(base64url: string): Promise<CryptoKey | null> {
  const raw = PUSH_SEAL_KEY_PATTERN.test(base64url) ? fromBase64Url(base64url) : null;
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, CURVE, true, []);
  } catch {
    return null;
  }
}

async function messageKey(privateKey: CryptoKey, publicKey: CryptoKey, salt: Bytes, usage: KeyUsage): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Seals `value` (as JSON) to the server's public key for the change `id`. */
export async function sealForServer(serverKey: CryptoKey, id: SealedIdentity, value: unknown): Promise<string> {
  const fresh = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', fresh.publicKey));
  const key = await messageKey(fresh.privateKey, serverKey, epk, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(id) }, key, plain));
  const out = new Uint8Array(epk.length + iv.length + ct.length);
  out.set(epk, 0);
  out.set(iv, epk.length);
  out.set(ct, epk.length + iv.length);
  return toBase64Url(out);
}

/**
 * Opens a sealed body with the server's private key; null when it is malformed, was sealed to
 * another key, was altered, or belongs to another change (`id` differs).
 */
export async function openFromDevice(serverPrivateKey: CryptoKey, id: SealedIdentity, sealed: string): Promise<unknown> {
  const bytes = sealed.length <= SEALED_MAX_CHARS ? fromBase64Url(sealed) : null;
  if (!bytes || bytes.length < PUBLIC_KEY_BYTES + IV_BYTES + TAG_BYTES) return null;
  try {
    const epk = bytes.slice(0, PUBLIC_KEY_BYTES);
    const iv = bytes.slice(PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES + IV_BYTES);
    const devicePublic = await crypto.subtle.importKey('raw', epk, CURVE, false, []);
    const key = await messageKey(serverPrivateKey, devicePublic, epk, 'decrypt');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: associatedData(id) },
      key,
      bytes.slice(PUBLIC_KEY_BYTES + IV_BYTES),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return null;
  }
}
