/**
 * Chooses and opens the database: PostgreSQL when a URL is given, otherwise PGlite in `dataDir`
 * (or in memory when neither is given, as in tests). Failing to open is an expected outcome at
 * startup, so it is returned as a value with a plain-language message for the operator.
 */
import { mkdirSync } from 'node:fs';
import type { Db } from './db';
import { lockDataDir } from './dataDirLock';
import { openPglite } from './pglite';
import { createPostgresDb } from './postgres';

export interface OpenDbOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** Where to report a pooled PostgreSQL connection that failed while idle. */
  readonly onIdleError?: (error: Error) => void;
}

export type OpenDbFailure = 'postgres_unreachable' | 'postgres_rejected' | 'data_dir_in_use' | 'data_dir_unusable';

export type OpenDbResult = { ok: true; db: Db } | { ok: false; code: OpenDbFailure; message: string };

/** PostgreSQL error classes that mean "reached the server, but it said no" (auth, no such db). */
const REJECTED_SQLSTATE = /^(28|3D)/;

export async function openDb(options: OpenDbOptions): Promise<OpenDbResult> {
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl, options.onIdleError);
  if (options.dataDir !== undefined) return openPgliteDir(options.dataDir);
  return { ok: true, db: await openPglite({}) };
}

async function openPostgres(url: string, onIdleError = defaultIdleError): Promise<OpenDbResult> {
  const db = createPostgresDb({ connectionString: url, onIdleError });
  try {
    await db.query('select 1');
    return { ok: true, db };
  } catch (error) {
    await db.close().catch(() => undefined);
    const sqlState = (error as { code?: unknown }).code;
    const detail = error instanceof Error ? error.message : String(error);
    if (typeof sqlState === 'string' && REJECTED_SQLSTATE.test(sqlState)) {
      return {
        ok: false,
        code: 'postgres_rejected',
        message:
          `The PostgreSQL server in DATABASE_URL refused the connection (${detail}). ` +
          'Check the user, password and database name.',
      };
    }
    return {
      ok: false,
      code: 'postgres_unreachable',
      message:
        `Could not reach the PostgreSQL server in DATABASE_URL (${detail}). ` +
        'Check that it is running and the URL is right.',
    };
  }
}

async function openPgliteDir(dataDir: string): Promise<OpenDbResult> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const message = `Cannot create the data folder ${dataDir} (${describe(error)}).`;
    return { ok: false, code: 'data_dir_unusable', message };
  }
  const lockPath = `${dataDir}.lock`;
  const lock = lockDataDir(lockPath);
  if (!lock.ok) {
    return {
      ok: false,
      code: 'data_dir_in_use',
      message:
        `The data folder ${dataDir} is in use by another server (process ${lock.pid}). ` +
        `Stop it first, or delete ${lockPath} if that process is not a Rounds server.`,
    };
  }
  try {
    const db = await openPglite({ dataDir });
    return {
      ok: true,
      db: {
        ...db,
        close: async () => {
          try {
            await db.close();
          } finally {
            lock.release();
          }
        },
      },
    };
  } catch (error) {
    lock.release();
    const message = `Cannot open the database in ${dataDir} (${describe(error)}).`;
    return { ok: false, code: 'data_dir_unusable', message };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultIdleError(error: Error): void {
  console.error(`PostgreSQL connection lost while idle: ${error.message}`);
}
