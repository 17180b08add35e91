import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChange } from '../domain/entities';
import type { IsoDateTime } from '../domain/ids';
import { isTransientSyncError } from '../domain/syncStatus';
import { buildGap } from '../../tests/support/builders';
import { plainCodec, type RecordCodec } from '../storage/codec';
import { openRoundsDb, type RoundsDb } from '../storage/db';
import { getSyncStatus, setMeta } from '../storage/meta';
import { writeChanges } from '../storage/writeChanges';
import { localLock, type SyncDeps } from './deps';
import { syncNow } from './syncNow';

let db: RoundsDb;
let n = 0;

beforeEach(async () => {
  db = openRoundsDb(`sync-now-${n++}`);
  await setMeta(db, 'deviceId', 'device-1');
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
  let id = 0;
  await writeChanges(db, plainCodec, [createChange('careGap', buildGap('gap_1', 'pat_1'))], {
    now: () => new Date('2026-11-22T15:00:00Z'),
    nodeId: 'device-1',
    newId: () => `m-${++id}`,
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function deps(fetch: typeof globalThis.fetch, codec: RecordCodec = plainCodec): SyncDeps {
  return { db, codec, fetch, baseUrl: '', now: () => new Date('2026-11-22T15:01:00Z'), newId: () => 'x', withSyncLock: localLock() };
}

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (code: string) => ({ error: { code, message: 'Protocol version 1 is not supported' } });

describe('syncNow always ends settled, with a closed code', () => {
  it('something that throws on the device ends in idle with device_error, and the change stays pending', async () => {
    const broken: RecordCodec = { ...plainCodec, open: async () => Promise.reject(new TypeError('cannot open')) };
    const res = await syncNow(deps(answer(200, {}), broken));
    expect(res).toEqual({ ok: false, code: 'device_error' });
    expect(await getSyncStatus(db)).toMatchObject({ phase: 'idle', lastError: 'device_error' });
    expect(await db.outbox.count()).toBe(1);
    expect(isTransientSyncError('device_error')).toBe(true);
  });

  it.each([
    // The server's own code decides, never the wording of its message.
    ['unsupported_protocol', 400, error('unsupported_protocol'), 'app_outdated', false],
    ['a request the server refuses', 400, { error: { code: 'bad_request', message: 'mutations.0.hlc: protocol says no' } }, 'request_refused', false],
    ['too large', 413, error('payload_too_large'), 'request_refused', false],
    ['rate limited', 429, error('bad_request'), 'server_error', true],
    ['server down', 503, error('internal'), 'server_error', true],
    ['session over', 401, error('unauthorized'), 'unauthorized', false],
  ] as const)('%s: the server code reaches the screen as one of ours', async (_what, status, body, code, transient) => {
    const res = await syncNow(deps(answer(status, body)));
    expect(res).toEqual({ ok: false, code });
    expect(await getSyncStatus(db)).toMatchObject({ phase: 'idle', lastError: code });
    expect(isTransientSyncError(code)).toBe(transient);
  });
});
