/**
 * [S21] What the real sync code reports with each request, as the server records it and the
 * office reads it: a van whose clock runs 90 seconds behind writes changes, syncs (push, then
 * pull), and later sends more from the service worker (sealed push). The real client on a
 * real Dexie database (fake-indexeddb), the real server over loopback.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncInBackground } from '../../src/serviceWorker/syncInBackground';
import { updateRecord } from '../../src/storage/commands/records';
import { createAesGcmCodec } from '../../src/storage/crypto/aesGcmCodec';
import { setMeta } from '../../src/storage/meta';
import { readSession, writeSession } from '../../src/storage/session';
import { keylessCodec } from '../../src/sync/browserDeps';
import { pushSealKeyOf } from '../../server/src/auth/pushSealKey';
import { syncFreshness } from '../../server/src/office/syncFreshness';
import { ModelClient } from '../support/sync/modelClient';
import { startModelServer, type ModelServer } from '../support/sync/modelServer';

const VAN_BEHIND_MS = 90_000;
const clock = { now: () => new Date(Date.now() - VAN_BEHIND_MS) };
let idCounter = 0;
const ids = () => `se-${++idCounter}-${crypto.randomUUID()}`;

let server: ModelServer;
let van: ModelClient;
let session: Awaited<ReturnType<ModelServer['session']>>;

interface EventRow {
  readonly kind: string;
  readonly pending: number | null;
  readonly changes: number;
  readonly skewMs: number | null;
  readonly at: Date;
}

/** The van's events since `since` (server clock), oldest first. */
async function eventsSince(since: Date): Promise<EventRow[]> {
  const rows = await server.db.query<{ kind: string; pending: number | null; changes: number; at: Date; deviceClock: Date | null }>(
    `select kind, pending_reported as pending, changes, at, device_clock as "deviceClock"
       from sync_events where device_id = $1 and at >= $2 order by id`,
    [van.deviceId, since],
  );
  return rows.map(({ deviceClock, ...r }) => ({ ...r, skewMs: deviceClock === null ? null : deviceClock.getTime() - r.at.getTime() }));
}

async function patientIds(n: number): Promise<string[]> {
  return (await van.db.patients.limit(n).toArray()).map((p) => p.id);
}

beforeAll(async () => {
  server = await startModelServer();
  van = new ModelClient('se-van', 'device-se-van-0001', server.url, clock, ids);
  session = await server.session(0, van.deviceId);
  await van.signIn(session.token, session.user);
  await expect(van.sync('none')).resolves.toMatchObject({ ok: true });
});
afterAll(async () => {
  await van?.destroy();
  await server?.close();
});

it('[S21] the app reports its unsent changes and its clock; the office reads the times from the server clock', async () => {
  const [a, b, c] = await patientIds(3);
  if (!a || !b || !c) throw new Error('territory too small');
  for (const [id, when] of [[a, 'Mornings'], [b, 'Noon'], [c, 'Evenings']] as const) {
    await expect(updateRecord(van.commandDeps(), 'patient', id, { bestTimeToCall: when })).resolves.toMatchObject({ ok: true });
  }
  const since = new Date();
  await expect(van.sync('none')).resolves.toMatchObject({ ok: true });
  const until = new Date();

  const events = await eventsSince(since);
  // The push carried the three changes and said three were waiting; the pull came after, with none.
  expect(events.map(({ kind, pending, changes }) => ({ kind, pending, changes }))).toEqual([
    { kind: 'push', pending: 3, changes: 3 },
    { kind: 'pull', pending: 0, changes: expect.any(Number) as number },
  ]);
  for (const e of events) {
    expect(e.at.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expect(e.at.getTime()).toBeLessThanOrEqual(until.getTime());
    // 90 s behind, give or take the time the request took.
    expect(e.skewMs).toBeGreaterThan(-VAN_BEHIND_MS - 5_000);
    expect(e.skewMs).toBeLessThanOrEqual(-VAN_BEHIND_MS + 5_000);
  }

  const [person] = await syncFreshness(server.db, { orgId: server.dataset.org.id, userIds: [session.user.id] });
  expect(person).toMatchObject({
    userId: session.user.id,
    lastPushAt: events[0]!.at,
    lastPullAt: events[1]!.at,
    latest: { kind: 'pull', deviceId: van.deviceId, pendingReported: 0 },
  });
  expect(person?.latest?.clockSkew).toBeGreaterThanOrEqual(-95);
  expect(person?.latest?.clockSkew).toBeLessThanOrEqual(-85);
});

it('[S21] the service worker\'s sealed push reports the same, and counts as the latest push', async () => {
  // The app locked: its session and changes sealed with the data key, which the service worker never has.
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const app = { ...van.commandDeps(), codec: createAesGcmCodec(() => dataKey) };
  const plain = await readSession(van.syncDeps());
  if (!plain) throw new Error('no session');
  await writeSession(app, plain);
  const key = await pushSealKeyOf(server.db);
  await setMeta(van.db, 'backgroundPush', { token: session.pushToken, sealKey: key.publicKey });
  const [a, b] = await patientIds(2);
  if (!a || !b) throw new Error('territory too small');
  await expect(updateRecord(app, 'patient', a, { bestTimeToCall: 'Weekends, sent at night' })).resolves.toMatchObject({ ok: true });
  await expect(updateRecord(app, 'patient', b, { bestTimeToCall: 'Fridays, sent at night' })).resolves.toMatchObject({ ok: true });
  const since = new Date();
  await expect(syncInBackground({ ...van.syncDeps(), codec: keylessCodec() })).resolves.toMatchObject({ ok: true, sent: 2 });

  const events = await eventsSince(since);
  expect(events.map(({ kind, pending, changes }) => ({ kind, pending, changes }))).toEqual([{ kind: 'sealed_push', pending: 2, changes: 2 }]);
  const [person] = await syncFreshness(server.db, { orgId: server.dataset.org.id, userIds: [session.user.id] });
  expect(person?.lastPushAt).toEqual(events[0]!.at);
  expect(person?.latest).toMatchObject({ kind: 'sealed_push', pendingReported: 2 });
  expect(person?.latest?.clockSkew).toBeGreaterThanOrEqual(-95);
  expect(person?.latest?.clockSkew).toBeLessThanOrEqual(-85);
});
