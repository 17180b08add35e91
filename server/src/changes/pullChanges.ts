/**
 * Changes after a cursor, within a caller's scope, one page at a time. Owns the ordering and
 * cursor rules; knows nothing of HTTP or of who the caller is beyond their scope.
 *
 * Why a cursor can never skip a row that commits late
 * ---------------------------------------------------
 * Every insert or update stamps the row with `version` (a global sequence) and `txid` (the
 * writing transaction's id), by trigger. Neither is commit order: transaction 101 may commit
 * before transaction 100, and a "version > cursor" scheme would then hand out 101's rows,
 * move the cursor past them, and never deliver 100's rows once they commit.
 *
 * So a page only contains rows with `txid < xmin`, where xmin is `pg_snapshot_xmin` of a
 * snapshot taken no later than the one that reads the rows. Every transaction with an id below
 * xmin had finished (committed or aborted) when that snapshot was taken, so:
 *   1. all rows they wrote are visible to the read, and
 *   2. no row with `txid < xmin` can ever appear later: transactions still running, and any
 *      started afterwards, have ids >= xmin, and rewriting a row restamps it with the new txid.
 * The rows below xmin are therefore final, and reading them in `(txid, version)` order, with
 * the cursor at the last row delivered, cannot pass over anything that shows up later.
 *
 * When a page holds everything left below xmin, the cursor jumps to the watermark `(xmin, 0)`:
 * by (2) nothing can appear at or before it, and versions start at 1, so every row transaction
 * xmin may still write sorts after it. An idle client's cursor thus keeps up with the database
 * instead of pinning an old position. The cursor never moves backwards: the new cursor is the
 * later of the request's cursor and the position reached.
 *
 * The price: one long-running writing transaction anywhere in the cluster holds xmin back, and
 * newer changes wait until it ends. They are delayed, never lost.
 *
 * Pages are cut by size as well as by count
 * -----------------------------------------
 * A page stops before the record that would take its records' JSON past `maxBytes` (but holds
 * at least one record, however large), so a scope of large records (long notes, questionnaires
 * with long answers) downloads in several pages instead of one response too big to build or
 * parse. A cut by size is an ordinary cut: the cursor is the last row served, even in the middle
 * of a transaction's rows, and the next page resumes exactly after it. The sizes are summed in
 * the database, so the rows past the cut never leave it.
 */
import type { OrgId, TerritoryId } from '../../../src/domain/ids';
import type { EntityKind, EntityRecord } from '../../../src/protocol/entities';
import type { Db } from '../db/db';
import { laterCursor, type PullCursor } from './cursor';

export interface PullScope {
  readonly orgId: OrgId;
  readonly territoryIds: readonly TerritoryId[];
}

export interface PullRequestParams {
  readonly scope: PullScope;
  /** Deliver changes strictly after this position. */
  readonly after: PullCursor;
  /** At most this many records. */
  readonly limit: number;
  /** At most about this many bytes of record JSON, unless one record alone is larger; PULL_PAGE_BYTES by default. */
  readonly maxBytes?: number;
}

/** The size a pull page aims to stay under: large enough for thousands of ordinary records. */
export const PULL_PAGE_BYTES = 1_500_000;
/** What a record costs besides its data: kind, id, version, the JSON around them. */
const RECORD_OVERHEAD_BYTES = 100;

export interface PullPage {
  readonly records: EntityRecord[];
  /**
   * Patients that left the caller's scope (moved to a territory the caller does not have),
   * in this page's stretch of the change order. The device evicts them once their pending
   * changes are pushed (S16).
   */
  readonly leftScope: string[];
  readonly cursor: PullCursor;
  readonly hasMore: boolean;
  /**
   * The patients whose records (the patient itself or anything it owns) this page delivers,
   * each once: what the audit trail records as read. Facilities and scope exits name none.
   */
  readonly patientIds: string[];
}

interface ChangeRow {
  kind: EntityKind | 'scopeExit';
  id: string;
  /** The owning patient; null for facilities and scope exits. */
  pid: string | null;
  version: number;
  deleted: boolean;
  data: unknown;
  /** xid8 as a decimal string. */
  txid: string;
  /** Bytes of this row and every row before it in the page (a bigint sum, hence maybe a string). */
  running: string | number;
}

/*
 * Each branch takes its own first `limit` rows after the cursor (so each can use its
 * (txid, version) index) and the outer query keeps the first `limit` of their union. Care gaps,
 * appointments and every patient record (contact points, caregivers, tasks...) are in scope
 * through their patient's territory; a patient record's kind comes from its row. A scope
 * exit counts only while the patient is still outside the caller's territories: one that has
 * come back since is delivered by its (restamped) rows instead.
 * The outer query sums the rows' sizes in delivery order and keeps the first row, the rows
 * within the budget, and the first row past them, without its data: that one only tells that
 * there is more. (The first row past them is the second row, or one whose predecessors fit.)
 * $1 org, $2 territory ids, $3/$4 cursor, $5 xmin, $6 rows wanted, $7 byte budget.
 */
