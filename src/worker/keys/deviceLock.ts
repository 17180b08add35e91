/**
 * The device lock: holds the data key (in this worker's memory only) and decides what a person
 * must do to see data. States:
 *  - signed_out: nobody's session on the device (or only keys a new online sign-in recovers);
 *  - needs_pin: just signed in, the key is held, a PIN must be chosen before anything shows;
 *  - pin: locked (inactivity, or by hand) with the key still held: the PIN opens it; sync
 *    goes on, since locking hides data and does not stop work reaching the server;
 *  - password: no key in memory (after a restart, or five wrong PINs): the password unwraps
 *    it, offline; ten wrong passwords in a row wipe the territory (wipeTerritory.ts);
 *  - unlocked.
 * The PIN is checked against a PBKDF2 verifier: it wraps nothing, so a PIN opens only a key
 * already in memory.
 */
import { Locked, type RecordCodec } from '../../storage/codec';
import { createAesGcmCodec } from '../../storage/crypto/aesGcmCodec';
import {
  importDataKey,
  isSameDataKey,
  newRawDataKey,
  PBKDF2_ITERATIONS,
  pinMatches,
  pinVerifier,
  unwrapWithDeviceKey,
  unwrapWithPassword,
  wrapWithDeviceKey,
  wrapWithPassword,
} from '../../storage/crypto/keyWrap';
import type { RoundsDb } from '../../storage/db';
import { getMeta, setMeta } from '../../storage/meta';
import { hasSession } from '../../storage/session';
import { wipeTerritory } from '../../storage/wipeTerritory';
import { createOpenedBodies } from '../../storage/crypto/openedBodies';

export const PIN_ATTEMPTS = 5;
export const PASSWORD_ATTEMPTS = 10;
export const DEFAULT_LOCK_AFTER_MINUTES = 5;
export const PIN_PATTERN = /^\d{4,8}$/;

export type LockStateName = 'signed_out' | 'needs_pin' | 'pin' | 'password' | 'unlocked';

export interface LockState {
  readonly state: LockStateName;
  readonly pinAttemptsLeft: number;
  readonly passwordAttemptsLeft: number;
  readonly lockAfterMinutes: number;
  /** The territory was wiped after ten wrong passwords; the sign-in screen says so. */
  readonly wiped: boolean;
}

export type UnlockResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'wrong_pin' | 'wrong_password'; readonly attemptsLeft: number }
  /** The PIN cannot open anything now (no key in memory, or no PIN chosen): use the password. */
  | { readonly ok: false; readonly code: 'needs_password' }
  /** Ten wrong passwords: the territory was wiped; an online sign-in recovers unsynced work. */
  | { readonly ok: false; readonly code: 'wiped' };

export type AdoptResult = { readonly ok: true } | { readonly ok: false; readonly code: 'key_unavailable' };

/** `key_unavailable`: the stored wrap does not open with the current password, or holds another key. */
export type RewrapResult = { readonly ok: true } | { readonly ok: false; readonly code: 'locked' | 'key_unavailable' };

export interface DeviceLockDeps {
  readonly db: RoundsDb;
  /** Wall clock in ms, for inactivity. */
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /** PBKDF2 cost of new wraps and PIN checks; only tests lower it (each wrap records its own). */
  readonly iterations?: number;
}

