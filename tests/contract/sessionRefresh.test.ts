/**
 * The client's session against the real server (Fastify on PGlite, real HTTP on loopback,
 * Dexie on fake-indexeddb): an expired access token is refreshed once and the request retried;
 * a session the server ended asks the person to sign in again; a revoked device is wiped; the
 * device adopts the id the server issues; sign-out ends the session on the server and never
 * waits on a missing network.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/ids';
import { plainCodec } from '../../src/storage/codec';
import { openRoundsDb, type RoundsDb } from '../../src/storage/db';
import { getMeta, getSyncStatus } from '../../src/storage/meta';
import { readSession } from '../../src/storage/session';
import { localLock, type SyncDeps } from '../../src/sync/deps';
import { signIn } from '../../src/sync/signIn';
import { endServerSession } from '../../src/sync/signOut';
import { createWorkerApi } from '../../src/worker/api';
import { createChange } from '../../src/domain/entities';
import { writeChanges } from '../../src/storage/writeChanges';
import { buildGap } from '../support/builders';
import { syncNow } from '../../src/sync/syncNow';
import { endSessions } from '../../server/src/auth/accountAdmin';
import { ACCESS_LIFETIME_MS } from '../../server/src/auth/sessions';
import type { Db } from '../../server/src/db/db';
import { openPglite } from '../../server/src/db/pglite';
import { buildApp } from '../../server/src/http/buildApp';
import { migrate } from '../../server/src/migrations/migrate';
import type { Dataset } from '../../server/src/seed/dataset';
import { generateDataset } from '../../server/src/seed/generateDataset';
import { loadDataset } from '../../server/src/seed/loadDataset';

let server: Db;
let app: FastifyInstance;
let baseUrl: string;
let dataset: Dataset;
let serverClock = new Date();
const opened: RoundsDb[] = [];
let n = 0;

beforeAll(async () => {
  server = await openPglite({});
  await migrate(server);
  dataset = generateDataset({ seed: 13, today: '2026-11-22' as IsoDate, patientsPerTerritory: [5, 5] });
  await loadDataset(server, dataset);
  app = await buildApp({ db: server, version: 'test', demoMode: true, now: () => serverClock });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A device whose requests are logged by path. */
function device(deviceId = `device-${++n}-abcdef`) {
  const db = openRoundsDb(`session-refresh-${++n}`);
  opened.push(db);
  const paths: string[] = [];
  let offline = false;
  const deps: SyncDeps = {
    db,
    codec: plainCodec,
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      paths.push(new URL(url).pathname);
      if (offline) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    },
    baseUrl,
    now: () => new Date(),
    newId: () => deviceId,
    withSyncLock: localLock(),
  };
  return { deps, paths, goOffline: () => (offline = true) };
}

const specialists = () => dataset.users.filter((u) => u.role === 'specialist');
const later = (ms: number) => {
  serverClock = new Date(serverClock.getTime() + ms);
};

