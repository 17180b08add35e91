/**
 * The one database interface the server talks to, with an embedded (PGlite) and a networked
 * (PostgreSQL via pg.Pool) implementation. Owns the connection and transaction mechanics; knows
 * nothing about tables.
 *
 * Invariants shared by both implementations:
 * - `int8` values (count(*), sequence numbers) arrive as JS numbers; a value beyond 2^53 is a bug
 *   and throws (see int8.ts).
 * - `jsonb` arrives parsed; `jsonb` parameters must be passed as JSON strings (`JSON.stringify`)
 *   with an explicit `::jsonb` cast, because pg would send a JS array as a PostgreSQL array.
 * - `xid8` arrives as a decimal string from both drivers. Compare and order xid8 values in SQL,
 *   never as strings in JS ('10' < '9'); in JS compare them as BigInt.
 */
export type DbKind = 'pglite' | 'postgres';

export interface Db {
  readonly kind: DbKind;
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations, truncates). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it rejects.
   * Called on a transaction handle, it joins the outer transaction instead of nesting, so
   * helpers that need "a transaction" work both standalone and inside a larger one.
   * Inside `fn`, use only `tx`: on PGlite a query on the outer handle waits for the
   * transaction to end, which never happens.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
