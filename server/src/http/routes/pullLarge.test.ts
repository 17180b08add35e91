/**
 * A scope of large records downloads page by page: each pull response stays around the page
 * budget (PULL_PAGE_BYTES) however many records the device asks for, a record larger than the
 * budget comes alone, and every record arrives exactly once. Before pages were cut by size, a
 * few hundred questionnaires with long answers made one response too large to build, and every
 * pull of the scope failed.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PatientId } from '../../../../src/domain/ids';
import { PULL_PAGE_MAX, pullResponseSchema } from '../../../../src/protocol/wire';
import { TEXT_MAX } from '../../../../src/protocol/safeText';
import { fixtureDataset, idsInScope, NORTH, NORTH_PATIENTS, ORG } from '../../../test/fixtures';
import { pull, signIn } from '../../../test/http';
import { describeEachDb, settle } from '../../../test/testDb';
import { PULL_PAGE_BYTES } from '../../changes/pullChanges';
import { insertRecord, nextVersion } from '../../changes/recordRows';
import type { Db } from '../../db/db';
import { loadDataset } from '../../seed/loadDataset';
import { buildApp } from '../buildApp';

const dataset = fixtureDataset();
const [N1] = NORTH_PATIENTS as [PatientId];
const LARGE = 60;

/** A health risk assessment whose every answer is free text at the longest allowed (two bytes a character). */
function largeResponse(id: string, answers: number) {
  const text = 'é'.repeat(TEXT_MAX.answer);
  return {
    id,
    questionnaireId: 'HRA',
    questionnaireVersion: '1',
    patientId: N1,
    noteId: null,
    answers: Object.fromEntries(Array.from({ length: answers }, (_, i) => [`q${i}`, text])),
    score: null,
    language: 'es',
    status: 'completed',
    updatedAt: '2026-11-20T09:30:00.000Z',
  };
}

/** Stores the responses in one transaction, as an import would. */
async function storeResponses(db: Db, responses: readonly ReturnType<typeof largeResponse>[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const data of responses) {
      const version = await nextVersion(tx);
      const key = { table: 'patient_records' as const, kind: 'questionnaireResponse' as const, id: data.id };
      await insertRecord(tx, key, { patientId: N1, orgId: ORG }, { data, stamps: {}, deleted: false, version });
    }
  });
}

describeEachDb('POST /api/sync/pull with large records', (current) => {
  let app: FastifyInstance;
  let token = '';

  beforeAll(async () => {
    await loadDataset(current().db, dataset);
    // About 300 kB each: 60 of them make 18 MB, far more than one response should carry.
    await storeResponses(
      current().db,
      Array.from({ length: LARGE }, (_, i) => largeResponse(`qr-large-${i}`, 30)),
    );
    // One record alone larger than a page.
    await storeResponses(current().db, [largeResponse('qr-huge', 200)]);
    await settle(current().db);
    app = await buildApp({ db: current().db, version: 'test', now: () => new Date('2026-11-20T09:30:00.000Z') });
    token = await signIn(app, 'ana', 'device-ana-large');
  });
  afterAll(() => app.close());

  it('[S13] pages are cut by size: each stays near the budget, the huge record comes alone, every record arrives once', async () => {
    const received: string[] = [];
    const sizes: { bytes: number; records: number; huge: boolean }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages, 'the download never ends').toBeLessThan(200);
      const res = await pull(app, token, { cursor, limit: PULL_PAGE_MAX });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const page = pullResponseSchema.parse(res.json());
      received.push(...page.records.map((r) => r.id));
      sizes.push({ bytes: res.rawPayload.length, records: page.records.length, huge: page.records.some((r) => r.id === 'qr-huge') });
      cursor = page.cursor;
      if (!page.hasMore) break;
    }

    expect(new Set(received).size).toBe(received.length);
    const large = [...Array.from({ length: LARGE }, (_, i) => `qr-large-${i}`), 'qr-huge'];
    expect([...received].sort()).toEqual([...idsInScope(dataset, [NORTH]), ...large].sort());
    // The 18 MB of large records need a dozen pages or more, none of them much over the budget...
    expect(sizes.length).toBeGreaterThanOrEqual(12);
    for (const size of sizes.filter((s) => !s.huge)) expect(size.bytes).toBeLessThan(PULL_PAGE_BYTES + 100_000);
    // ...and the one larger than a page comes on its own.
    expect(sizes.filter((s) => s.huge)).toEqual([{ bytes: expect.any(Number), records: 1, huge: true }]);
  });
});
