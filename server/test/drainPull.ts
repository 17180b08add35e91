/**
 * Pulls every page after a cursor for a scope, as a device would, checking on the way that
 * pages respect their limit and that the cursor never moves backwards.
 */
import { expect } from 'vitest';
import type { OrgId, TerritoryId } from '../../src/domain/ids';
import type { EntityRecord } from '../../src/protocol/entities';
import { compareCursors, type PullCursor } from '../src/changes/cursor';
import { pullChanges } from '../src/changes/pullChanges';
import type { Db } from '../src/db/db';

export interface Drained {
  readonly records: EntityRecord[];
  readonly leftScope: string[];
  readonly cursor: PullCursor;
}

export async function drainPull(
  db: Db,
  scope: { readonly orgId: OrgId; readonly territoryIds: readonly TerritoryId[] },
  from: PullCursor,
  limit = 100,
): Promise<Drained> {
  const records: EntityRecord[] = [];
  const leftScope: string[] = [];
  let cursor = from;
  for (;;) {
    const page = await pullChanges(db, { scope, after: cursor, limit });
    expect(page.records.length + page.leftScope.length).toBeLessThanOrEqual(limit);
    records.push(...page.records);
    leftScope.push(...page.leftScope);
    expect(compareCursors(page.cursor, cursor)).toBeGreaterThanOrEqual(0);
    cursor = page.cursor;
    if (!page.hasMore) return { records, leftScope, cursor };
  }
}
