import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordCodec } from '../codec';
import { entityTables, openRoundsDb, type RoundsDb } from '../db';
import { createAesGcmCodec, isSealed } from './aesGcmCodec';
import { importDataKey, newRawDataKey } from './keyWrap';
import { sealPlainRows } from './sealPlainRows';

let db: RoundsDb;
let n = 0;
beforeEach(() => {
  db = openRoundsDb(`test-seal-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const body = (table: string, i: number) => ({ id: `${table}_${i}`, name: `Name ${table} ${i}`, note: `note text ${i}` });

/** A version-5 database as the app wrote it before encryption: every body in clear. */
async function fillPlain(rows: number): Promise<void> {
  expect(db.verno === 0 || db.verno === 5).toBe(true);
  for (const table of entityTables(db)) {
    await table.bulkAdd(Array.from({ length: rows }, (_, i) => ({ id: `${table.name}_${i}`, version: 1, patientId: `pat_${i}`, body: body(table.name, i) })));
  }
  await db.outbox.bulkAdd(
    Array.from({ length: rows }, (_, i) => ({
      mutationId: `m_${i}`,
      kind: 'patient' as const,
      entityId: `patients_${i}`,
      entityKey: `patient:patients_${i}`,
      coalesceKey: null,
      patientId: `pat_${i}`,
      hlc: `hlc_${i}` as never,
      op: 'update' as const,
      baseVersion: 1,
      body: { op: 'update', patientId: `pat_${i}`, values: { name: `Changed ${i}` }, at: '2026-11-22T10:00:00Z' },
    })),
  );
  await db.rejections.add({ mutationId: 'r_1', kind: 'note', entityId: 'notes_1', entityKey: 'note:notes_1', reason: 'forbidden', at: '2026-11-22T10:00:00Z', body: { values: { text: 'refused text' } }, record: { text: 'whole refused note' } });
  await db.plans.add({ id: 'plan_1', day: '2026-11-22', updatedAt: '2026-11-22T09:00:00Z', body: { visits: ['pat_1'], address: '12 Elm St' } });
  await db.meta.put({ key: 'session', value: { token: 'tok', user: { id: 'u1', name: 'Ana Ruiz', role: 'specialist', username: 'ana' } } });
}

async function everyBody(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const t of entityTables(db)) for (const r of await t.toArray()) out.push(r.body);
  for (const r of await db.outbox.toArray()) out.push(r.body);
  for (const r of await db.rejections.toArray()) out.push(r.body, r.record);
  for (const r of await db.plans.toArray()) out.push(r.body);
  out.push((await db.meta.get('session'))?.value);
  return out;
}

async function keyCodec(): Promise<RecordCodec> {
  const key = await importDataKey(newRawDataKey());
  return createAesGcmCodec(() => key);
}

describe('sealing the rows an older version left in clear', () => {
  it('seals every body of every table, session included, and loses nothing', async () => {
    await fillPlain(30);
    const before = await everyBody();
    const codec = await keyCodec();
    const sealed = await sealPlainRows(db, codec);
    // Rows, not bodies: the refusal row holds two (the change and the whole record).
    expect(sealed).toBe(before.length - 1);
    const after = await everyBody();
    expect(after.every(isSealed)).toBe(true);
    expect(await Promise.all(after.map((b) => codec.open(b)))).toEqual(before);
    // Clear index fields stay as they were.
    expect((await db.outbox.toArray()).map((r) => r.mutationId)).toEqual(Array.from({ length: 30 }, (_, i) => `m_${i}`));
    expect(await db.careGaps.where('patientId').equals('pat_3').count()).toBe(1);
  });

  it('is idempotent: a second pass seals nothing and changes nothing', async () => {
    await fillPlain(5);
    const codec = await keyCodec();
    await sealPlainRows(db, codec);
    const once = await everyBody();
    expect(await sealPlainRows(db, codec)).toBe(0);
    expect(await everyBody()).toEqual(once);
  });

  it('resumes after the tab died mid-way (batches already committed stay sealed)', async () => {
    await fillPlain(450);
    const before = await everyBody();
    const codec = await keyCodec();
    let budget = 1000;
    const dying: RecordCodec = {
      ...codec,
      seal: async (v) => {
        if (--budget < 0) throw new Error('tab killed');
        return codec.seal(v);
      },
    };
    await expect(sealPlainRows(db, dying)).rejects.toThrow('tab killed');
    const partial = await everyBody();
    expect(partial.filter(isSealed).length).toBeGreaterThan(0);
    expect(partial.filter(isSealed).length).toBeLessThan(before.length);
    await sealPlainRows(db, codec);
    const after = await everyBody();
    expect(after.every(isSealed)).toBe(true);
    expect(await Promise.all(after.map((b) => codec.open(b)))).toEqual(before);
  }, 60_000);

  it('leaves alone a row sealed meanwhile', async () => {
    await fillPlain(1);
    const codec = await keyCodec();
    const fresh = await codec.seal({ id: 'patients_0', name: 'Newer' });
    await db.patients.put({ id: 'patients_0', version: 2, body: fresh });
    await sealPlainRows(db, codec);
    expect(await codec.open((await db.patients.get('patients_0'))!.body)).toEqual({ id: 'patients_0', name: 'Newer' });
  });
});
