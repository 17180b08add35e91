import { beforeEach, expect, it } from 'vitest';
import type { TerritoryId } from '../../../src/domain/ids';
import { entityRecordSchema, type EntityRecord } from '../../../src/protocol/entities';
import { fixtureDataset, idsInScope, NORTH, NORTH_PATIENTS, ORG, otherOrgDataset, patientOwned, SOUTH } from '../../test/fixtures';
import { describeEachDb, settle } from '../../test/testDb';
import type { Db } from '../db/db';
import { loadDataset } from '../seed/loadDataset';
import { compareCursors, CURSOR_START, type PullCursor } from './cursor';
import { pullChanges } from './pullChanges';
import { drainPull } from '../../test/drainPull';

const dataset = fixtureDataset();
const bothTerritories = [NORTH, SOUTH];
const scope = { orgId: ORG, territoryIds: bothTerritories };

function drain(
  db: Db,
  from: PullCursor,
  { territoryIds = bothTerritories, limit = 100 }: { territoryIds?: readonly TerritoryId[]; limit?: number } = {},
) {
  return drainPull(db, { ...scope, territoryIds }, from, limit);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const touch = (db: Db, patientId: string | undefined) =>
  db.query(`update patients set data = jsonb_set(data, '{room}', '"12B"') where id = $1`, [patientId]);

describeEachDb('pullChanges', (current, kind) => {
  beforeEach(async () => {
    await current().reset();
    await loadDataset(current().db, dataset);
    await loadDataset(current().db, otherOrgDataset());
    await settle(current().db);
  });

  it("a specialist receives their territory's patient records of every kind, and none of another territory's", async () => {
    const { db } = current();
    const { records } = await drain(db, CURSOR_START, { territoryIds: [NORTH] });
    const northPatients = new Set<string>(NORTH_PATIENTS);
    const owned = patientOwned(dataset);
    const expected = owned.filter((r) => northPatients.has(r.patientId)).map((r) => r.id);
    const received = new Set(records.map((r) => r.id));
    expect(expected.filter((id) => !received.has(id))).toEqual([]);
    expect(owned.filter((r) => !northPatients.has(r.patientId) && received.has(r.id))).toEqual([]);
    expect(records.map((r) => r.id).sort()).toEqual(idsInScope(dataset, [NORTH]));
    const kinds = new Set(records.map((r) => r.kind));
    for (const kind of ['contactPoint', 'caregiver', 'barrier', 'goal', 'task'] as const) expect(kinds).toContain(kind);
    for (const r of records) entityRecordSchema.parse(r);
    const task = records.find((r) => r.kind === 'task');
    expect(task?.data).toEqual(dataset.tasks.find((t) => t.id === task?.id));
  });

  it.each([1, 2, 5])('pages of %i concatenate to the whole scope, in (txid, version) order, without duplicates', async (limit) => {
    const { db } = current();
    const { records } = await drain(db, CURSOR_START, { limit });
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(idsInScope(dataset, bothTerritories));
    // The fixture loads in one transaction, so version order is delivery order here.
    const versions = records.map((r) => r.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('a changed or deleted patient record arrives again after the cursor', async () => {
    const { db } = current();
    const initial = await drain(db, CURSOR_START);
    const [goal] = dataset.goals;
    const [contact] = dataset.contactPoints;
    await db.query(`update patient_records set data = jsonb_set(data, '{status}', '"met"') where kind = 'goal' and id = $1`, [goal?.id]);
    await db.query(`update patient_records set deleted = true where kind = 'contactPoint' and id = $1`, [contact?.id]);
    await settle(db);
    const { records } = await drain(db, initial.cursor);
    expect(records).toEqual([
      { kind: 'goal', id: goal?.id, version: expect.any(Number), deleted: false, data: { ...goal, status: 'met' } },
      { kind: 'contactPoint', id: contact?.id, version: expect.any(Number), deleted: true, data: null },
    ]);
  });

  it('an idle pull moves the cursor up to the watermark, and later writes still arrive', async () => {
    const { db } = current();
    const initial = await drain(db, CURSOR_START);
    const idle = await pullChanges(db, { scope, after: initial.cursor, limit: 100 });
    expect(idle.records).toEqual([]);
    expect(compareCursors(idle.cursor, initial.cursor)).toBeGreaterThanOrEqual(0);
    await touch(db, NORTH_PATIENTS[0]);
    await settle(db);
    expect((await drain(db, idle.cursor)).records.map((r) => r.id)).toEqual([NORTH_PATIENTS[0]]);
  });

  it('a rolled-back write never appears and does not hold the cursor back', async () => {
    const { db } = current();
    const initial = await drain(db, CURSOR_START);
    await expect(
      db.transaction(async (tx) => {
        await touch(tx, NORTH_PATIENTS[0]);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await touch(db, NORTH_PATIENTS[1]);
    await settle(db);
    expect((await drain(db, initial.cursor)).records.map((r) => r.id)).toEqual([NORTH_PATIENTS[1]]);
  });

  it.skipIf(kind === 'pglite')(
    'the cursor never passes a transaction that commits after a later-started one',
    async () => {
      const { db } = current();
      const start = await drain(db, CURSOR_START);

      // A writes first (so it has the lower transaction id) but commits last.
      const aWrote = deferred();
      const aMayCommit = deferred();
      let aTxid = 0n;
      const a = db.transaction(async (tx) => {
        await touch(tx, NORTH_PATIENTS[0]);
        const [row] = await tx.query<{ txid: string }>('select pg_current_xact_id()::text as txid');
        aTxid = BigInt(row?.txid ?? '0');
        aWrote.resolve();
        await aMayCommit.promise;
      });
      await aWrote.promise;

      try {
        await db.transaction((tx) => touch(tx, NORTH_PATIENTS[1]));

        // Between B's commit and A's: B's row exists but must not be delivered yet, and the
        // cursor must stay before everything A wrote.
        const between = await drain(db, start.cursor);
        expect(between.records.map((r) => r.id)).not.toContain(NORTH_PATIENTS[1]);
        expect(compareCursors(between.cursor, { txid: aTxid, version: 0 })).toBeLessThanOrEqual(0);

        aMayCommit.resolve();
        await a;
        await settle(db);

        const after = await drain(db, between.cursor);
        expect(after.records.map((r) => r.id)).toEqual([NORTH_PATIENTS[0], NORTH_PATIENTS[1]]);
      } finally {
        aMayCommit.resolve();
        await a;
      }
    },
  );

  // Pages cut by size as well as by count.
  /** Every page from the start with a byte budget, checking each page on the way. */
  async function drainBySize(db: Db, maxBytes: number) {
    const pages: EntityRecord[][] = [];
    let cursor = CURSOR_START;
    for (;;) {
      const page = await pullChanges(db, { scope, after: cursor, limit: 1000, maxBytes });
      expect(compareCursors(page.cursor, cursor)).toBeGreaterThan(0);
      pages.push(page.records);
      cursor = page.cursor;
      if (!page.hasMore) return pages;
    }
  }

  it.each([1, 600, 3000])(
    '[S13] pages of at most %i bytes, cut in the middle of one transaction, resume exactly after the last record served',
    async (maxBytes) => {
      const pages = await drainBySize(current().db, maxBytes);
      const ids = pages.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(idsInScope(dataset, bothTerritories));
      // The fixture loads in one transaction, so every cut but the last is inside it.
      const versions = pages.flat().map((r) => r.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        expect(page.length).toBeGreaterThan(0);
        if (page.length > 1) expect(page.reduce((sum, r) => sum + JSON.stringify(r.data).length, 0)).toBeLessThanOrEqual(maxBytes);
      }
      if (maxBytes === 1) expect(pages.every((page) => page.length === 1)).toBe(true);
    },
  );

  it('[S14] a budget larger than the scope serves it in one page and moves the cursor to the watermark', async () => {
    const page = await pullChanges(current().db, { scope, after: CURSOR_START, limit: 1000, maxBytes: 50_000_000 });
    expect(page.hasMore).toBe(false);
    expect(page.records.map((r) => r.id).sort()).toEqual(idsInScope(dataset, bothTerritories));
  });
});
