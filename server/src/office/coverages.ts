/**
 * Covering an absent colleague: `POST /api/office/coverages` gives a specialist a territory for
 * a range of UTC days (from and to inclusive, on the server's clock), `DELETE
 * /api/office/coverages/:id` cancels one. While current, the territory is in the covering
 * person's sync scope (auth/scope.ts); when it ends its release is written
 * (office/coverageEnds.ts) so push keeps the work done while covering (S16).
 *
 * Rules: the person is an enabled specialist of the actor's team (an admin: of the
 * organisation) who does not already work the territory, the territory is the team's, the
 * last day is not in the past, and the person has no other coverage of the territory on any of
 * those days. Each change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { CancelCoverageResponse, Coverage, CreateCoverageRequest } from '../../../src/protocol/officeAssignments';
import { utcDay } from '../auth/scope';
import { recordAudit } from '../audit/recordAudit';
import { authorFromSession as auditActorOf } from '../changes/writeRecord';
import { actRefusal, coveragesOf, refused, type AssignmentsRequest } from './assignments';
import { releaseCancelledCoverage } from './coverageEnds';
import type { OfficeOutcome } from './escalations';

export async function createCoverage(req: AssignmentsRequest, body: CreateCoverageRequest): Promise<OfficeOutcome<Coverage>> {
  const { actor } = req;
  const today = utcDay(req.now);
  return req.db.transaction(async (tx): Promise<OfficeOutcome<Coverage>> => {
    const [territory] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2', [body.territoryId, actor.orgId]);
    if (!territory) return refused('not_found', `territoryId: no territory ${body.territoryId} in your organisation`);
    // Locks the person, so two coverages of them cannot be checked for overlap at once.
    const [user] = await tx.query<{ role: string; disabled: boolean }>(
      'select role, disabled_at is not null as disabled from users where id = $1 and org_id = $2 for update',
      [body.userId, actor.orgId],
    );
    if (!user) return refused('not_found', `userId: no person ${body.userId} in your organisation`);
    const denied = actRefusal(actor, body.territoryId, body.userId);
    if (denied) return denied;
    if (user.role !== 'specialist') return refused('bad_request', 'userId: only a specialist covers a territory');
    if (user.disabled) return refused('bad_request', 'userId: this account is disabled');
    if (body.to < today) return refused('bad_request', `to: the last day (${body.to}) is already past; today is ${today} (UTC)`);
    const [works] = await tx.query('select 1 from user_territories where user_id = $1 and territory_id = $2', [body.userId, body.territoryId]);
    if (works) return refused('conflict', 'This person already works this territory');
    const [overlap] = await tx.query<{ from: string; to: string }>(
      `select to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from coverages
        where user_id = $1 and territory_id = $2 and cancelled_at is null and from_date <= $4::date and to_date >= $3::date
        limit 1`,
      [body.userId, body.territoryId, body.from, body.to],
    );
    if (overlap) return refused('conflict', `This person already covers this territory from ${overlap.from} to ${overlap.to}`);
    const id = `cov-${randomUUID()}`;
    await tx.query(
      `insert into coverages (id, org_id, user_id, territory_id, from_date, to_date, created_by, created_at)
       values ($1, $2, $3, $4, $5::date, $6::date, $7, $8)`,
      [id, actor.orgId, body.userId, body.territoryId, body.from, body.to, actor.userId, req.now.toISOString()],
    );
    await recordAudit(tx, auditActorOf(actor, req.address), req.now, [
      { action: 'office.coverage.create', entityKind: 'coverage', entityId: id, detail: { userId: body.userId, territoryId: body.territoryId, from: body.from, to: body.to } },
    ]);
    const [created] = (await coveragesOf(tx, actor.orgId, [body.userId], today)).filter((c) => c.id === id);
    if (!created) throw new Error('a coverage just written is not found');
    return { ok: true, value: created };
  });
}

/**
 * Ends a coverage now. A current one leaves its release at once (its territory may be on the
 * device); one not yet begun leaves none. One already over cannot be cancelled, and a second
 * cancellation changes nothing.
 */
export async function cancelCoverage(req: AssignmentsRequest, coverageId: string): Promise<OfficeOutcome<CancelCoverageResponse>> {
  const { actor } = req;
  const today = utcDay(req.now);
  return req.db.transaction(async (tx): Promise<OfficeOutcome<CancelCoverageResponse>> => {
    const [row] = await tx.query<{ userId: string; territoryId: string; fromDate: string; toDate: string; cancelled: boolean }>(
      `select user_id as "userId", territory_id as "territoryId", to_char(from_date, 'YYYY-MM-DD') as "fromDate",
              to_char(to_date, 'YYYY-MM-DD') as "toDate", cancelled_at is not null as cancelled
         from coverages where id = $1 and org_id = $2 for update`,
      [coverageId, actor.orgId],
    );
    if (!row) return refused('not_found', `No coverage ${coverageId} in your organisation`);
    const denied = actRefusal(actor, row.territoryId, row.userId);
    if (denied) return denied;
    if (row.cancelled) return { ok: true, value: { id: coverageId, cancelled: false } };
    if (row.toDate < today) return refused('conflict', `This coverage ended on ${row.toDate}; there is nothing to cancel`);
    await tx.query('update coverages set cancelled_at = $2, cancelled_by = $3, released_at = $2 where id = $1', [
      coverageId,
      req.now.toISOString(),
      actor.userId,
    ]);
    await releaseCancelledCoverage(tx, row, req.now);
    await recordAudit(tx, auditActorOf(actor, req.address), req.now, [
      { action: 'office.coverage.cancel', entityKind: 'coverage', entityId: coverageId, detail: { userId: row.userId, territoryId: row.territoryId } },
    ]);
    return { ok: true, value: { id: coverageId, cancelled: true } };
  });
}