export function createDeviceLock(deps: DeviceLockDeps) {
  const { db } = deps;
  const iterations = deps.iterations ?? PBKDF2_ITERATIONS;
  let key: CryptoKey | null = null;
  let unlocked = false;
  let pinFailures = 0;
  let lastActivity = deps.now();
  let timer: unknown = null;
  const listeners = new Set<(s: LockState) => void>();
  const codec: RecordCodec = createAesGcmCodec(() => key);
  // What the UI's reads open bodies with: a PIN-locked worker still holds the key (so sync and
  // an autosave in flight go on), but shows nothing until a person unlocks.
  // It remembers what bodies opened to (openedBodies.ts) while unlocked: a watched read that runs
  // again after a change decrypts only what changed.
  const opened = createOpenedBodies();
  const readCodec: RecordCodec = {
    name: codec.name,
    seal: (value) => codec.seal(value),
    open: async <T,>(body: unknown) => {
      assertUnlocked();
      return opened.open(body, () => codec.open<T>(body));
    },
  };

  /** Throws Locked unless a person may see data now. */
  function assertUnlocked(): void {
    if (!key || !unlocked) throw new Locked();
  }

  async function lockAfterMinutes(): Promise<number> {
    return (await getMeta(db, 'lockAfterMinutes')) ?? DEFAULT_LOCK_AFTER_MINUTES;
  }

  async function state(): Promise<LockState> {
    const [signedIn, wrap, verifier, failures, minutes, wiped] = await Promise.all([
      hasSession(db),
      getMeta(db, 'keyWrap'),
      getMeta(db, 'pinVerifier'),
      getMeta(db, 'passwordFailures'),
      lockAfterMinutes(),
      getMeta(db, 'wipedAfterWrongPasswords'),
    ]);
    const name: LockStateName =
      !signedIn || (!key && !wrap)
        ? 'signed_out'
        : key && unlocked
          ? verifier
            ? 'unlocked'
            : 'needs_pin'
          : key && verifier && pinFailures < PIN_ATTEMPTS
            ? 'pin'
            : 'password';
    return {
      state: name,
      pinAttemptsLeft: verifier && key ? PIN_ATTEMPTS - pinFailures : 0,
      passwordAttemptsLeft: PASSWORD_ATTEMPTS - (failures ?? 0),
      lockAfterMinutes: minutes,
      wiped: wiped === true,
    };
  }

  async function notify(): Promise<void> {
    if (listeners.size === 0) return;
    const s = await state();
    for (const cb of listeners) {
      try {
        cb(s);
      } catch {
        // A listener that went away (a closed page's proxy) must not stop the others.
        listeners.delete(cb);
      }
    }
  }

  function forget(): void {
    key = null;
    unlocked = false;
    opened.clear();
    pinFailures = 0;
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  }

  async function armTimer(): Promise<void> {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (!key || !unlocked) return;
    const limit = (await lockAfterMinutes()) * 60_000;
    const left = lastActivity + limit - deps.now();
    timer = deps.setTimer(
      () => {
        timer = null;
        if (deps.now() - lastActivity >= limit) void lock();
        else void armTimer();
      },
      Math.max(0, left),
    );
  }

  async function open(raw: Uint8Array<ArrayBuffer>): Promise<void> {
    key = await importDataKey(raw);
    raw.fill(0);
    unlocked = true;
    pinFailures = 0;
    lastActivity = deps.now();
    await setMeta(db, 'passwordFailures', 0);
    await armTimer();
  }

  async function lock(): Promise<void> {
    unlocked = false;
    opened.clear();
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    await notify();
  }

  return {
    db,
    /** The codec every storage call of this worker uses: it seals with the key while held. */
    codec,
    hasKey: () => key !== null,
    state,
    subscribe(cb: (s: LockState) => void): () => void {
      listeners.add(cb);
      void state().then(cb);
      return () => listeners.delete(cb);
    },
    /** The codec the UI's reads open with: it refuses (Locked) unless the device is unlocked. */
    readCodec,
    /** Whether a person may see data now (the key is held and no lock is on). */
    isUnlocked: () => key !== null && unlocked,

    /**
     * After an online sign-in: gets the data key (from the recovery wrap with the server's
     * device key, else the password wrap, else a new key when the device holds none) and wraps
     * it under this password and this device key. A forgotten password ends here: the recovery
     * wrap opens and the key is re-wrapped under the new password; nothing sealed is lost.
     */
    async adopt(userId: string, password: string, deviceKey: string | undefined, minutes: number | undefined): Promise<AdoptResult> {
      const [wrap, recovery] = await Promise.all([getMeta(db, 'keyWrap'), getMeta(db, 'keyRecovery')]);
      let raw: Uint8Array<ArrayBuffer> | null = null;
      if (recovery && deviceKey) raw = await unwrapWithDeviceKey(recovery, deviceKey);
      if (!raw && wrap) raw = await unwrapWithPassword(wrap, password);
      // Sealed rows exist that neither wrap opens: a fresh key would orphan them; refuse.
      if (!raw && (wrap || recovery)) return { ok: false, code: 'key_unavailable' };
      raw ??= newRawDataKey();
      const nextWrap = await wrapWithPassword(raw, password, iterations);
      const nextRecovery = deviceKey ? await wrapWithDeviceKey(raw, deviceKey) : null;
      await db.transaction('rw', db.meta, async () => {
        await db.meta.delete('wipedAfterWrongPasswords');
        await setMeta(db, 'keyWrap', nextWrap);
        if (nextRecovery) await setMeta(db, 'keyRecovery', nextRecovery);
        await setMeta(db, 'keyOwner', userId);
        if (minutes !== undefined) await setMeta(db, 'lockAfterMinutes', minutes);
      });
      await open(raw);
      await notify();
      return { ok: true };
    },

    /**
     * After the server accepted a new password: the data key is wrapped under it, so the
     * offline unlock takes the new password and refuses the old one. The key in memory cannot
     * be exported, so its bytes come from the stored wrap opened with the current password,
     * and must be the key in memory. The recovery wrap (server's device key) stays as it is.
     * Only the key is needed: a PIN lock that came while the server was answering (the
     * inactivity timer) does not leave the device behind the server.
     */
    async rewrap(currentPassword: string, newPassword: string): Promise<RewrapResult> {
      if (!key) return { ok: false, code: 'locked' };
      const inUse = key;
      const wrap = await getMeta(db, 'keyWrap');
      const raw = wrap ? await unwrapWithPassword(wrap, currentPassword) : null;
      if (!raw) return { ok: false, code: 'key_unavailable' };
      try {
        if (!(await isSameDataKey(raw, inUse))) return { ok: false, code: 'key_unavailable' };
        const nextWrap = await wrapWithPassword(raw, newPassword, iterations);
        await db.transaction('rw', db.meta, async () => {
          await setMeta(db, 'keyWrap', nextWrap);
          await setMeta(db, 'passwordFailures', 0);
        });
      } finally {
        raw.fill(0);
      }
      return { ok: true };
    },

    async setPin(pin: string): Promise<{ ok: true } | { ok: false; code: 'invalid_pin' | 'locked' }> {
      if (!PIN_PATTERN.test(pin)) return { ok: false, code: 'invalid_pin' };
      if (!key || !unlocked) return { ok: false, code: 'locked' };
      await setMeta(db, 'pinVerifier', await pinVerifier(pin, iterations));
      await notify();
      return { ok: true };
    },

    async unlockWithPin(pin: string): Promise<UnlockResult> {
      const verifier = await getMeta(db, 'pinVerifier');
      if (!key || !verifier || pinFailures >= PIN_ATTEMPTS) return { ok: false, code: 'needs_password' };
      if (await pinMatches(verifier, pin)) {
        unlocked = true;
        pinFailures = 0;
        lastActivity = deps.now();
        await armTimer();
        await notify();
        return { ok: true };
      }
      pinFailures += 1;
      // Five wrong PINs: the key leaves memory; only the password brings it back.
      if (pinFailures >= PIN_ATTEMPTS) forget();
      await notify();
      return key ? { ok: false, code: 'wrong_pin', attemptsLeft: PIN_ATTEMPTS - pinFailures } : { ok: false, code: 'needs_password' };
    },

    async unlockWithPassword(password: string): Promise<UnlockResult> {
      const wrap = await getMeta(db, 'keyWrap');
      if (!wrap) return { ok: false, code: 'wiped' };
      // A wipe the tab did not live to finish is finished before anything else.
      if (((await getMeta(db, 'passwordFailures')) ?? 0) >= PASSWORD_ATTEMPTS) {
        forget();
        await wipeTerritory(db);
        await notify();
        return { ok: false, code: 'wiped' };
      }
      const raw = await unwrapWithPassword(wrap, password);
      if (raw) {
        await open(raw);
        await notify();
        return { ok: true };
      }
      const failures = ((await getMeta(db, 'passwordFailures')) ?? 0) + 1;
      await setMeta(db, 'passwordFailures', failures);
      if (failures >= PASSWORD_ATTEMPTS) {
        forget();
        await wipeTerritory(db);
        await notify();
        return { ok: false, code: 'wiped' };
      }
      await notify();
      return { ok: false, code: 'wrong_password', attemptsLeft: PASSWORD_ATTEMPTS - failures };
    },

    lock,
    /** A person's activity: postpones the inactivity lock. */
    touch(): void {
      lastActivity = deps.now();
      if (timer === null && key && unlocked) void armTimer();
    },
    /** Sign-out, a revoked device: the key leaves memory. */
    async forget(): Promise<void> {
      forget();
      await notify();
    },
    notify,
  };
}

export type DeviceLock = ReturnType<typeof createDeviceLock>;
