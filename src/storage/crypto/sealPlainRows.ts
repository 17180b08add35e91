/**
 * The re-encryption pass: seals every body still in clear (a database written before
 * encryption). Runs in the worker at unlock. Works in batches, each committed on its own, so
 * a killed tab loses at most the batch in flight and the next unlock carries on; idempotent,
 * because sealed bodies are skipped. A row is replaced only if it is still in clear when the
 * batch commits: anything written meanwhile was sealed already, and is left alone.
 */
import type { Table } from 'dexie';
import type { RecordCodec } from '../codec';
import { entityTables, type RoundsDb } from '../db';
import { isSealed } from './aesGcmCodec';

const BATCH = 200;

/** The fields of a row that hold sealed values. */
type Sealable = Record<string, unknown>;

async function sealTable(db: RoundsDb, codec: RecordCodec, table: Table<Sealable, unknown>, fields: readonly string[]): Promise<number> {
  const needs = (row: Sealable) => fields.some((f) => row[f] !== undefined && !isSealed(row[f]));
  // Every table here has a single-field primary key (`id` or `seq`).
  const keyPath = table.schema.primKey.keyPath as string;
  let sealed = 0;
  let after: unknown = undefined;
  for (;;) {
    const page: Sealable[] = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(BATCH).toArray();
    if (page.length === 0) return sealed;
    const keys = page.map((row) => row[keyPath]);
    after = keys[keys.length - 1];
    const todo: { key: unknown; row: Sealable }[] = [];
    for (let i = 0; i < page.length; i++) {
      const row = page[i] as Sealable;
      if (!needs(row)) continue;
      const next: Sealable = { ...row };
      // Seal outside the transaction: WebCrypto cannot be awaited inside one.
      for (const f of fields) if (row[f] !== undefined && !isSealed(row[f])) next[f] = await codec.seal(row[f]);
      todo.push({ key: keys[i], row: next });
    }
    if (todo.length === 0) continue;
    await db.transaction('rw', table, async () => {
      for (const { key, row } of todo) {
        const current = await table.get(key as never);
        if (!current || !needs(current)) continue;
        await table.put(row);
        sealed += 1;
      }
    });
  }
}

/** Returns how many rows it sealed (0 once everything is sealed). */
export async function sealPlainRows(db: RoundsDb, codec: RecordCodec): Promise<number> {
  let sealed = 0;
  const asSealable = (t: unknown) => t as Table<Sealable, unknown>;
  for (const table of entityTables(db)) sealed += await sealTable(db, codec, asSealable(table), ['body']);
  sealed += await sealTable(db, codec, asSealable(db.outbox), ['body']);
  sealed += await sealTable(db, codec, asSealable(db.rejections), ['body', 'record']);
  sealed += await sealTable(db, codec, asSealable(db.plans), ['body']);
  const session = await db.meta.get('session');
  if (session && !isSealed(session.value)) {
    const value = await codec.seal(session.value);
    await db.transaction('rw', db.meta, async () => {
      const current = await db.meta.get('session');
      if (current && !isSealed(current.value)) {
        await db.meta.put({ key: 'session', value });
        sealed += 1;
      }
    });
  }
  return sealed;
}
