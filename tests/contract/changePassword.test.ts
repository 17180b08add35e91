/**
 * A person changes their own password, against the real server (Fastify on embedded
 * PostgreSQL, real HTTP on loopback) with the real worker API, device lock and Dexie on
 * fake-indexeddb: each refusal changes nothing; a success re-wraps the device's data key, so
 * the offline password unlock takes the new password and refuses the old one, and the
 * person's other sessions end.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundsDb } from '../../src/storage/db';
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
const dbs: RoundsDb[] = [];

function device() {
  const d = workerDevice({ serverUrl: server.url, name: `pw-device-${n++}` });
  dbs.push(d.db);
  return d;
}

afterAll(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('changing one’s own password', () => {
  it('refusals change nothing; a success re-wraps the key: offline, the new password unlocks and the old does not; other sessions end', async () => {
    const user = server.dataset.users.find((u) => u.role === 'specialist')!;
    const NEW = 'a fresh passphrase 9';
    const tablet = device();
    const phone = device();
    let api = tablet.start();
    const phoneApi = phone.start();
    expect((await api.signIn(user.username, user.password)).ok).toBe(true);
    expect(await api.setPin('2580')).toEqual({ ok: true });
    expect((await phoneApi.signIn(user.username, user.password)).ok).toBe(true);
    const wrapBefore = await getMeta(tablet.db, 'keyWrap');

    // Each refusal has its own code; the device's wrap stays as it was.
    expect(await api.changePassword('not my password', NEW)).toEqual({ ok: false, code: 'wrong_password' });
    expect(await api.changePassword(user.password, 'short')).toEqual({ ok: false, code: 'weak_password' });
    expect(await api.changePassword(user.password, user.username.padEnd(12, ' '))).toEqual({ ok: false, code: 'weak_password' });
    tablet.net.online = false;
    expect(await api.changePassword(user.password, NEW)).toEqual({ ok: false, code: 'offline' });
    tablet.net.online = true;
    expect(await getMeta(tablet.db, 'keyWrap')).toEqual(wrapBefore);

    // Locked: nothing is sent.
    await api.lock();
    expect(await api.changePassword(user.password, NEW)).toEqual({ ok: false, code: 'locked' });
    expect(await api.unlockWithPin('2580')).toEqual({ ok: true });

    expect(await api.changePassword(user.password, NEW)).toEqual({ ok: true, deviceUpdated: true });
    // This session goes on; the phone's ended.
    expect(await api.syncNow()).toMatchObject({ ok: true });
    expect(await phoneApi.syncNow()).toMatchObject({ ok: false, code: 'unauthorized' });

    // A restart, offline: only the new password opens the device.
    tablet.net.online = false;
    api = tablet.start();
    expect((await api.lockState()).state).toBe('password');
    expect(await api.unlockWithPassword(user.password)).toEqual({ ok: false, code: 'wrong_password', attemptsLeft: 9 });
    expect(await api.unlockWithPassword(NEW)).toEqual({ ok: true });
    expect((await api.lockState()).passwordAttemptsLeft).toBe(10);

    // Online, the server agrees: the old password no longer signs in, the new one does.
    phone.net.online = true;
    expect(await phoneApi.signIn(user.username, user.password)).toEqual({ ok: false, code: 'wrong_credentials' });
    expect((await phoneApi.signIn(user.username, NEW)).ok).toBe(true);
  }, 120_000);

  it('wrong current passwords, again and again: the server pauses the account and says how long', async () => {
    const user = server.dataset.users.filter((u) => u.role === 'specialist')[1]!;
    const d = device();
    const api = d.start();
    expect((await api.signIn(user.username, user.password)).ok).toBe(true);
    await api.setPin('2580');
    let last: Awaited<ReturnType<typeof api.changePassword>> | null = null;
    for (let i = 0; i < 12 && !(last && !last.ok && last.code === 'too_many_attempts'); i++) {
      last = await api.changePassword(`wrong guess ${i}`, 'a fresh passphrase 9');
    }
    expect(last).toMatchObject({ ok: false, code: 'too_many_attempts' });
    expect(last && !last.ok && last.code === 'too_many_attempts' && last.retryAfterSeconds).toBeGreaterThan(0);
  }, 120_000);
});
