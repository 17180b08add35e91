import { beforeEach, expect, it } from 'vitest';
import type { EntityRecord } from '../../../src/protocol/entities';
import { fixtureDataset, NORTH, NORTH_PATIENTS, ORG, SOUTH } from '../../test/fixtures';
import { describeEachDb, settle } from '../../test/testDb';
import type { Db } from '../db/db';
import { loadDataset } from '../seed/loadDataset';
import { compareCursors, CURSOR_START, type PullCursor } from './cursor';
import { pullChanges } from './pullChanges';

const scope = { orgId: ORG, territoryIds: [NORTH, SOUTH] };

async function drain(db: Db, from: PullCursor): Promise<{ records: EntityRecord[]; cursor: PullCursor }> {
  const records: EntityRecord[] = [];
  let cursor = from;
  for (;;) {
    const page = await pullChanges(db, { scope, after: cursor, limit: 100 });
    records.push(...page.records);
    expect(compareCursors(page.cursor, cursor)).toBeGreaterThanOrEqual(0);
    cursor = page.cursor;
    if (!page.hasMore) return { records, cursor };
  }
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
    await loadDataset(current().db, fixtureDataset());
    await settle(current().db);
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
});
