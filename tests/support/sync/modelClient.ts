/**
 * One device in a sync model test: a real Dexie database (fake-indexeddb), the real storage
 * commands and sync code, and a fetch that can be told to fail in the ways networks do.
 * "Killing" the device closes its database mid-sync and opens it again, as a tab kill would.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { IsoDate, IsoDateTime } from '../../../src/domain/ids';
import { plainCodec } from '../../../src/storage/codec';
import type { CommandDeps } from '../../../src/storage/commands/commandDeps';
import { openRoundsDb, type RoundsDb } from '../../../src/storage/db';
import { setMeta } from '../../../src/storage/meta';
import { localLock, type SyncDeps } from '../../../src/sync/deps';
import { syncNow, type SyncResult } from '../../../src/sync/syncNow';

export type Fault = 'none' | 'drop' | 'lose' | 'duplicate' | 'kill';

export interface Clock {
  now(): Date;
}

export class ModelClient {
  db: RoundsDb;
  offline = false;
  private fault: Fault = 'none';
  private requests = 0;
  private killAfter = -1;

  constructor(
    readonly name: string,
    readonly deviceId: string,
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly ids: () => string,
  ) {
    this.db = openRoundsDb(name);
  }

  private readonly fetchImpl: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError('offline');
    const n = ++this.requests;
    if (this.fault === 'drop' && n === 1) throw new TypeError('request dropped');
    if (this.fault === 'kill' && n === this.killAfter) {
      // The tab dies while this request is in flight; the server may or may not get it.
      void fetch(input, init).catch(() => undefined);
      this.reopen();
      throw new TypeError('tab killed');
    }
    const res = await fetch(input, init);
    if (this.fault === 'lose' && n === 1) {
      await res.arrayBuffer();
      throw new TypeError('response lost');
    }
    if (this.fault === 'duplicate' && n === 1) {
      await res.arrayBuffer();
      return fetch(input, init);
    }
    return res;
  };

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

  async signIn(token: string, user: { id: string; name: string; username: string }) {
    await setMeta(this.db, 'deviceId', this.deviceId);
    await setMeta(this.db, 'session', {
      token,
      user: { id: user.id, name: user.name, role: 'specialist', username: user.username },
      territories: [],
      signedInAt: this.clock.now().toISOString() as IsoDateTime,
    });
  }

  async sync(fault: Fault, killAfter = 1): Promise<SyncResult | 'killed'> {
    this.fault = fault;
    this.requests = 0;
    this.killAfter = killAfter;
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
