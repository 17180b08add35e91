/**
 * A fingerprint of every row of every table of the database the app writes to: a refused
 * request must leave it exactly as it was. Taking it costs tens of milliseconds, so the
 * watcher first asks whether any transaction has taken a transaction id since it last looked
 * (PostgreSQL assigns one only to a transaction that writes) and fingerprints only then: exact,
 * because a change is always compared by fingerprint, and cheap while nothing writes.
 */
import type { Db } from '../../../server/src/db/db';

export type Digest = Readonly<Record<string, string>>;

export interface DbDigester {
  digest(): Promise<Digest>;
}

export async function dbDigester(db: Db): Promise<DbDigester> {
  const tables = (
    await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
  ).map((t) => t.name);
  // Row count and a hash of the sorted row texts, per table; jsonb keeps PGlite and pg alike.
  const sql = `select jsonb_build_object(${tables
    .map(
      (name) =>
        `'${name}', (select count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from "${name}" t)`,
    )
    .join(', ')}) as digest`;
  return {
    async digest() {
      const [row] = await db.query<{ digest: Record<string, string> | string }>(sql);
      const value = row?.digest ?? {};
      return typeof value === 'string' ? (JSON.parse(value) as Digest) : value;
    },
  };
}

/** Tables whose fingerprint differs between two digests. */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

export interface WriteWatcher {
  /** Tables whose rows changed since the previous call (or since the watcher was made). */
  changedTables(): Promise<string[]>;
}

export async function writeWatcher(db: Db): Promise<WriteWatcher> {
  const digester = await dbDigester(db);
  const xmax = async () => (await db.query<{ xmax: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as xmax'))[0]?.xmax ?? '';
  let lastMark = await xmax();
  let lastDigest = await digester.digest();
  return {
    async changedTables() {
      const mark = await xmax();
      if (mark === lastMark) return [];
      const digest = await digester.digest();
      const changed = changedTables(lastDigest, digest);
      lastMark = mark;
      lastDigest = digest;
      return changed;
    },
  };
}
