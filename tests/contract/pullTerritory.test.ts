/**
 * The client's sign-in and territory download (real Dexie on fake-indexeddb, the real sync
 * code) against the real server (Fastify on embedded PostgreSQL) over real HTTP on loopback.
 * Faults are injected in the fetch the client is given: the server itself is never faked.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/ids';
import { plainCodec } from '../../src/storage/codec';
import type { CommandDeps } from '../../src/storage/commands/commandDeps';
import { updateRecord } from '../../src/storage/commands/records';
import { openRoundsDb, type RoundsDb } from '../../src/storage/db';
import { getMeta, getSyncStatus } from '../../src/storage/meta';
import { localLock, type SyncDeps } from '../../src/sync/deps';
import { pullTerritory } from '../../src/sync/pullTerritory';
import { signIn } from '../../src/sync/signIn';
import { syncNow } from '../../src/sync/syncNow';
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
let local: RoundsDb;
let n = 0;

beforeAll(async () => {
  server = await openPglite({});
  await migrate(server);
  dataset = generateDataset({ seed: 11, today: '2026-11-22' as IsoDate, patientsPerTerritory: [60, 25, 25] });
  await loadDataset(server, dataset);
  app = await buildApp({ db: server, version: 'test', demoMode: true });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});
afterEach(async () => {
  local.close();
  await Dexie.delete(local.name);
});

function deps(fetchImpl: typeof fetch = fetch): SyncDeps {
  local = openRoundsDb(`contract-${n++}`);
  return {
    db: local,
    codec: plainCodec,
    fetch: fetchImpl,
    baseUrl,
    now: () => new Date(),
    newId: () => `device-${n}-abcdef`,
    withSyncLock: localLock(),
  };
}

function specialist(territoryId: string) {
  const user = dataset.users.find((u) => u.role === 'specialist' && u.territoryIds.includes(territoryId as never));
  if (!user) throw new Error(`no specialist for ${territoryId}`);
  const patientIds = new Set(dataset.patients.filter((p) => p.territoryId === territoryId).map((p) => p.id as string));
  return {
    user,
    patientIds,
    gapIds: dataset.careGaps.filter((g) => patientIds.has(g.patientId)).map((g) => g.id as string),
    appointmentIds: dataset.appointments.filter((a) => patientIds.has(a.patientId)).map((a) => a.id as string),
  };
}

async function localIds(db: RoundsDb) {
  const keys = async (t: Dexie.Table) => ((await t.toCollection().primaryKeys()) as string[]).sort();
  return {
    patients: await keys(db.patients),
    careGaps: await keys(db.careGaps),
    appointments: await keys(db.appointments),
    facilities: await keys(db.facilities),
  };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

function commandDeps(d: SyncDeps): CommandDeps {
  return { db: d.db, codec: d.codec, now: d.now, newId: () => crypto.randomUUID(), nodeId: 'contract-node', today: () => '2026-11-22' as IsoDate };
}

/** The office (a supervisor) over HTTP, as its own tools would call the server. */
async function officeSession(username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId: 'office-desk-0001' }),
  });
  const { accessToken: token } = (await res.json()) as { accessToken: string };
  return {
    async move(patientId: string, territoryId: string): Promise<number> {
      const moved = await fetch(`${baseUrl}/api/office/patients/${patientId}/territory`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ territoryId }),
      });
      return moved.status;
    },
  };
}

