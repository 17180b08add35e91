/**
 * Reading the organisation's audit trail, newest first, with filters and keyset paging on
 * (at, id): a page never repeats or skips an event, however many are written meanwhile.
 * The paging mark carries `at` to the microsecond, as the database holds it.
 */
import { AUDIT_PAGE_DEFAULT, type AuditEventRow, type AuditPage, type AuditQuery } from '../../../src/protocol/admin';
import type { Db } from '../db/db';
import { iso } from './outcome';

interface EventRow extends Omit<AuditEventRow, 'at' | 'id'> {
  id: string;
  at: Date;
  mark: string;
}

export async function readAuditPage(db: Db, orgId: string, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  const where = ['e.org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.from !== undefined) add((p) => `e.at >= ${p}::timestamptz`, query.from);
  if (query.to !== undefined) add((p) => `e.at < ${p}::timestamptz`, query.to);
  if (query.userId !== undefined) add((p) => `e.user_id = ${p}`, query.userId);
  if (query.patientId !== undefined) add((p) => `e.patient_id = ${p}`, query.patientId);
  if (query.action !== undefined) add((p) => `e.action = ${p}`, query.action);
  if (query.entityKind !== undefined) add((p) => `e.entity_kind = ${p}`, query.entityKind);
  if (query.before !== undefined) {
    const [at, id] = query.before.split('~') as [string, string];
    params.push(at, id);
    where.push(`(e.at, e.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  params.push(limit + 1);
  const rows = await db.query<EventRow>(
    `select e.id::text as id, e.at,
            to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || e.id::text as mark,
            e.user_id as "userId", u.name as "userName", e.device_id as "deviceId", e.address, e.action,
            e.entity_kind as "entityKind", e.entity_id as "entityId", e.patient_id as "patientId", e.changes, e.detail
       from audit_events e left join users u on u.id = e.user_id
      where ${where.join(' and ')}
      order by e.at desc, e.id desc
      limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    events: page.map(({ mark: _mark, at, ...row }) => ({ ...row, at: iso(at)! })),
    next: rows.length > limit ? (page.at(-1)?.mark ?? null) : null,
  };
}