const CHANGES_SQL = /* sql */ `
select kind, id, pid, version, deleted, txid, running,
       case when n = 1 or running <= $7::bigint then data end as data
  from (select u.*,
               row_number() over w as n,
               sum(${RECORD_OVERHEAD_BYTES} + case when u.deleted or u.data is null then 0 else octet_length(u.data::text) end) over w as running
          from (
(select 'patient' as kind, p.id, p.id as pid, p.version, p.deleted, p.data, p.txid
   from patients p
  where p.org_id = $1 and p.territory_id = any($2::text[])
    and p.txid < $5::xid8 and (p.txid, p.version) > ($3::xid8, $4::bigint)
  order by p.txid, p.version limit $6)
union all
(select 'careGap', g.id, g.patient_id, g.version, g.deleted, g.data, g.txid
   from care_gaps g join patients p on p.id = g.patient_id
  where p.org_id = $1 and p.territory_id = any($2::text[])
    and g.txid < $5::xid8 and (g.txid, g.version) > ($3::xid8, $4::bigint)
  order by g.txid, g.version limit $6)
union all
(select 'appointment', a.id, a.patient_id, a.version, a.deleted, a.data, a.txid
   from appointments a join patients p on p.id = a.patient_id
  where p.org_id = $1 and p.territory_id = any($2::text[])
    and a.txid < $5::xid8 and (a.txid, a.version) > ($3::xid8, $4::bigint)
  order by a.txid, a.version limit $6)
union all
(select r.kind, r.id, r.patient_id, r.version, r.deleted, r.data, r.txid
   from patient_records r join patients p on p.id = r.patient_id
  where p.org_id = $1 and p.territory_id = any($2::text[])
    and r.txid < $5::xid8 and (r.txid, r.version) > ($3::xid8, $4::bigint)
  order by r.txid, r.version limit $6)
union all
(select 'scopeExit', e.patient_id, null, e.version, true, null, e.txid
   from scope_exits e join patients p on p.id = e.patient_id
  where e.org_id = $1 and e.territory_id = any($2::text[]) and not (p.territory_id = any($2::text[]))
    and e.txid < $5::xid8 and (e.txid, e.version) > ($3::xid8, $4::bigint)
  order by e.txid, e.version limit $6)
union all
(select 'facility', f.id, null, f.version, f.deleted, f.data, f.txid
   from facilities f
  where f.org_id = $1
    and f.txid < $5::xid8 and (f.txid, f.version) > ($3::xid8, $4::bigint)
  order by f.txid, f.version limit $6)
order by txid, version
limit $6
               ) u
        window w as (order by u.txid, u.version rows between unbounded preceding and current row)) sized
 where n <= 2 or running - (${RECORD_OVERHEAD_BYTES} + case when deleted or data is null then 0 else octet_length(data::text) end) <= $7::bigint
 order by txid, version`;

export async function pullChanges(db: Db, { scope, after, limit, maxBytes = PULL_PAGE_BYTES }: PullRequestParams): Promise<PullPage> {
  // xmin must come from a snapshot no later than the one reading the rows (see above); a
  // separate, earlier statement satisfies that on a pool as well as on one connection.
  const [watermark] = await db.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
  if (!watermark) throw new Error('pg_current_snapshot returned no row');
  const xmin = BigInt(watermark.xmin);

  const rows = await db.query<ChangeRow>(CHANGES_SQL, [
    scope.orgId,
    scope.territoryIds,
    after.txid.toString(),
    after.version,
    xmin.toString(),
    limit + 1,
    maxBytes,
  ]);

  // A prefix of the change order: the first row always, then every row within the budget.
  const fits = (row: ChangeRow, i: number) => i === 0 || Number(row.running) <= maxBytes;
  const page = rows.slice(0, limit).filter(fits);
  const hasMore = rows.length > page.length;
  const last = page.at(-1);
  const reached: PullCursor =
    hasMore && last ? { txid: BigInt(last.txid), version: last.version } : { txid: xmin, version: 0 };
  const records: EntityRecord[] = [];
  const leftScope: string[] = [];
  const patientIds = new Set<string>();
  for (const row of page) {
    if (row.kind === 'scopeExit') leftScope.push(row.id);
    else records.push(toRecord({ ...row, kind: row.kind }));
    if (row.pid !== null) patientIds.add(row.pid);
  }
  return { records, leftScope: [...new Set(leftScope)], cursor: laterCursor(after, reached), hasMore, patientIds: [...patientIds] };
}

function toRecord(row: ChangeRow & { kind: EntityKind }): EntityRecord {
  // The jsonb was written from a validated Dataset or entity; the kind column says which.
  const data = row.deleted ? null : row.data;
  return { kind: row.kind, id: row.id, version: row.version, deleted: row.deleted, data } as EntityRecord;
}
