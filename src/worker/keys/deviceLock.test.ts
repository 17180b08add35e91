/**
 * The data key re-wrapped under a new password (after the server accepted the change): the
 * offline unlock then takes the new password and refuses the old one; a wrap the current
 * password does not open is left alone. Real WebCrypto, a low PBKDF2 cost, fake-indexeddb.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoundsDb, type RoundsDb } from '../../storage/db';
import { getMeta } from '../../storage/meta';
import { createDeviceLock } from './deviceLock';

const OLD = 'old password 1';
const NEW = 'new password 22';
let db: RoundsDb | null = null;
let n = 0;

afterEach(async () => {
  if (!db) return;
  db.close();
  await Dexie.delete(db.name);
  db = null;
});

function newLock(on: RoundsDb) {
  return createDeviceLock({ db: on, now: () => Date.now(), setTimer: () => null, clearTimer: () => undefined, iterations: 1000 });
}

/** A device signed in with OLD: the key wrapped, a record sealed with it, the PIN chosen. */
async function signedIn() {
  db = openRoundsDb(`device-lock-${n++}-${crypto.randomUUID()}`);
  const lock = newLock(db);
  expect(await lock.adopt('usr_1', OLD, undefined, 5)).toEqual({ ok: true });
  await lock.setPin('2580');
  const sealed = await lock.codec.seal({ note: 'side door' });
  return { lock, on: db, sealed };
}

describe('re-wrapping the data key under a new password', () => {
  it('afterwards the new password opens the device after a restart and the old one does not', async () => {
    const { lock, on, sealed } = await signedIn();
    expect(await lock.rewrap(OLD, NEW)).toEqual({ ok: true });

    const restarted = newLock(on);
    expect(await restarted.unlockWithPassword(OLD)).toEqual({ ok: false, code: 'wrong_password', attemptsLeft: 9 });
    expect(await restarted.unlockWithPassword(NEW)).toEqual({ ok: true });
    // The same key as before: what was sealed under the old wrap still opens.
    expect(await restarted.readCodec.open(sealed)).toEqual({ note: 'side door' });
  });

  it('refuses without the key in memory, and when the stored wrap does not open with the given current password, leaving it unchanged', async () => {
    const { lock, on } = await signedIn();
    const before = await getMeta(on, 'keyWrap');
    expect(await lock.rewrap('not the password', NEW)).toEqual({ ok: false, code: 'key_unavailable' });
    await lock.forget();
    expect(await lock.rewrap(OLD, NEW)).toEqual({ ok: false, code: 'locked' });
    expect(await getMeta(on, 'keyWrap')).toEqual(before);
    expect(await newLock(on).unlockWithPassword(OLD)).toEqual({ ok: true });
  });

  it('a PIN lock that came while the server answered does not stop the re-wrap: the key is still in memory', async () => {
    const { lock, on } = await signedIn();
    await lock.lock();
    expect(lock.isUnlocked()).toBe(false);
    expect(await lock.rewrap(OLD, NEW)).toEqual({ ok: true });
    expect(await newLock(on).unlockWithPassword(NEW)).toEqual({ ok: true });
  });

  it('the read codec opens nothing while the device is PIN-locked, though the key is held', async () => {
    const { lock, sealed } = await signedIn();
    expect(await lock.readCodec.open(sealed)).toEqual({ note: 'side door' });
    await lock.lock();
    await expect(lock.readCodec.open(sealed)).rejects.toThrow(/locked/);
    expect(await lock.codec.open(sealed)).toEqual({ note: 'side door' });
  });
});
