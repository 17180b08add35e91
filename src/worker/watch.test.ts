import { expose, wrap } from 'comlink';
import Dexie from 'dexie';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../domain/hlc';
import { asIsoDateTime } from '../domain/ids';
import { applyPullPage } from '../storage/applyPullPage';
import { Locked, plainCodec, type RecordCodec } from '../storage/codec';
import { openRoundsDb, type RoundsDb } from '../storage/db';
import { setMeta } from '../storage/meta';
import { asRecord, buildContactPoint, buildPatient } from '../../tests/support/builders';
import { watchRead, type WorkerClient } from './client';
import type { ReadValue } from './reads';
import { createWatches, type WatchEvent } from './watch';

let db: RoundsDb;
let n = 0;
beforeEach(() => {
  db = openRoundsDb(`test-watch-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function collect<T>() {
  const events: WatchEvent<T>[] = [];
  return { events, onValue: (e: WatchEvent<T>) => void events.push(e), last: () => events.at(-1) };
}

const okValue = <T,>(e: WatchEvent<T> | undefined): T | undefined => (e?.status === 'ok' ? e.value : undefined);
const settle = () => new Promise((r) => setTimeout(r, 100));

/** A codec whose key can be taken away, as the encrypting codec's is when the device locks. */
function lockableCodec() {
  let locked = false;
  const codec: RecordCodec = {
    name: 'lockable',
    seal: async (v) => {
      if (locked) throw new Locked();
      return v;
    },
    open: async <T,>(b: unknown) => {
      if (locked) throw new Locked();
      return b as T;
    },
  };
  return { codec, lock: () => (locked = true), unlock: () => (locked = false) };
}

describe('watching a read in the worker', () => {
  it('a change in the database reaches the subscriber, decoded', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const sub = collect<ReadValue<'territory'>>();
    watches.watch('territory', [], sub.onValue);
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toEqual([]));
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1', { givenName: 'Ana' }))], 'c1');
    await vi.waitFor(() => expect(okValue(sub.last())?.patients.map((p) => p.givenName)).toEqual(['Ana']));
    // Every event is newer than the one before.
    const seqs = sub.events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('a burst of changes is read in fewer passes, and the last state always arrives', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const sub = collect<ReadValue<'territory'>>();
    watches.watch('territory', [], sub.onValue);
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toEqual([]));
    for (let i = 0; i < 20; i++) await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient(`pat_${i}`))], `c${i}`);
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toHaveLength(20));
    expect(sub.events.length).toBeLessThan(20);
  });

  it('watches of the same read share one live query; a newcomer gets the last value at once', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const a = collect<number>();
    const b = collect<number>();
    const idA = watches.watch('pendingCount', [], a.onValue);
    await vi.waitFor(() => expect(okValue(a.last())).toBe(0));
    watches.watch('pendingCount', [], b.onValue);
    expect(okValue(b.last())).toBe(0);
    expect(watches.readCount()).toBe(1);
    watches.unwatch(idA);
    await db.outbox.add({ entityKey: 'note:n1' } as never);
    await vi.waitFor(() => expect(okValue(b.last())).toBe(1));
    expect(okValue(a.last())).toBe(0);
  });

  it('a prefetched read is ready for the first watcher, and stops when its time is up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const watches = createWatches({ db, codec: plainCodec });
      watches.prefetch('deviceId', [], 1000);
      expect(watches.readCount()).toBe(1);
      await setMeta(db, 'deviceId', 'dev_1');
      vi.advanceTimersByTime(999);
      expect(watches.readCount()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(watches.readCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    const watches = createWatches({ db, codec: plainCodec });
    watches.prefetch('deviceId', [], 60_000);
    await new Promise((r) => setTimeout(r, 200));
    const sub = collect<string | null>();
    watches.watch('deviceId', [], sub.onValue);
    expect(sub.last()).toMatchObject({ status: 'ok', value: 'dev_1' });
  });

  it('reads with arguments watch only what they name', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const sub = collect<ReadValue<'patientRecords'>>();
    watches.watch('patientRecords', ['pat_1'], sub.onValue);
    await applyPullPage(
      db,
      plainCodec,
      [asRecord('contactPoint', buildContactPoint('cp_1', 'pat_1')), asRecord('contactPoint', buildContactPoint('cp_2', 'pat_2'))],
      'c1',
    );
    await vi.waitFor(() => expect(okValue(sub.last())?.contactPoint.map((c) => c.id)).toEqual(['cp_1']));
  });

  it('unwatch stops the subscriber hearing of changes', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const sub = collect<number>();
    const id = watches.watch('pendingCount', [], sub.onValue);
    await vi.waitFor(() => expect(okValue(sub.last())).toBe(0));
    watches.unwatch(id);
    expect(watches.liveCount()).toBe(0);
    const before = sub.events.length;
    await setMeta(db, 'deviceId', 'dev_1');
    await db.outbox.add({ entityKey: 'note:n1' } as never);
    await settle();
    expect(sub.events.length).toBe(before);
    watches.unwatch(id); // a second unwatch is harmless
  });

  it('refreshAll re-runs every live watch, and a codec without a key answers "locked"', async () => {
    const { codec, lock, unlock } = lockableCodec();
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
    const watches = createWatches({ db, codec });
    const territory = collect<ReadValue<'territory'>>();
    const count = collect<number>();
    watches.watch('territory', [], territory.onValue);
    watches.watch('pendingCount', [], count.onValue);
    await vi.waitFor(() => expect(okValue(territory.last())?.patients).toHaveLength(1));
    await vi.waitFor(() => expect(okValue(count.last())).toBe(0));

    lock();
    const countEvents = count.events.length;
    watches.refreshAll();
    await vi.waitFor(() => expect(territory.last()?.status).toBe('locked'));
    // A read that opens nothing still answers: it re-ran.
    await vi.waitFor(() => expect(count.events.length).toBeGreaterThan(countEvents));
    expect(okValue(count.last())).toBe(0);

    unlock();
    watches.refreshAll();
    await vi.waitFor(() => expect(okValue(territory.last())?.patients).toHaveLength(1));
  });

  it('a failing read reaches the subscriber as an error, and the watch answers again later', async () => {
    let failing = true;
    const codec: RecordCodec = {
      ...plainCodec,
      open: async <T,>(b: unknown) => {
        if (failing) throw new TypeError('bad body');
        return b as T;
      },
    };
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
    const watches = createWatches({ db, codec });
    const sub = collect<ReadValue<'territory'>>();
    watches.watch('territory', [], sub.onValue);
    await vi.waitFor(() => expect(sub.last()).toMatchObject({ status: 'error', name: 'TypeError', message: 'bad body' }));
    failing = false;
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_2'))], 'c2');
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toHaveLength(2));
  });

  it('a slow decode of an older result never overwrites a newer one', async () => {
    const gates: (() => void)[] = [];
    let calls = 0;
    const codec: RecordCodec = {
      ...plainCodec,
      open: async <T,>(b: unknown) => {
        // The first read's decode waits until the test lets it go.
        if ((b as { id?: string }).id === 'pat_1' && calls++ === 0) await new Promise<void>((r) => gates.push(r));
        return b as T;
      },
    };
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
    const watches = createWatches({ db, codec });
    const sub = collect<ReadValue<'territory'>>();
    watches.watch('territory', [], sub.onValue);
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_2'))], 'c2');
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toHaveLength(2));
    gates[0]?.();
    await settle();
    await settle();
    // The held decode of the first read (one patient) was dropped: nothing shows one patient.
    expect(sub.events.map((e) => okValue(e)?.patients.length)).not.toContain(1);
    expect(okValue(sub.last())?.patients).toHaveLength(2);
  });

  it('the session read carries no token', async () => {
    await setMeta(db, 'session', {
      accessToken: 'secret-token',
      refreshToken: 'secret-refresh',
      accessExpiresAt: '2026-11-22T08:15:00.000Z',
      lockAfterMinutes: 5,
      user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
      territories: [{ id: 'ter_a', name: 'North' }],
      signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
      careTeamPhone: '+16175550100',
    });
    const watches = createWatches({ db, codec: plainCodec });
    const sub = collect<ReadValue<'session'>>();
    watches.watch('session', [], sub.onValue);
    await vi.waitFor(() => expect(okValue(sub.last())).toBeTruthy());
    expect(okValue(sub.last())).toEqual({
      user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
      territories: [{ id: 'ter_a', name: 'North' }],
      signedInAt: '2026-11-22T08:00:00.000Z',
      careTeamPhone: '+16175550100',
    });
    expect(JSON.stringify(sub.events)).not.toContain('secret-token');
    expect(JSON.stringify(sub.events)).not.toContain('secret-refresh');
  });

  it('a change waiting in the outbox (an autosave) updates the marks without reading the territory again', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const territory = collect<ReadValue<'territory'>>();
    const marks = collect<ReadValue<'pendingMarks'>>();
    watches.watch('territory', [], territory.onValue);
    watches.watch('pendingMarks', [], marks.onValue);
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
    await vi.waitFor(() => expect(okValue(territory.last())?.patients).toHaveLength(1));
    await settle();
    const territoryReads = territory.events.length;
    await db.outbox.add({
      mutationId: 'm-1', kind: 'note', entityId: 'note_1', entityKey: 'note:note_1', coalesceKey: 'note:note_1', patientId: 'pat_1',
      hlc: encodeHlc({ wallMs: 1_795_167_000_000, counter: 1 }, 'device-1'), op: 'create', baseVersion: 0, body: {},
    });
    await vi.waitFor(() => expect(okValue(marks.last())?.pendingPatients.has('pat_1')).toBe(true));
    expect(okValue(marks.last())?.pendingKeys.has('note:note_1')).toBe(true);
    await settle();
    expect(territory.events).toHaveLength(territoryReads);
  });

  it('refuses a read it does not know, naming it', () => {
    const watches = createWatches({ db, codec: plainCodec });
    expect(() => watches.watch('records' as never, [] as never, () => undefined)).toThrow('No read named "records"');
  });

  it('works across a real Comlink channel with a proxied callback, and stopping releases it', async () => {
    const watches = createWatches({ db, codec: plainCodec });
    const { port1, port2 } = new MessageChannel();
    expose(watches, port1 as never);
    const client = wrap<typeof watches>(port2 as never) as unknown as WorkerClient;
    const sub = collect<ReadValue<'territory'>>();
    const marks = collect<ReadValue<'pendingMarks'>>();
    const stop = watchRead(client, 'territory', [], sub.onValue);
    const stopMarks = watchRead(client, 'pendingMarks', [], marks.onValue);
    await applyPullPage(db, plainCodec, [asRecord('patient', buildPatient('pat_1'))], 'c1');
    await vi.waitFor(() => expect(okValue(sub.last())?.patients).toHaveLength(1));
    // Sets survive the structured clone.
    await vi.waitFor(() => expect(okValue(marks.last())?.pendingKeys).toBeInstanceOf(Set));
    stop();
    stopMarks();
    await vi.waitFor(() => expect(watches.liveCount()).toBe(0));
    port1.close();
    port2.close();
  });
});