describe('sign-in and territory download against the real server', () => {
  it('downloads exactly the specialist territory, page by page, and records a confirmed sync', async () => {
    const d = deps();
    const north = specialist('ter_north');
    expect((await signIn(d, north.user.username, north.user.password)).ok).toBe(true);
    const pulled = await pullTerritory(d, { pageSize: 17 });
    expect(pulled.ok).toBe(true);

    const ids = await localIds(d.db);
    expect(ids.patients).toEqual(sorted(north.patientIds));
    expect(ids.careGaps).toEqual(sorted(north.gapIds));
    expect(ids.appointments).toEqual(sorted(north.appointmentIds));
    expect(ids.facilities).toEqual(sorted(dataset.facilities.map((f) => f.id)));
    const status = await getSyncStatus(d.db);
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.lastError).toBeNull();
  });

  it('a wrong password stores nothing on the device', async () => {
    const d = deps();
    const res = await signIn(d, 'maria', 'wrong');
    expect(res).toEqual({ ok: false, code: 'wrong_credentials' });
    expect(await getMeta(d.db, 'session')).toBeUndefined();
  });

  it('a download cut off by lost signal resumes where it stopped and ends complete', async () => {
    let calls = 0;
    // The third pull request never reaches the server.
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/sync/pull') && ++calls === 3) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const d = deps(flaky);
    const north = specialist('ter_north');
    await signIn(d, north.user.username, north.user.password);
    const first = await pullTerritory(d, { pageSize: 20 });
    expect(first).toEqual({ ok: false, code: 'offline' });
    const status = await getSyncStatus(d.db);
    expect(status.lastError).toBe('offline');
    expect(status.lastSuccessAt).toBeNull();
    const partial = (await localIds(d.db)).patients.length;
    expect(partial).toBeGreaterThan(0);

    expect((await pullTerritory(d, { pageSize: 20 })).ok).toBe(true);
    expect((await localIds(d.db)).patients).toEqual(sorted(north.patientIds));
    expect((await getSyncStatus(d.db)).lastError).toBeNull();
  });

  it('a response lost after the server answered leaves the cursor where it was; the retry completes', async () => {
    let calls = 0;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).endsWith('/api/sync/pull') && ++calls === 2) {
        await res.arrayBuffer();
        throw new TypeError('network connection was lost');
      }
      return res;
    };
    const d = deps(lossy);
    const north = specialist('ter_north');
    await signIn(d, north.user.username, north.user.password);
    await pullTerritory(d, { pageSize: 25 });
    const cursorAfterFailure = await getMeta(d.db, 'pullCursor');
    expect((await pullTerritory(d, { pageSize: 25 })).ok).toBe(true);
    expect(await getMeta(d.db, 'pullCursor')).not.toBe(cursorAfterFailure);
    const ids = await localIds(d.db);
    expect(ids.patients).toEqual(sorted(north.patientIds));
    expect(ids.careGaps).toEqual(sorted(north.gapIds));
  });

  it('when another person signs in on the same device, the previous territory is removed first', async () => {
    const d = deps();
    const north = specialist('ter_north');
    const central = specialist('ter_central');
    await signIn(d, north.user.username, north.user.password);
    await pullTerritory(d);
    await signIn(d, central.user.username, central.user.password);
    expect((await localIds(d.db)).patients).toEqual([]);
    await pullTerritory(d);
    expect((await localIds(d.db)).patients).toEqual(sorted(central.patientIds));
  });

  it('[S16] a territory reassigned on the server reaches the device: the new patients arrive, the old ones leave', async () => {
    const d = deps();
    const central = specialist('ter_central');
    const north = specialist('ter_north');
    await signIn(d, central.user.username, central.user.password);
    await pullTerritory(d);
    expect((await localIds(d.db)).patients).toEqual(sorted(central.patientIds));
    await server.query('update user_territories set territory_id = $1 where user_id = $2', ['ter_north', central.user.id]);
    try {
      expect((await syncNow(d)).ok).toBe(true);
      expect((await localIds(d.db)).patients).toEqual(sorted(north.patientIds));
      expect((await localIds(d.db)).careGaps).toEqual(sorted(north.gapIds));
    } finally {
      await server.query('update user_territories set territory_id = $1 where user_id = $2', ['ter_central', central.user.id]);
    }
  });

  it('[S16] a patient moved to another territory leaves the device only after its pending change is pushed', async () => {
    const d = deps();
    const north = specialist('ter_north');
    const central = specialist('ter_central');
    await signIn(d, north.user.username, north.user.password);
    await pullTerritory(d);
    const [moving, staying] = sorted(north.patientIds) as [string, string];
    const edit = await updateRecord(commandDeps(d), 'patient', moving, { accessNotes: 'Dog in the yard' });
    expect(edit).toMatchObject({ ok: true, changed: true });

    const supervisor = dataset.users.find((u) => u.role === 'supervisor')!;
    const office = await officeSession(supervisor.username, supervisor.password);
    try {
      expect(await office.move(moving, 'ter_central')).toBe(200);
      // A pull without a push (the upload failing) keeps the patient: its change still waits.
      const pushFails: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/api/sync/push')) throw new TypeError('Failed to fetch');
        return fetch(input, init);
      };
      expect((await pullTerritory({ ...d, fetch: pushFails })).ok).toBe(true);
      expect((await localIds(d.db)).patients).toContain(moving);
      expect(await d.db.contactPoints.where('patientId').equals(moving).count()).toBeGreaterThan(0);

      // A full sync pushes the change (made before the move, so kept), then evicts.
      expect(await syncNow(d)).toMatchObject({ ok: true, sent: 1, rejected: 0 });
      const ids = await localIds(d.db);
      expect(ids.patients).not.toContain(moving);
      expect(ids.patients).toContain(staying);
      expect(ids.careGaps.filter((id) => dataset.careGaps.find((g) => g.id === id)?.patientId === moving)).toEqual([]);
      expect(await d.db.contactPoints.where('patientId').equals(moving).count()).toBe(0);
      expect(await getMeta(d.db, 'leavingPatients')).toEqual([]);

      // The covering colleague's device receives the patient with the change and its records.
      const c = deps();
      await signIn(c, central.user.username, central.user.password);
      await pullTerritory(c);
      const arrived = await c.db.patients.get(moving);
      expect(await plainCodec.open(arrived!.body)).toMatchObject({ territoryId: 'ter_central', accessNotes: 'Dog in the yard' });
      const gaps = dataset.careGaps.filter((g) => g.patientId === moving).map((g) => g.id as string);
      expect((await localIds(c.db)).careGaps).toEqual(expect.arrayContaining(gaps));
      c.db.close();
      await Dexie.delete(c.db.name);

      // Moved back, it returns to the first device with everything it owns.
      expect(await office.move(moving, 'ter_north')).toBe(200);
      expect((await syncNow(d)).ok).toBe(true);
      expect((await localIds(d.db)).patients).toContain(moving);
      expect((await localIds(d.db)).careGaps).toEqual(expect.arrayContaining(gaps));
    } finally {
      await office.move(moving, 'ter_north');
    }
  });

  it('a revoked device is wiped at its next sync and says why', async () => {
    const d = deps();
    const north = specialist('ter_north');
    await signIn(d, north.user.username, north.user.password);
    await pullTerritory(d);
    const deviceId = await getMeta(d.db, 'deviceId');
    await server.query('update devices set revoked_at = now() where id = $1', [deviceId]);
    expect(await syncNow(d)).toEqual({ ok: false, code: 'device_revoked' });
    expect((await localIds(d.db)).patients).toEqual([]);
    expect(await getMeta(d.db, 'session')).toBeUndefined();
    expect((await getSyncStatus(d.db)).lastError).toBe('device_revoked');
    expect(await signIn(deps(), north.user.username, north.user.password)).toMatchObject({ ok: true });
  });
});
