import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDateTime } from '../domain/ids';
import { plainCodec } from '../storage/codec';
import { openRoundsDb, type RoundsDb } from '../storage/db';
import { getSyncStatus, setMeta } from '../storage/meta';
import { localLock, type SyncDeps } from '../sync/deps';
import type { SyncResult } from '../sync/syncNow';
import { retryLater, RetryLater, syncInBackground } from './syncInBackground';

let db: RoundsDb | null = null;
let n = 0;

afterEach(async () => {
  if (!db) return;
  db.close();
  await Dexie.delete(db.name);
  db = null;
});

function device(fetchImpl: typeof fetch): SyncDeps {
  const opened = openRoundsDb(`background-sync-${n++}`);
  db = opened;
  return {
    db: opened,
    codec: plainCodec,
    fetch: fetchImpl,
    baseUrl: 'http://127.0.0.1:9',
    now: () => new Date('2026-11-22T15:00:00Z'),
    newId: () => crypto.randomUUID(),
    withSyncLock: localLock(),
  };
}

async function signedIn(deps: SyncDeps) {
  await setMeta(deps.db, 'deviceId', 'device-background-1');
  await setMeta(deps.db, 'session', {
    accessToken: 'token-1',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [],
    signedInAt: '2026-11-22T08:00:00.000Z' as IsoDateTime,
  });
}

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('[S20] the service worker answers the browser: try again later, or done', () => {
  const rows: [SyncResult, boolean][] = [
    [{ ok: true, sent: 3, rejected: 0, received: 12 }, false],
    [{ ok: false, code: 'offline' }, true],
    [{ ok: false, code: 'server_error' }, true],
    [{ ok: false, code: 'bad_response' }, true],
    [{ ok: false, code: 'signed_out' }, false],
    [{ ok: false, code: 'unauthorized' }, false],
    [{ ok: false, code: 'device_revoked' }, false],
    [{ ok: false, code: 'app_outdated' }, false],
    [{ ok: false, code: 'storage_full' }, false],
  ];
  it.each(rows)('%o: retry later %s', (result, retry) => {
    expect(retryLater(result)).toBe(retry);
  });
});

describe('[S20] background sync with the real sync code on a real (in-memory) IndexedDB', () => {
  it('no one signed in: the event ends without touching the network', async () => {
    let requests = 0;
    const deps = device((input, init) => {
      requests += 1;
      return offline(input, init);
    });
    await expect(syncInBackground(deps)).resolves.toEqual({ ok: false, code: 'signed_out' });
    expect(requests).toBe(0);
  });

  it('the network is still down: the event fails so the browser tries again, and the person sees why', async () => {
    const deps = device(offline);
    await signedIn(deps);
    const run = syncInBackground(deps);
    await expect(run).rejects.toBeInstanceOf(RetryLater);
    await expect(run).rejects.toMatchObject({ code: 'offline' });
    expect((await getSyncStatus(deps.db)).lastError).toBe('offline');
  });
});