describe('the session on the device against the real server', () => {
  it('an expired access token is refreshed once, the tokens stored, and the request retried', async () => {
    const d = device();
    const user = specialists()[0]!;
    const signedIn = await signIn(d.deps, user.username, user.password);
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    expect(Buffer.from(signedIn.deviceKey, 'base64url')).toHaveLength(32);
    // The device key goes to the caller only.
    expect(JSON.stringify(await d.deps.db.meta.toArray())).not.toContain(signedIn.deviceKey);
    // The app reports its release, for the admin console's device list.
    const deviceId = (await getMeta(d.deps.db, 'deviceId'))!;
    const [row] = await server.query<{ appVersion: string | null }>('select app_version as "appVersion" from devices where id = $1', [deviceId]);
    expect(row?.appVersion).toBe(__APP_VERSION__);
    expect(__APP_VERSION__).toMatch(/^\d+\.\d+\.\d+/);
    const before = await readSession(d.deps);
    later(ACCESS_LIFETIME_MS + 1000);
    d.paths.length = 0;
    const res = await syncNow(d.deps);
    expect(res).toMatchObject({ ok: true });
    expect(d.paths.filter((p) => p === '/api/auth/refresh')).toHaveLength(1);
    // The outbox is empty: the first request is the download.
    expect(d.paths.slice(0, 3)).toEqual(['/api/sync/pull', '/api/auth/refresh', '/api/sync/pull']);
    const after = await readSession(d.deps);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.user).toEqual(before?.user);
    // The next sync uses the stored tokens without refreshing again.
    d.paths.length = 0;
    expect(await syncNow(d.deps)).toMatchObject({ ok: true });
    expect(d.paths).not.toContain('/api/auth/refresh');
  });

  it('a session the server ended (refresh refused) says: sign in again', async () => {
    const d = device();
    const user = specialists()[0]!;
    await signIn(d.deps, user.username, user.password);
    const deviceId = (await getMeta(d.deps.db, 'deviceId'))!;
    await server.transaction((tx) => endSessions(tx, { deviceId }));
    const res = await syncNow(d.deps);
    expect(res).toEqual({ ok: false, code: 'unauthorized' });
    expect((await getSyncStatus(d.deps.db)).lastError).toBe('unauthorized');
    // Nothing was wiped: the person signs in again and carries on.
    expect(await readSession(d.deps)).toBeDefined();
  });

  it('a revoked device is wiped, as before', async () => {
    const d = device();
    const user = specialists()[1]!;
    await signIn(d.deps, user.username, user.password);
    const deviceId = (await getMeta(d.deps.db, 'deviceId'))!;
    await server.query('update devices set revoked_at = now() where id = $1', [deviceId]);
    expect(await syncNow(d.deps)).toEqual({ ok: false, code: 'device_revoked' });
    expect(await readSession(d.deps)).toBeNull();
    expect((await getSyncStatus(d.deps.db)).lastError).toBe('device_revoked');
  });

  it('adopts the device id the server issues when the one it had belongs to someone else', async () => {
    const [first, second] = specialists() as [Dataset['users'][number], Dataset['users'][number]];
    const owner = device('shared-device-0001');
    await signIn(owner.deps, first.username, first.password);
    const other = device('shared-device-0001');
    const res = await signIn(other.deps, second.username, second.password);
    expect(res.ok).toBe(true);
    const adopted = await getMeta(other.deps.db, 'deviceId');
    expect(adopted).not.toBe('shared-device-0001');
    // Sync works under the adopted id (push checks the session's device).
    expect(await syncNow(other.deps)).toMatchObject({ ok: true });
    expect(await syncNow(owner.deps)).toMatchObject({ ok: true });
  });

  it('sign-out ends the session on the server; offline it returns at once without ending it', async () => {
    const d = device();
    const user = specialists()[0]!;
    await signIn(d.deps, user.username, user.password);
    const session = (await readSession(d.deps))!;
    expect(await endServerSession(d.deps)).toEqual({ ended: true });
    const pulled = await fetch(`${baseUrl}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ protocolVersion: 4, cursor: null }),
    });
    expect(pulled.status).toBe(401);

    const e = device();
    await signIn(e.deps, user.username, user.password);
    e.goOffline();
    expect(await endServerSession(e.deps)).toEqual({ ended: false });
  });

  it('the worker signs out on the server first, but not while unsynced changes still need the session', async () => {
    const user = specialists()[0]!;
    const status = async (token: string) =>
      (
        await fetch(`${baseUrl}/api/sync/pull`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ protocolVersion: 4, cursor: null }),
        })
      ).status;

    const busy = device();
    await signIn(busy.deps, user.username, user.password);
    await writeChanges(busy.deps.db, plainCodec, [createChange('careGap', buildGap('gap_pending', 'pat_pending'))], {
      now: () => new Date(),
      nodeId: 'node-x',
      newId: () => 'mutation-pending',
    });
    const kept = (await readSession(busy.deps))!;
    expect(await createWorkerApi(busy.deps).signOut()).toMatchObject({ ok: false, code: 'unsynced_changes' });
    expect(await status(kept.accessToken)).toBe(200);

    const done = device();
    await signIn(done.deps, user.username, user.password);
    const ended = (await readSession(done.deps))!;
    expect(await createWorkerApi(done.deps).signOut()).toEqual({ ok: true });
    expect(await status(ended.accessToken)).toBe(401);
    expect(await readSession(done.deps)).toBeNull();
  });
});
