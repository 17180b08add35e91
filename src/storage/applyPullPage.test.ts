import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityRecord } from '../protocol/entities';
import { applyPullPage } from './applyPullPage';
import { plainCodec, type RecordCodec } from './codec';
import { openRoundsDb, type RoundsDb } from './db';
import { getMeta } from './meta';
import { asRecord, buildPatient } from '../../tests/support/builders';
import { updateRecord } from './commands/records';
import { evictOutOfScope } from './evictOutOfScope';

const gap = (id: string, version: number, status: 'open' | 'closed' = 'open'): EntityRecord => ({
  kind: 'careGap',
  id,
  version,
  deleted: false,
  data: { id, patientId: 'pat_1', measure: 'COL', status, dueDate: null, closedAt: null, evidence: null, exclusionReason: null },
});

let db: RoundsDb;
let n = 0;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});
function fresh(): RoundsDb {
  db = openRoundsDb(`test-apply-${n++}`);
  return db;
}

describe('applyPullPage', () => {
  it('stores records with their patient index and advances the cursor in the same transaction', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [gap('g1', 3)], 'c1');
    expect(await db.careGaps.where('patientId').equals('pat_1').count()).toBe(1);
    expect(await getMeta(db, 'pullCursor')).toBe('c1');
  });

  it('never rolls a record back to an older version', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [gap('g1', 5, 'closed')], 'c1');
    await applyPullPage(db, plainCodec, [gap('g1', 4, 'open')], 'c2');
    const row = await db.careGaps.get('g1');
    expect(row?.version).toBe(5);
    expect((row?.body as { status: string }).status).toBe('closed');
  });

  it('removes a record when a tombstone arrives', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [gap('g1', 1)], 'c1');
    await applyPullPage(db, plainCodec, [{ kind: 'careGap', id: 'g1', version: 2, deleted: true, data: null }], 'c2');
    expect(await db.careGaps.get('g1')).toBeUndefined();
  });

  it('keeps only sealed bodies in storage, so an encrypting codec fits without schema changes', async () => {
    fresh();
    const sealing: RecordCodec = {
      name: 'test-seal',
      seal: async (v) => ({ sealed: JSON.stringify(v) }),
      open: async <T>(b: unknown) => JSON.parse((b as { sealed: string }).sealed) as T,
    };
    await applyPullPage(db, sealing, [gap('g1', 1)], 'c1');
    const row = await db.careGaps.get('g1');
    expect(Object.keys(row ?? {}).sort()).toEqual(['body', 'id', 'patientId', 'version']);
    expect(JSON.stringify(row?.body)).not.toContain('"measure"');
  });

  it('leaves data and cursor untouched when the transaction fails', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [gap('g1', 1)], 'c1');
    const failing: RecordCodec = { ...plainCodec, seal: async () => Promise.reject(new Error('boom')) };
    await expect(applyPullPage(db, failing, [gap('g2', 2)], 'c2')).rejects.toThrow('boom');
    expect(await getMeta(db, 'pullCursor')).toBe('c1');
    expect(await db.careGaps.count()).toBe(1);
  });
});

describe('patients leaving the device (S16)', () => {
  const patient = (id: string, version: number, deleted = false): EntityRecord =>
    deleted
      ? { kind: 'patient', id, version, deleted: true, data: null }
      : { ...asRecord('patient', { ...buildPatient(id), territoryId: 'ter_1' as never }), version };

  it('a patient that left, and a deleted one, go with their records at eviction; one that came back stays', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [patient('pat_1', 1), patient('pat_2', 1), patient('pat_3', 1), gap('g1', 1)], 'c1');
    await applyPullPage(db, plainCodec, [patient('pat_2', 2, true)], 'c2', ['pat_1', 'pat_3']);
    expect(await getMeta(db, 'leavingPatients')).toEqual(['pat_1', 'pat_3', 'pat_2']);
    await applyPullPage(db, plainCodec, [patient('pat_3', 3)], 'c3');
    expect(await getMeta(db, 'leavingPatients')).toEqual(['pat_1', 'pat_2']);

    expect(await evictOutOfScope(db, plainCodec, ['ter_1'])).toBe(2);
    expect((await db.patients.toCollection().primaryKeys()).sort()).toEqual(['pat_3']);
    // g1 belonged to pat_1.
    expect(await db.careGaps.count()).toBe(0);
    expect(await getMeta(db, 'leavingPatients')).toEqual([]);
  });

  it('a leaving patient with a change waiting stays until the change is gone from the outbox', async () => {
    fresh();
    await applyPullPage(db, plainCodec, [patient('pat_1', 1), gap('g1', 1)], 'c1');
    const deps = { db, codec: plainCodec, now: () => new Date(), newId: () => crypto.randomUUID(), nodeId: 'n1', today: () => '2026-11-22' as never };
    expect(await updateRecord(deps, 'careGap', 'g1', { status: 'closed' })).toMatchObject({ ok: true, changed: true });
    await applyPullPage(db, plainCodec, [], 'c2', ['pat_1']);
    expect(await evictOutOfScope(db, plainCodec, ['ter_1'])).toBe(0);
    expect(await db.patients.count()).toBe(1);
    expect(await db.careGaps.count()).toBe(1);
    await db.outbox.clear();
    expect(await evictOutOfScope(db, plainCodec, ['ter_1'])).toBe(1);
    expect(await db.careGaps.count()).toBe(0);
  });
});
