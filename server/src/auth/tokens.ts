/**
 * Session tokens: 32 random bytes, base64url, handed to the client once. The database keeps
 * only their sha256, so reading the sessions table does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
