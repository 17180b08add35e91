/**
 * Db on a PostgreSQL server through a pg.Pool (`DATABASE_URL`). A transaction borrows one
 * client for its whole life (BEGIN .. COMMIT/ROLLBACK on that client); other work runs on the
 * pool concurrently, which is what lets several app servers share one database.
 */
import pg from 'pg';
import type { Db } from './db';
import { INT8_OID, parseInt8 } from './int8';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Called when an idle pooled connection fails (server restart); the pool replaces it. */
  readonly onIdleError: (error: Error) => void;
}

const CONNECT_TIMEOUT_MS = 5_000;

export function createPostgresDb(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener an idle client's error would crash the process.
  pool.on('error', options.onIdleError);
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, [...params])).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientDb(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is broken: destroy it instead of pooling it.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

function clientDb(client: pg.PoolClient): Db {
  const db: Db = {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as T[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    transaction: (fn) => fn(db),
    close() {
      throw new Error('close() called on a transaction handle');
    },
  };
  return db;
}
