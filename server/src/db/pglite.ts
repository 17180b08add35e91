/**
 * Db on PGlite, the embedded WASM PostgreSQL used by `npm start` and the tests. PGlite is a
 * single connection: its `transaction()` holds a mutex, so transactions (and queries issued
 * while one is open) are serialised rather than interleaved.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db';
import { INT8_OID, parseInt8 } from './int8';

export interface PgliteOptions {
  /** Directory for the database files; in memory when omitted. */
  readonly dataDir?: string;
}

export async function openPglite(options: PgliteOptions): Promise<Db> {
  const pg = new PGlite(options.dataDir, { parsers: { [INT8_OID]: parseInt8 } });
  await pg.waitReady;
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pg.query<T>(sql, [...params])).rows;
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction(fn) {
      return pg.transaction((tx) => fn(transactionDb(tx)));
    },
    close: () => pg.close(),
  };
}

function transactionDb(tx: Transaction): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await tx.query<T>(sql, [...params])).rows;
    },
    async exec(sql) {
      await tx.exec(sql);
    },
    transaction: (fn) => fn(db),
    close() {
      throw new Error('close() called on a transaction handle');
    },
  };
  return db;
}
