/**
 * The encrypted device end to end against the real server (Fastify on embedded PostgreSQL,
 * real HTTP on loopback), with the real worker API, device lock and Dexie on fake-indexeddb:
 * a sealed territory, offline password unlock, the wipe after ten wrong passwords that keeps
 * unsynced work, and its recovery by an online sign-in with the server's device key.
 * The server's answers are its own, device key included; the test only counts sign-ins and
 * cuts the network.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSealed } from '../../src/storage/crypto/aesGcmCodec';
import { entityTables, type RoundsDb } from '../../src/storage/db';
import { getMeta } from '../../src/storage/meta';
import { startModelServer, type ModelServer } from '../support/sync/modelServer';
import { workerDevice } from '../support/workerDevice';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer('pglite');
}, 120_000);
afterAll(async () => {
  await server?.close();
});

let n = 0;

/** A device whose sign-ins are counted, and the server's device key noted to prove it is never stored. */
function device() {
  const counted = { logins: 0, deviceKey: '' };
  const d = workerDevice({
    serverUrl: server.url,
    name: `enc-device-${n++}`,
    observe: async (input: RequestInfo | URL, res: Response) => {
      if (!String(input).endsWith('/api/auth/login') || !res.ok) return;
      counted.logins += 1;
      counted.deviceKey = ((await res.clone().json()) as { deviceKey: string }).deviceKey;
    },
  });
  // One object: the test turns the network off and reads the counts through it.
  const net = {
    get online() {
      return d.net.online;
    },
    set online(value: boolean) {
      d.net.online = value;
    },
    get logins() {
      return counted.logins;
    },
    get deviceKey() {
      return counted.deviceKey;
    },
  };
  return { db: d.db, start: d.start, net };
}

/** Every stored row, as the raw bytes a copied profile would show (binary as text too). */
async function rawDump(db: RoundsDb): Promise<string> {
  const parts: string[] = [];
  const show = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x instanceof ArrayBuffer ? new TextDecoder().decode(x) : ArrayBuffer.isView(x) ? new TextDecoder().decode(x as Uint8Array) : x,
    );
  for (const t of db.tables) for (const row of await t.toArray()) parts.push(show(row));
  return parts.join('\n');
}

