/**
 * Background sync on an encrypted device (docs/SECURITY.md, "Background sync"), with the real
 * sync code on a real Dexie database (fake-indexeddb) against the real server over loopback.
 * The app's worker (the data key in memory) writes a change; the service worker, which never
 * has the key, sends it sealed to the server's key with the push token; the server opens it
 * and applies it through the same audited write path as any push. What the service worker
 * cannot send (a row from before the device had the server's key, a token that stopped
 * working, a sealed body moved to another row) stays in the outbox for the app, and nothing
 * on the server changes.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../src/domain/patient';
import { syncInBackground } from '../../src/serviceWorker/syncInBackground';
import { updateRecord } from '../../src/storage/commands/records';
import type { RecordCodec } from '../../src/storage/codec';
import { createAesGcmCodec } from '../../src/storage/crypto/aesGcmCodec';
import { getMeta, setMeta } from '../../src/storage/meta';
import { readSession, writeSession } from '../../src/storage/session';
import { keylessCodec } from '../../src/sync/browserDeps';
import { pushSealKeyOf } from '../../server/src/auth/pushSealKey';
import { ModelClient } from '../support/sync/modelClient';
import { startModelServer, type ModelServer } from '../support/sync/modelServer';

let server: ModelServer;
let van: ModelClient;
let office: ModelClient;
let dataKey: CryptoKey;
let pushToken: string;
let idCounter = 0;
const clock = { now: () => new Date() };
const ids = () => `sp-${++idCounter}-${crypto.randomUUID()}`;

/** The app's worker: the data key in memory. */
const appCodec = (): RecordCodec => createAesGcmCodec(() => dataKey);
const app = () => ({ ...van.commandDeps(), codec: appCodec() });
/** The service worker: the same database, no key. */
const serviceWorker = () => ({ ...van.syncDeps(), codec: keylessCodec() });

async function serverValue(patientId: string): Promise<string | null> {
  const [row] = await server.db.query<{ value: string | null }>("select data->>'bestTimeToCall' as value from patients where id = $1", [
    patientId,
  ]);
  return row?.value ?? null;
}

async function patientIds(n: number): Promise<string[]> {
  return (await van.db.patients.limit(n).toArray()).map((p) => p.id);
}

beforeAll(async () => {
  server = await startModelServer();
  dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  van = new ModelClient('sp-van', 'device-sp-van-0001', server.url, clock, ids);
  const session = await server.session(0, van.deviceId);
  pushToken = session.pushToken;
  await van.signIn(session.token, session.user);
  office = new ModelClient('sp-office', 'device-sp-office-0001', server.url, clock, ids);
  const officeSession = await server.session(1, office.deviceId);
  await office.signIn(officeSession.token, officeSession.user);
  await expect(office.sync('none')).resolves.toMatchObject({ ok: true });
  // The download, then the session sealed as the app keeps it: without the key, nothing of
  // it can be read.
  await expect(van.sync('none')).resolves.toMatchObject({ ok: true });
  const plain = await readSession(van.syncDeps());
  if (!plain) throw new Error('no session');
  await writeSession({ db: van.db, codec: appCodec() }, plain);
});
afterAll(async () => {
  await van?.destroy();
  await office?.destroy();
  await server?.close();
});

