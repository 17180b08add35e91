import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asIsoDate, asIsoDateTime } from '../domain/ids';
import type { RecordCodec } from './codec';
import { plainCodec } from './codec';
import { openRoundsDb, type RoundsDb } from './db';
import { loadPlan, savePlan } from './plans';

let db: RoundsDb;
let n = 0;
beforeEach(() => {
  db = openRoundsDb(`test-plans-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const today = asIsoDate('2026-11-23');
const plan = (id: string, day: string, updatedAt: string, content: unknown) => ({
  id,
  day: asIsoDate(day),
  updatedAt: asIsoDateTime(updatedAt),
  content,
});

describe('day plans on the device', () => {
  it('saves and loads the plan of a day; saving again replaces it', async () => {
    expect(await loadPlan(db, plainCodec, today)).toBeNull();
    await savePlan(db, plainCodec, plan('plan_1', today, '2026-11-23T13:00:00.000Z', { visits: ['a', 'b'] }));
    await savePlan(db, plainCodec, plan('plan_1', today, '2026-11-23T14:00:00.000Z', { visits: ['b'] }));
    expect(await loadPlan(db, plainCodec, today)).toEqual(plan('plan_1', today, '2026-11-23T14:00:00.000Z', { visits: ['b'] }));
    expect(await db.plans.count()).toBe(1);
  });

  it('survives closing and reopening the database (a reload)', async () => {
    await savePlan(db, plainCodec, plan('plan_1', today, '2026-11-23T13:00:00.000Z', { n: 1 }));
    db.close();
    db = openRoundsDb(db.name);
    expect((await loadPlan<{ n: number }>(db, plainCodec, today))?.content).toEqual({ n: 1 });
  });

  it('is not a synced record: no outbox row is written', async () => {
    await savePlan(db, plainCodec, plan('plan_1', today, '2026-11-23T13:00:00.000Z', {}));
    expect(await db.outbox.count()).toBe(0);
  });

  it('drops older days when a newer day is saved, never newer ones', async () => {
    await savePlan(db, plainCodec, plan('plan_0', '2026-11-22', '2026-11-22T13:00:00.000Z', {}));
    await savePlan(db, plainCodec, plan('plan_2', '2026-11-24', '2026-11-23T13:00:00.000Z', {}));
    await savePlan(db, plainCodec, plan('plan_1', today, '2026-11-23T13:00:00.000Z', {}));
    expect((await db.plans.toArray()).map((r) => r.day).sort()).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('seals the content through the codec', async () => {
    const sealed: RecordCodec = {
      name: 'test',
      seal: async (v) => ({ sealed: JSON.stringify(v) }),
      open: async <T>(b: unknown) => JSON.parse((b as { sealed: string }).sealed) as T,
    };
    await savePlan(db, sealed, plan('plan_1', today, '2026-11-23T13:00:00.000Z', { patient: 'pat_1' }));
    expect((await db.plans.get('plan_1'))?.body).toEqual({ sealed: '{"patient":"pat_1"}' });
    expect((await loadPlan(db, sealed, today))?.content).toEqual({ patient: 'pat_1' });
  });
});
