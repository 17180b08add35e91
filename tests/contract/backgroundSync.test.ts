/**
 * The service worker's background sync (S20) with the real sync code on a real Dexie database
 * (fake-indexeddb) against the real server (Fastify on embedded PostgreSQL) over loopback: a
 * change made offline is delivered when the event fires again, a failure that passes asks the
 * browser to retry, a revoked device ends the event after the wipe.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../src/domain/patient';
import { updateRecord } from '../../src/storage/commands/records';
import { RetryLater, syncInBackground } from '../../src/serviceWorker/syncInBackground';
import { ModelClient } from '../support/sync/modelClient';
import { startModelServer, type ModelServer } from '../support/sync/modelServer';

let server: ModelServer;
let van: ModelClient;
let office: ModelClient;
let idCounter = 0;
const clock = { now: () => new Date() };
const ids = () => `bg-${++idCounter}-${crypto.randomUUID()}`;

async function device(name: string, userIndex: number): Promise<ModelClient> {
  const client = new ModelClient(name, `device-${name}-0001`, server.url, clock, ids);
  const { token, user } = await server.session(userIndex, client.deviceId);
  await client.signIn(token, user);
  return client;
}

beforeAll(async () => {
  server = await startModelServer();
  van = await device('bg-van', 0);
  office = await device('bg-office', 1);
});
afterAll(async () => {
  await van?.destroy();
  await office?.destroy();
  await server?.close();
});

async function bestTimeToCall(client: ModelClient, patientId: string): Promise<string | null> {
  const row = await client.db.patients.get(patientId);
  if (!row) throw new Error(`${client.name} has no patient ${patientId}`);
  return (await client.syncDeps().codec.open<Patient>(row.body)).bestTimeToCall;
}

describe('[S20] background sync in the service worker', () => {
  it('the first event downloads the territory, like any sync', async () => {
    await expect(syncInBackground(van.syncDeps())).resolves.toMatchObject({ ok: true });
    await expect(syncInBackground(office.syncDeps())).resolves.toMatchObject({ ok: true });
    expect(await van.db.patients.count()).toBeGreaterThan(0);
  });

  it('offline, the event fails so that the browser tries again, and the change stays pending', async () => {
    const patient = await van.db.patients.toCollection().first();
    if (!patient) throw new Error('empty territory');
    await expect(updateRecord(van.commandDeps(), 'patient', patient.id, { bestTimeToCall: 'After 4 pm, from the van' })).resolves.toEqual({ ok: true, changed: true });
    van.offline = true;
    const run = syncInBackground(van.syncDeps());
    await expect(run).rejects.toBeInstanceOf(RetryLater);
    await expect(run).rejects.toMatchObject({ code: 'offline' });
    expect(await van.db.outbox.count()).toBe(1);
  });

  it('when the browser fires it again with the network back, the change reaches the server and everyone', async () => {
    van.offline = false;
    await expect(syncInBackground(van.syncDeps())).resolves.toMatchObject({ ok: true, sent: 1, rejected: 0 });
    expect(await van.db.outbox.count()).toBe(0);

    await server.settle();
    await expect(syncInBackground(office.syncDeps())).resolves.toMatchObject({ ok: true });
    const patient = await van.db.patients.toCollection().first();
    await expect(bestTimeToCall(office, patient?.id ?? '')).resolves.toBe('After 4 pm, from the van');
  });

  it('a revoked device: the event ends (no retry) after the device was wiped', async () => {
    await server.db.query('update devices set revoked_at = now() where id = $1', [van.deviceId]);
    await expect(syncInBackground(van.syncDeps())).resolves.toEqual({ ok: false, code: 'device_revoked' });
    expect(await van.db.patients.count()).toBe(0);
  });
});
