/**
 * Typed access to the `meta` table: the session, the device id, the pull cursor, the sync
 * status and the wrapped data key. Each key has exactly one value type, declared here. Nothing
 * here is personal data in clear: the session (names, tokens) is sealed like a record and is
 * read and written only through session.ts; the rest are ids, counters and ciphertext.
 */
import { encodeHlc, HLC_ZERO, observeHlc, type HlcState } from '../domain/hlc';
import type { IsoDateTime } from '../domain/ids';
import type { SyncStatus } from '../domain/syncStatus';
import { INITIAL_SYNC_STATUS } from '../domain/syncStatus';
import type { Role } from '../domain/user';
import type { PasswordWrap, PinVerifier, WrappedKey } from './crypto/keyWrap';
import type { RoundsDb } from './db';

/** Read and written through storage/session.ts (readSession, writeSession, clearSession) only. */
export interface Session {
  /** Sent as `Authorization: Bearer`; short-lived, renewed with the refresh token. */
  readonly accessToken: string;
  /** Exchanged (from this device only) for new tokens; replaced at every use. */
  readonly refreshToken: string;
  /** When the server stops accepting the access token (ISO time, the server's clock). */
  readonly accessExpiresAt: string;
  readonly user: { readonly id: string; readonly name: string; readonly role: Role; readonly username: string };
  readonly territories: readonly { readonly id: string; readonly name: string }[];
  readonly signedInAt: IsoDateTime;
  /** The care team's line for urgent escalations, when the organisation has one. */
  readonly careTeamPhone?: string | null;
  /** The organisation's inactivity lock, from the last sign-in or refresh. */
  readonly lockAfterMinutes: number;
}

export interface MetaValues {
  /** The Session, sealed by the codec: use readSession/writeSession (session.ts). */
  session: unknown;
  /** The data key wrapped under the password (keyWrap.ts); wiped with the territory. */
  keyWrap: PasswordWrap;
  /** The data key wrapped under the server's device key; kept through a territory wipe. */
  keyRecovery: WrappedKey;
  /** The user id whose data key this device holds; kept through a territory wipe. */
  keyOwner: string;
  /** The PIN check (it wraps nothing). */
  pinVerifier: PinVerifier;
  /** Wrong passwords in a row, kept across restarts: at 10 the territory is wiped. */
  passwordFailures: number;
  /** Set by that wipe, so the sign-in screen can say why the data is gone; cleared at sign-in. */
  wipedAfterWrongPasswords: boolean;
  /** The organisation's inactivity lock, from the last sign-in. */
  lockAfterMinutes: number;
  deviceId: string;
  pullCursor: string;
  syncStatus: SyncStatus;
  /** The device's hybrid logical clock, advanced with every local change. */
  hlc: HlcState;
  /**
   * The push token and the server's public key of the current session (docs/SECURITY.md,
   * "Background sync"): in clear, since their whole point is to work without the data key.
   * The token only sends changes sealed to that key; it opens nothing and reads nothing.
   */
  backgroundPush: { readonly token: string; readonly sealKey: string };
  /** The last mutation number given to an outbox row (S4). */
  lastMutationNo: number;
  /**
   * Patients that left the device's scope (moved away or deleted) but are still here because
   * changes of theirs wait in the outbox; evicted once those are sent (S16).
   */
  leavingPatients: string[];
}
export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(db: RoundsDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: RoundsDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function getSyncStatus(db: RoundsDb): Promise<SyncStatus> {
  return (await getMeta(db, 'syncStatus')) ?? INITIAL_SYNC_STATUS;
}

/** Read-modify-write in one transaction so concurrent updaters never lose each other's fields. */
export async function updateSyncStatus(db: RoundsDb, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await getSyncStatus(db)), ...patch };
    await setMeta(db, 'syncStatus', next);
    return next;
  });
}

/** A stable id for this browser profile, created on first use. */
export async function ensureDeviceId(db: RoundsDb, newId: () => string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'deviceId');
    if (existing) return existing;
    const id = newId();
    await setMeta(db, 'deviceId', id);
    return id;
  });
}

/**
 * Folds the server's clock into the device clock (S19), read-modify-write in one transaction
 * so it can never move the clock back under a concurrent local write.
 */
export async function observeServerTime(db: RoundsDb, serverMs: number, nowMs: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const clock = (await getMeta(db, 'hlc')) ?? HLC_ZERO;
    await setMeta(db, 'hlc', observeHlc(clock, encodeHlc({ wallMs: serverMs, counter: 0 }, 'server'), nowMs));
  });
}
