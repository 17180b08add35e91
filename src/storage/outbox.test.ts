import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChange, updateChange } from '../domain/entities';
import { asRecord, buildGap, buildPatient } from '../../tests/support/builders';
import { applyPullPage } from './applyPullPage';
import { plainCodec } from './codec';
import { openRoundsDb, type RoundsDb } from './db';
import { nextBatch, numberOutbox, settleOutbox } from './outbox';
import { setMeta } from './meta';
import { readRecord } from './readRecords';
import { writeChanges, type WriteContext } from './writeChanges';

let db: RoundsDb;
let ctx: WriteContext;
let n = 0;

beforeEach(() => {
  db = openRoundsDb(`outbox-${n++}`);
  let id = 0;
  let t = Date.parse('2026-11-22T15:00:00Z');
  ctx = { now: () => new Date((t += 1000)), nodeId: 'dev-1', newId: () => `m-${++id}` };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const gap = buildGap('gap_1', 'pat_1');

describe('the outbox', () => {
  it('[S16] a row carries the pull cursor of the moment it was made; a draft keeps the one it began with', async () => {
    const key = 'careGap:gap_1:draft';
    await setMeta(db, 'pullCursor', 'cursor-1');
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', gap), coalesceKey: key }], ctx);
    await setMeta(db, 'pullCursor', 'cursor-2');
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', { ...gap, status: 'closed' }), coalesceKey: key }], ctx);
    await writeChanges(db, plainCodec, [createChange('careGap', { ...gap, id: 'gap_2' as never })], ctx);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => [r.entityId, r.seenCursor])).toEqual([
      ['gap_1', 'cursor-1'],
      ['gap_2', 'cursor-2'],
    ]);
  });

  it('[S1] a change and its outbox row are written together', async () => {
    await writeChanges(db, plainCodec, [createChange('careGap', gap)], ctx);
    expect(await db.careGaps.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('[S4] rows get contiguous numbers in outbox order, once', async () => {
    for (const status of ['scheduled', 'closed', 'open'] as const) {
      await writeChanges(db, plainCodec, [{ ...createChange('careGap', { ...gap, status }) }], ctx);
    }
    await numberOutbox(db);
    await numberOutbox(db);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.no)).toEqual([1, 2, 3]);
    await writeChanges(db, plainCodec, [createChange('careGap', { ...gap, id: 'gap_2' as never })], ctx);
    await numberOutbox(db);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.no)).toEqual([1, 2, 3, 4]);
  });

  it('[S3] an autosave replaces the unsent draft row but never a numbered one', async () => {
    const key = 'note:n1:draft';
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', gap), coalesceKey: key }], ctx);
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', { ...gap, status: 'closed' }), coalesceKey: key }], ctx);
    expect(await db.outbox.count()).toBe(1);
    await numberOutbox(db);
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', { ...gap, status: 'open' }), coalesceKey: key }], ctx);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.no)).toEqual([1, undefined]);
  });

  it('[S3] an autosave that replaces an unsent create still creates the record, with every field', async () => {
    const key = 'careGap:gap_1:draft';
    await writeChanges(db, plainCodec, [{ ...createChange('careGap', gap), coalesceKey: key }], ctx);
    const edit = updateChange('careGap', gap, { ...gap, status: 'closed' });
    if (!edit) throw new Error('no change');
    await writeChanges(db, plainCodec, [{ ...edit, coalesceKey: key }], ctx);
    await numberOutbox(db);
    const [only] = await nextBatch(db, plainCodec, 10);
    expect(only?.row.op).toBe('create');
    expect(only?.change).toMatchObject({ op: 'create', values: { ...gap, status: 'closed' } });
  });

  it('[S5][S7] settling removes rows up to the mark and keeps refused ones for a person to see', async () => {
    for (const status of ['scheduled', 'closed', 'open'] as const) {
      await writeChanges(db, plainCodec, [createChange('careGap', { ...gap, status })], ctx);
    }
    await numberOutbox(db);
    const batch = await nextBatch(db, plainCodec, 10);
    expect(batch.map((b) => b.row.no)).toEqual([1, 2, 3]);
    expect(batch[1]?.change.values).toMatchObject({ status: 'closed' });
    await settleOutbox(db, 2, [{ no: 2, reason: 'invalid' }], '2026-11-22T15:00:00.000Z');
    expect((await db.outbox.toArray()).map((r) => r.no)).toEqual([3]);
    expect(await db.rejections.toArray()).toMatchObject([{ reason: 'invalid', entityKey: 'careGap:gap_1' }]);
  });
});

