/**
 * Real databases for server tests, never doubles. PGlite in memory always; PostgreSQL as well
 * when DATABASE_URL is set, each opened database in a schema of its own (dropped on close) so
 * test files running in parallel on one server do not see each other's tables.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db, DbKind } from '../src/db/db';
import { openPglite } from '../src/db/pglite';
import { createPostgresDb } from '../src/db/postgres';
import { migrate } from '../src/migrations/migrate';

export interface TestDb {
  readonly kind: DbKind;
  readonly db: Db;
  /** Empties every table (the schema stays) and waits until pull can see past the truncate. */
  reset(): Promise<void>;
  /**
   * PostgreSQL only: another connection pool on the same database, as a second app server
   * process would have. The caller closes it (before `close()`).
   */
  openPeer(): Db;
  /** Idempotent. */
  close(): Promise<void>;
}

export interface OpenTestDbOptions {
  /** Apply the migrations (default true). */
  readonly migrate?: boolean;
}

// audit_events is append-only (its triggers refuse truncate); tests lift that for the reset only.
// server_secrets is kept: it is per database, not per data set.
const ALL_TABLES = 'coverages, office_alert_states, contact_facts, appointment_facts, care_gap_facts, audit_events, sync_events, sign_in_attempts, org_settings, refused_mutations, scope_exits, territory_releases, device_mutations, spent_refresh_tokens, sessions, devices, user_territories, patient_records, appointments, care_gaps, patients, facilities, users, territories, orgs';

/**
 * The databases the server suites run on: embedded PGlite always, PostgreSQL when
 * DATABASE_URL is set. CI sets ROUNDS_REQUIRE_POSTGRES=1 so that a machine without PostgreSQL
 * fails the run instead of skipping the PostgreSQL half silently.
 */
export function testDbKinds(): DbKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.ROUNDS_REQUIRE_POSTGRES === '1') {
    throw new Error('ROUNDS_REQUIRE_POSTGRES=1 but DATABASE_URL is not set: these suites must also run on PostgreSQL');
  }
  return ['pglite'];
}

export async function openTestDb(kind: DbKind = 'pglite', options: OpenTestDbOptions = {}): Promise<TestDb> {
  const opened: OpenedDb =
    kind === 'pglite' ? { db: await openPglite({}), dispose: async () => undefined, peer: null } : await openPostgresSchema();
  const { db } = opened;
  if (options.migrate ?? true) await migrate(db);
  let closed = false;
  return {
    kind,
    db,
    async reset() {
      await db.exec(
        `alter table audit_events disable trigger user; truncate ${ALL_TABLES}; alter table audit_events enable trigger user;`,
      );
      await settle(db);
    },
    openPeer() {
      if (!opened.peer) throw new Error('a second connection pool needs PostgreSQL; PGlite is one connection');
      return opened.peer();
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        await opened.dispose();
      }
    },
  };
}

/**
 * Opens a describe block per test database, with the database open for the whole block.
 * `current()` gives the open database inside tests and hooks; `kind` is known up front, for
 * `it.skipIf`.
 */
export function describeEachDb(
  title: string,
  body: (current: () => TestDb, kind: DbKind) => void,
  options: OpenTestDbOptions = {},
): void {
  describe.each(testDbKinds())(`${title} [%s]`, (kind) => {
    let testDb: TestDb | undefined;
    beforeAll(async () => {
      testDb = await openTestDb(kind, options);
    });
    afterAll(async () => {
      await testDb?.close();
    });
    body(() => {
      if (!testDb) throw new Error('the test database is not open yet');
      return testDb;
    }, kind);
  });
}

/**
 * Waits until every transaction that had an id when this was called has finished. Pull only
 * delivers rows below the oldest running transaction (see pullChanges.ts); on a PostgreSQL
 * server shared with other test files running in parallel, one of their transactions could
 * otherwise hold back rows this test just wrote. A no-op in effect on PGlite.
 */
export async function settle(db: Db): Promise<void> {
  const [mark] = await db.query<{ xmax: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as xmax');
  const target = BigInt(mark?.xmax ?? '0');
  for (let attempt = 0; attempt < 400; attempt++) {
    const [now] = await db.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
    if (BigInt(now?.xmin ?? '0') >= target) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('another transaction kept running for 10 s; pulls cannot see past it');
}

interface OpenedDb {
  readonly db: Db;
  readonly dispose: () => Promise<void>;
  readonly peer: (() => Db) | null;
}

async function openPostgresSchema(): Promise<OpenedDb> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (client) => client.query(`create schema ${schema}`));
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const connect = () =>
    createPostgresDb({
      connectionString: scoped.toString(),
      onIdleError: (error) => console.error('idle PostgreSQL connection failed', error),
    });
  return { db: connect(), dispose: () => withAdmin(url, (client) => client.query(`drop schema ${schema} cascade`)), peer: connect };
}

async function withAdmin(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
