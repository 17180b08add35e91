/**
 * One device in a sync model test: a real Dexie database (fake-indexeddb), the real storage
 * commands and sync code, and a fetch that can be told to fail in the ways networks do.
 * "Killing" the device closes its database mid-sync and opens it again, as a tab kill would.
 * A "delayed" request is held back (the device sees it time out) and reaches the server only
 * when the test releases it, after whatever the device did meanwhile; its answer goes nowhere.
 * `beforePull` lets people act while a sync runs, between its push and its pull: the person
 * keeps typing (the UI never waits for sync) and other devices sync meanwhile.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { IsoDate, IsoDateTime } from '../../../src/domain/ids';
import type { EntityRecord } from '../../../src/protocol/entities';
import { plainCodec } from '../../../src/storage/codec';
import type { CommandDeps } from '../../../src/storage/commands/commandDeps';
import { openRoundsDb, type RoundsDb } from '../../../src/storage/db';
import { setMeta } from '../../../src/storage/meta';
import { localLock, type SyncDeps } from '../../../src/sync/deps';
import { syncNow, type SyncResult } from '../../../src/sync/syncNow';

/** What happens to the n-th request of a sync. */
export type Fault = 'none' | 'drop' | 'lose' | 'duplicate' | 'kill' | 'delay';

export interface Clock {
  now(): Date;
}

function requestUrl(input: Parameters<typeof fetch>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

export class ModelClient {
  db: RoundsDb;
  offline = false;
  /** Runs once, just before the next pull request leaves (that is, after the sync's push). */
  beforePull: (() => Promise<void>) | undefined;
  private fault: Fault = 'none';
  private requests = 0;
  private nth = -1;
  /** Requests the network is holding back, oldest first. */
  private readonly held: { input: Parameters<typeof fetch>[0]; init: RequestInit | undefined }[] = [];

  constructor(
    readonly name: string,
    readonly deviceId: string,
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly ids: () => string,
    /** Sees every pull page that reaches the device. */
    private readonly onPulled: (records: readonly EntityRecord[]) => void = () => undefined,
  ) {
    this.db = openRoundsDb(name);
  }

  private readonly fetchImpl: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError('offline');
    const hook = this.beforePull;
    if (hook && requestUrl(input).endsWith('/api/sync/pull')) {
      this.beforePull = undefined;
      await hook();
    }
    const n = ++this.requests;
    const hit = n === this.nth ? this.fault : 'none';
    if (hit === 'drop') throw new TypeError('request dropped');
    if (hit === 'delay') {
      this.held.push({ input, init });
      throw new TypeError('request timed out');
    }
    if (hit === 'kill') {
      // The tab dies while this request is in flight; the server may or may not get it.
      void fetch(input, init).catch(() => undefined);
      this.reopen();
      throw new TypeError('tab killed');
    }
    const res = await fetch(input, init);
    if (hit === 'lose') {
      await res.arrayBuffer();
      throw new TypeError('response lost');
    }
    if (hit === 'duplicate') {
      await res.arrayBuffer();
      return this.observe(await fetch(input, init));
    }
    return this.observe(res);
  };

  private async observe(res: Response): Promise<Response> {
    if (!res.url.endsWith('/api/sync/pull') || !res.ok) return res;
    const text = await res.text();
    this.onPulled((JSON.parse(text) as { records: EntityRecord[] }).records);
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  }

  /** How many requests the network is holding back. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Delivers the oldest held-back request to the server; nobody is listening for the answer. */
  async releaseHeld(): Promise<void> {
    const request = this.held.shift();
    if (!request) return;
    const res = await fetch(request.input, request.init);
    await res.arrayBuffer();
  }

  private reopen() {
    this.db.close();
    this.db = openRoundsDb(this.name);
  }

  syncDeps(): SyncDeps {
    return {
      db: this.db,
      codec: plainCodec,
      fetch: this.fetchImpl,
      baseUrl: this.baseUrl,
      now: () => this.clock.now(),
      newId: this.ids,
      withSyncLock: localLock(),
    };
  }

  commandDeps(): CommandDeps {
    return {
      db: this.db,
      codec: plainCodec,
      now: () => this.clock.now(),
      newId: this.ids,
      nodeId: this.deviceId,
      today: () => '2026-11-22' as IsoDate,
    };
  }

  async signIn(token: string, user: { id: string; name: string; username: string }, refreshToken = 'none') {
    await setMeta(this.db, 'deviceId', this.deviceId);
    await setMeta(this.db, 'session', {
      accessToken: token,
      refreshToken,
      accessExpiresAt: new Date(this.clock.now().getTime() + 15 * 60 * 1000).toISOString(),
      lockAfterMinutes: 5,
      user: { id: user.id, name: user.name, role: 'specialist', username: user.username },
      territories: [],
      signedInAt: this.clock.now().toISOString() as IsoDateTime,
    });
  }

  /** One sync; `fault` hits its `nth` request (1 is the first push, or the first pull). */
  async sync(fault: Fault, nth = 1): Promise<SyncResult | 'killed'> {
    this.fault = fault;
    this.requests = 0;
    this.nth = nth;
    const db = this.db;
    try {
      const res = await syncNow(this.syncDeps());
      return db === this.db ? res : 'killed';
    } catch (e) {
      // A killed tab's pending IndexedDB work fails with the database closed.
      if (db !== this.db) return 'killed';
      throw e;
    } finally {
      this.fault = 'none';
    }
  }

  async destroy() {
    this.db.close();
    await Dexie.delete(this.name);
  }
}