describe('refused changes are undone on the device (S7a)', () => {
  it('[S7a] a refused create of a record the server never had leaves the device; the whole record stays with the refusal', async () => {
    await writeChanges(db, plainCodec, [createChange('careGap', { ...gap, status: 'closed' })], ctx);
    await numberOutbox(db);
    await settleOutbox(db, 1, [{ no: 1, reason: 'invalid', message: 'status: bad' }], '2026-11-22T15:00:00.000Z');
    expect(await db.careGaps.count()).toBe(0);
    const [kept] = await db.rejections.toArray();
    expect(kept).toMatchObject({ reason: 'invalid', message: 'status: bad', op: 'create', patientId: 'pat_1' });
    expect(await plainCodec.open(kept?.record)).toMatchObject({ id: 'gap_1', status: 'closed' });
  });

  it('[S7a] a refused update keeps the whole record as the person saw it, and the server copy sent again replaces it', async () => {
    const patient = buildPatient('pat_1', { bestTimeToCall: null });
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 1, deleted: false, data: patient }], 'c1');
    const edit = updateChange('patient', patient, { ...patient, bestTimeToCall: 'Mornings' });
    if (!edit) throw new Error('no change');
    await writeChanges(db, plainCodec, [edit], ctx);
    await numberOutbox(db);
    await settleOutbox(db, 1, [{ no: 1, reason: 'invalid' }], '2026-11-22T15:00:00.000Z');
    const [kept] = await db.rejections.toArray();
    expect(await plainCodec.open(kept?.record)).toMatchObject({ bestTimeToCall: 'Mornings' });
    // The server gives the refused record a new version; the pull lays it down without the change.
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 2, deleted: false, data: patient }], 'c2');
    expect((await readRecord(db, plainCodec, 'patient', 'pat_1'))?.bestTimeToCall).toBeNull();
  });
});

describe('pulling over local changes', () => {
  it('[S15] a pulled record keeps the fields the person changed and has not synced yet', async () => {
    const patient = buildPatient('pat_1', { bestTimeToCall: null, accessNotes: null });
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 1, deleted: false, data: patient }], 'c1');
    const edit = updateChange('patient', patient, { ...patient, bestTimeToCall: 'Mornings' });
    if (!edit) throw new Error('no change');
    await writeChanges(db, plainCodec, [edit], ctx);
    // Someone else changed another field on the server meanwhile.
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 2, deleted: false, data: { ...patient, accessNotes: 'Gate code 1234' } }], 'c2');
    const local = await readRecord(db, plainCodec, 'patient', 'pat_1');
    expect(local).toMatchObject({ bestTimeToCall: 'Mornings', accessNotes: 'Gate code 1234' });
    expect((await db.patients.get('pat_1'))?.version).toBe(2);
    // Once settled, the server's copy is taken as it is.
    await numberOutbox(db);
    await settleOutbox(db, 1, [], '2026-11-22T15:00:00.000Z');
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 3, deleted: false, data: { ...patient, bestTimeToCall: 'Evenings' } }], 'c3');
    expect((await readRecord(db, plainCodec, 'patient', 'pat_1'))?.bestTimeToCall).toBe('Evenings');
  });

  it('[S9][S15] a change made while an earlier one waits is based on the version that one was based on', async () => {
    const patient = buildPatient('pat_1', { bestTimeToCall: null });
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 1, deleted: false, data: patient }], 'c1');
    const first = updateChange('patient', patient, { ...patient, bestTimeToCall: 'Weekends' });
    if (!first) throw new Error('no change');
    await writeChanges(db, plainCodec, [first], ctx);
    // Someone else's value arrives under the pending edit; the person still sees their own.
    await applyPullPage(db, plainCodec, [{ kind: 'patient', id: 'pat_1', version: 7, deleted: false, data: { ...patient, bestTimeToCall: 'Mornings' } }], 'c2');
    const shown = await readRecord(db, plainCodec, 'patient', 'pat_1');
    expect(shown?.bestTimeToCall).toBe('Weekends');
    const second = updateChange('patient', shown!, { ...shown!, bestTimeToCall: 'Weekends, after 2' });
    if (!second) throw new Error('no change');
    await writeChanges(db, plainCodec, [second], ctx);
    expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.baseVersion)).toEqual([1, 1]);
  });

  it('[S14] tombstones remove the record and the cursor moves with the page', async () => {
    await applyPullPage(db, plainCodec, [asRecord('careGap', gap)], 'c1');
    await applyPullPage(db, plainCodec, [{ kind: 'careGap', id: 'gap_1', version: 99, deleted: true, data: null }], 'c2');
    expect(await db.careGaps.count()).toBe(0);
    expect((await db.meta.get('pullCursor'))?.value).toBe('c2');
  });
});

