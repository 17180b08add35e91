/**
 * Applies pending migrations in order, each in its own transaction together with its row in
 * `schema_migrations`, so a migration is either fully applied and recorded or not at all.
 *
 * Safe when several app servers start at once against one PostgreSQL: every migration
 * transaction first takes a transaction-scoped advisory lock, so they run one after another
 * and each re-reads `schema_migrations` after getting the lock. (On PGlite, a single
 * connection, the lock is always free; it is still real PostgreSQL and accepts the call.)
 */
import type { Db } from '../db/db';
import { MIGRATIONS, type Migration } from './index';

/** Arbitrary constant shared by every process that migrates this schema ("Rounds" + 1). */
const MIGRATION_LOCK_KEY = 0x526f756e_01;

export interface MigrateResult {
  /** Ids applied by this call, in order; empty when the schema was already current. */
  readonly applied: readonly number[];
}

export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await tx.exec(`create table if not exists schema_migrations (
        id integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
      const done = await tx.query<{ id: number }>('select id from schema_migrations where id = $1', [migration.id]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return { applied };
}