describe('background sync without the data key', () => {
  it('a row written before the device had the server key stays for the app; the service worker sends nothing', async () => {
    const [id] = await patientIds(1);
    if (!id) throw new Error('empty territory');
    await expect(updateRecord(app(), 'patient', id, { bestTimeToCall: 'Before the sealed push existed' })).resolves.toMatchObject({ ok: true });
    const [row] = await van.db.outbox.toArray();
    expect(row?.sealedForServer).toBeUndefined();
    // No push token either (a device signed in before this version): the event ends, no retry.
    await expect(syncInBackground(serviceWorker())).resolves.toEqual({ ok: false, code: 'signed_out' });
    expect(await van.db.outbox.count()).toBe(1);
    // The app, unlocked, sends it itself.
    await expect(syncInBackground({ ...van.syncDeps(), codec: appCodec() })).resolves.toMatchObject({ ok: true, sent: 1 });
    expect(await serverValue(id)).toBe('Before the sealed push existed');
  });

  it('with the push token and the server key, the service worker sends what the app wrote, and the server records it as background sync', async () => {
    const key = await pushSealKeyOf(server.db);
    await setMeta(van.db, 'backgroundPush', { token: pushToken, sealKey: key.publicKey });
    const [a, b] = await patientIds(2);
    if (!a || !b) throw new Error('territory too small');
    await updateRecord(app(), 'patient', a, { bestTimeToCall: 'Mornings, sent from the van at night' });
    await updateRecord(app(), 'patient', b, { bestTimeToCall: 'Evenings, sent from the van at night' });
    const rows = await van.db.outbox.toArray();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.sealedForServer).toMatch(/^[A-Za-z0-9_-]+$/);
      // Nothing the person typed is in clear in the row.
      expect(JSON.stringify(row)).not.toContain('sent from the van');
    }

    await expect(syncInBackground(serviceWorker())).resolves.toEqual({ ok: true, sent: 2, rejected: 0, received: 0 });
    expect(await van.db.outbox.count()).toBe(0);
    expect(await serverValue(a)).toBe('Mornings, sent from the van at night');
    expect(await serverValue(b)).toBe('Evenings, sent from the van at night');

    const audit = await server.db.query<{ userId: string; deviceId: string; source: string | null; after: unknown }>(
      `select user_id as "userId", device_id as "deviceId", detail->>'source' as source, changes->0->'after' as after
         from audit_events where action = 'update' and patient_id = $1 order by id desc limit 1`,
      [a],
    );
    expect(audit[0]).toEqual({ userId: (await readSession({ db: van.db, codec: appCodec() }))?.user.id, deviceId: van.deviceId, source: 'background_sync', after: 'Mornings, sent from the van at night' });

    // The office sees it like any change; the app pulls it at its next unlock.
    await expect(office.sync('none')).resolves.toMatchObject({ ok: true });
    const officeRow = await office.db.patients.get(a);
    expect((officeRow?.body as Patient | undefined)?.bestTimeToCall).toBe('Mornings, sent from the van at night');
  });

  it('a sealed body moved to another row does not open: the batch is refused whole and nothing changes', async () => {
    const [a, b] = await patientIds(2);
    if (!a || !b) throw new Error('territory too small');
    await updateRecord(app(), 'patient', a, { bestTimeToCall: 'Swapped A' });
    await updateRecord(app(), 'patient', b, { bestTimeToCall: 'Swapped B' });
    const [first, second] = await van.db.outbox.orderBy('seq').toArray();
    if (!first?.seq || !second?.seq) throw new Error('two rows expected');
    await van.db.outbox.update(first.seq, { sealedForServer: second.sealedForServer });
    await van.db.outbox.update(second.seq, { sealedForServer: first.sealedForServer });
    const auditBefore = await server.db.query<{ n: number }>('select count(*)::int as n from audit_events');

    // Not a failure that passes: the browser is not asked to retry; the app sends them.
    await expect(syncInBackground(serviceWorker())).resolves.toEqual({ ok: false, code: 'signed_out' });
    expect(await van.db.outbox.count()).toBe(2);
    expect(await serverValue(a)).toBe('Mornings, sent from the van at night');
    expect(await server.db.query<{ n: number }>('select count(*)::int as n from audit_events')).toEqual(auditBefore);

    await expect(syncInBackground({ ...van.syncDeps(), codec: appCodec() })).resolves.toMatchObject({ ok: true, sent: 2 });
    expect([await serverValue(a), await serverValue(b)]).toEqual(['Swapped A', 'Swapped B']);
  });

  it('the push token opens nothing else, and the access token does not push sealed', async () => {
    const session = await readSession({ db: van.db, codec: appCodec() });
    const call = (path: string, token: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ protocolVersion: 4, cursor: null }) });
    expect((await call('/api/sync/pull', pushToken)).status).toBe(401);
    expect((await call('/api/sync/push-sealed', session?.accessToken ?? '')).status).toBe(401);
  });

  it('a token whose session ended: the change waits for the app and the event ends without retry', async () => {
    const [a] = await patientIds(1);
    if (!a) throw new Error('empty territory');
    await updateRecord(app(), 'patient', a, { bestTimeToCall: 'After the session ended' });
    await server.db.query("update sessions set ended_at = now(), ended_reason = 'signed_out' where device_id = $1", [van.deviceId]);
    await expect(syncInBackground(serviceWorker())).resolves.toEqual({ ok: false, code: 'signed_out' });
    expect(await van.db.outbox.count()).toBe(1);
    expect(await serverValue(a)).not.toBe('After the session ended');
  });

  it('a revoked device is told so through the push token, and wiped', async () => {
    await server.db.query('update devices set revoked_at = now() where id = $1', [van.deviceId]);
    await expect(syncInBackground(serviceWorker())).resolves.toEqual({ ok: false, code: 'device_revoked' });
    expect(await van.db.patients.count()).toBe(0);
    expect(await van.db.outbox.count()).toBe(0);
    expect(await getMeta(van.db, 'backgroundPush')).toBeUndefined();
  });
});