describe('an encrypted device against the real server', () => {
  it('keeps the territory sealed; the password unlocks offline after a restart; ten wrong ones wipe it but keep and later send the unsynced change', async () => {
    const user = server.dataset.users.find((u) => u.role === 'specialist')!;
    const d = device();
    let api = d.start();
    expect((await api.lockState()).state).toBe('signed_out');
    const signed = await api.signIn(user.username, user.password);
    expect(signed.ok).toBe(true);
    expect((await api.lockState()).state).toBe('needs_pin');
    expect(await api.setPin('12')).toEqual({ ok: false, code: 'invalid_pin' });
    expect(await api.setPin('2580')).toEqual({ ok: true });
    expect((await api.lockState()).state).toBe('unlocked');

    // Every body, the session included, is sealed; no known name, phone or street in clear.
    expect(await d.db.patients.count()).toBe(server.dataset.patients.length);
    for (const t of entityTables(d.db)) for (const r of await t.toArray()) expect(isSealed(r.body)).toBe(true);
    expect(isSealed((await d.db.meta.get('session'))?.value)).toBe(true);
    const dump = await rawDump(d.db);
    for (const p of server.dataset.patients) {
      expect(dump).not.toContain(p.familyName);
      expect(dump).not.toContain(p.address.line1);
    }
    expect(dump).not.toContain(user.name);
    expect(await getMeta(d.db, 'keyWrap')).toBeDefined();
    expect(await getMeta(d.db, 'keyRecovery')).toBeDefined();
    expect(d.net.deviceKey).toHaveLength(43);
    expect(dump).not.toContain(d.net.deviceKey);

    // Offline from here: a change waits in the outbox.
    d.net.online = false;
    const patient = server.dataset.patients[0]!;
    const note = 'Gate code 4411, knock twice';
    expect(await api.updateRecord('patient', patient.id, { accessNotes: note })).toMatchObject({ ok: true });
    expect(await d.db.outbox.count()).toBe(1);
    expect(await rawDump(d.db)).not.toContain('Gate code');

    // Locked with the key in memory: the PIN opens it; five wrong PINs leave only the password.
    await api.lock();
    expect((await api.lockState()).state).toBe('pin');
    expect(await api.unlockWithPin('2580')).toEqual({ ok: true });
    await api.lock();
    for (let i = 1; i <= 4; i++) expect(await api.unlockWithPin('0000')).toEqual({ ok: false, code: 'wrong_pin', attemptsLeft: 5 - i });
    expect(await api.unlockWithPin('0000')).toEqual({ ok: false, code: 'needs_password' });
    expect((await api.lockState()).state).toBe('password');
    expect(await api.unlockWithPin('2580')).toEqual({ ok: false, code: 'needs_password' });
    expect(await api.unlockWithPassword(user.password)).toEqual({ ok: true });
    expect((await api.lockState()).state).toBe('unlocked');

    // A restart: no key in memory; the password opens the device offline.
    api = d.start();
    expect((await api.lockState()).state).toBe('password');
    // Without the key a sync can only send what was sealed for the server; offline, nothing goes.
    expect(await api.syncNow()).toEqual({ ok: false, code: 'offline' });
    expect(await d.db.outbox.count()).toBe(1);
    expect(await api.unlockWithPassword('not it')).toEqual({ ok: false, code: 'wrong_password', attemptsLeft: 9 });
    expect(await api.unlockWithPassword(user.password)).toEqual({ ok: true });
    expect((await api.lockState()).passwordAttemptsLeft).toBe(10);

    // Another restart, and ten wrong passwords in a row: the territory goes, the change stays.
    api = d.start();
    const deviceId = await getMeta(d.db, 'deviceId');
    const hlc = await getMeta(d.db, 'hlc');
    for (let i = 1; i <= 9; i++) expect(await api.unlockWithPassword(`guess ${i}`)).toMatchObject({ ok: false, code: 'wrong_password', attemptsLeft: 10 - i });
    expect(await api.unlockWithPassword('guess 10')).toEqual({ ok: false, code: 'wiped' });
    expect((await api.lockState()).state).toBe('signed_out');
    for (const t of entityTables(d.db)) expect(await t.count()).toBe(0);
    expect(await d.db.plans.count()).toBe(0);
    expect(await d.db.meta.get('session')).toBeUndefined();
    expect(await getMeta(d.db, 'keyWrap')).toBeUndefined();
    expect(await d.db.outbox.count()).toBe(1);
    expect(await getMeta(d.db, 'keyRecovery')).toBeDefined();
    expect(await getMeta(d.db, 'deviceId')).toBe(deviceId);
    expect(await getMeta(d.db, 'hlc')).toEqual(hlc);
    // The right password now opens nothing: its wrap is gone.
    expect(await api.unlockWithPassword(user.password)).toEqual({ ok: false, code: 'wiped' });

    // Online again, the same person signs in: the device key recovers the data key, the
    // change reaches the server, the territory comes back.
    d.net.online = true;
    const again = await api.signIn(user.username, user.password);
    expect(again).toMatchObject({ ok: true, synced: { ok: true, sent: 1 } });
    expect(await d.db.outbox.count()).toBe(0);
    const [row] = await server.db.query<{ data: { accessNotes: string } }>('select data from patients where id = $1', [patient.id]);
    expect(row?.data.accessNotes).toBe(note);
    expect(await d.db.patients.count()).toBe(server.dataset.patients.length);
    // The wipe took the PIN check too: a new PIN is chosen, then the device opens.
    expect((await api.lockState()).state).toBe('needs_pin');
    expect(await api.setPin('97531')).toEqual({ ok: true });
    expect((await api.lockState()).state).toBe('unlocked');

    // Signing out wipes the records and the keys.
    expect(await api.signOutInfo()).toEqual({ unsynced: 0, refused: 0 });
    expect(await api.signOut()).toEqual({ ok: true });
    expect((await api.lockState()).state).toBe('signed_out');
    for (const t of entityTables(d.db)) expect(await t.count()).toBe(0);
    for (const k of ['keyWrap', 'keyRecovery', 'pinVerifier', 'session'] as const) expect(await d.db.meta.get(k)).toBeUndefined();
    d.db.close();
    await Dexie.delete(d.db.name);
  }, 120_000);

  it('a forgotten password: an online sign-in with the new one re-wraps the key; nothing unsynced is lost', async () => {
    const user = server.dataset.users.filter((u) => u.role === 'specialist')[1]!;
    const d = device();
    let api = d.start();
    expect((await api.signIn(user.username, user.password)).ok).toBe(true);
    await api.setPin('135790');
    d.net.online = false;
    const patient = server.dataset.patients[1]!;
    await api.updateRecord('patient', patient.id, { accessNotes: 'Side door' });
    // The office resets the password; the old one stays in the device's wrap.
    const { hashPassword } = await import('../../server/src/auth/password');
    await server.db.query('update users set password_hash = $1 where id = $2', [await hashPassword('a new password 42'), user.id]);
    api = d.start();
    expect(await api.unlockWithPassword('a new password 42')).toMatchObject({ ok: false, code: 'wrong_password' });
    d.net.online = true;
    expect(await api.signIn(user.username, 'a new password 42')).toMatchObject({ ok: true, synced: { ok: true, sent: 1 } });
    api = d.start();
    d.net.online = false;
    expect(await api.unlockWithPassword(user.password)).toMatchObject({ ok: false, code: 'wrong_password' });
    expect(await api.unlockWithPassword('a new password 42')).toEqual({ ok: true });
    d.db.close();
    await Dexie.delete(d.db.name);
  }, 120_000);
});
