/**
 * The office's Assignments: who works which territory and who covers whom (`GET
 * /api/office/assignments`), and giving a territory to a specialist (`POST
 * /api/office/territories/:id/assign`).
 *
 * Who is in it follows the policy: a supervisor sees and acts on their team (the specialists
 * they supervise and those people's territories, `Actor.teamUserIds` / `teamTerritoryIds`); an
 * administrator on the organisation. Acting is `patient.move` on both the territory and the
 * person (auth/policy.ts). Every change is audited in its own transaction. Knows nothing of HTTP.
 */
import type { AssignmentsResponse, AssignTerritoryResponse, Coverage } from '../../../src/protocol/officeAssignments';
import { authorize, type Actor } from '../auth/policy';
import { utcDay } from '../auth/scope';
import { recordAudit } from '../audit/recordAudit';
import { authorFromSession as auditActorOf } from '../changes/writeRecord';
import type { Db } from '../db/db';
import type { OfficeOutcome } from './escalations';

export interface AssignmentsRequest {
  readonly db: Db;
  readonly actor: Actor;
  readonly now: Date;
  readonly address: string | null;
}

export function refused(code: 'bad_request' | 'forbidden' | 'not_found' | 'conflict', message: string): OfficeOutcome<never> {
  return { ok: false, code, message };
}

/** Null when the actor may look at assignments at all (a supervisor or an admin). */
export function assignmentsRefusal(actor: Actor): OfficeOutcome<never> | null {
  const decision = authorize(actor, 'team.read', { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : refused(decision.code, decision.message);
}

/** The policy's word on acting on a territory and a person together; null when allowed. */
export function actRefusal(actor: Actor, territoryId: string, userId: string | null): OfficeOutcome<never> | null {
  const resources = [
    { type: 'territory', orgId: actor.orgId, territoryId } as const,
    ...(userId === null ? [] : [{ type: 'user', orgId: actor.orgId, userId } as const]),
  ];
  for (const resource of resources) {
    const decision = authorize(actor, 'patient.move', resource);
    if (!decision.allowed) return refused(decision.code, decision.message);
  }
  return null;
}

interface CoverageRow {
  id: string;
  userId: string;
  userName: string;
  territoryId: string;
  territoryName: string;
  from: string;
  to: string;
  createdBy: string;
  createdAt: Date | string;
}

/** Coverages of these people not cancelled and not over on `today`, earliest first. */
export async function coveragesOf(db: Db, orgId: string, userIds: readonly string[], today: string): Promise<Coverage[]> {
  const rows = await db.query<CoverageRow>(
    `select c.id, c.user_id as "userId", u.name as "userName", c.territory_id as "territoryId", t.name as "territoryName",
            to_char(c.from_date, 'YYYY-MM-DD') as "from", to_char(c.to_date, 'YYYY-MM-DD') as "to",
            c.created_by as "createdBy", c.created_at as "createdAt"
       from coverages c join users u on u.id = c.user_id join territories t on t.id = c.territory_id
      where c.org_id = $1 and c.user_id = any($2::text[]) and c.cancelled_at is null and c.to_date >= $3::date
      order by c.from_date, c.to_date, c.id`,
    [orgId, userIds, today],
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    userName: r.userName,
    territoryId: r.territoryId,
    territoryName: r.territoryName,
    from: r.from,
    to: r.to,
    createdBy: r.createdBy,
    createdAt: new Date(r.createdAt).toISOString(),
    current: r.from <= today,
  }));
}

export async function readAssignments(req: AssignmentsRequest): Promise<OfficeOutcome<AssignmentsResponse>> {
  const { db, actor } = req;
  const denied = assignmentsRefusal(actor);
  if (denied) return denied;
  const today = utcDay(req.now);
  const everyone = actor.role === 'admin';
  const specialists = await db.query<{ id: string; name: string }>(
    `select u.id, u.name from users u
      where u.org_id = $1 and u.disabled_at is null and u.role = 'specialist'
        and ($3 or u.id = any($2::text[]))
      order by u.name, u.id`,
    [actor.orgId, [...actor.teamUserIds], everyone],
  );
  const userIds = specialists.map((s) => s.id);
  const held = await db.query<{ userId: string; id: string; name: string }>(
    `select ut.user_id as "userId", t.id, t.name
       from user_territories ut join territories t on t.id = ut.territory_id and t.org_id = $1
      where ut.user_id = any($2::text[])
      order by t.name, t.id`,
    [actor.orgId, userIds],
  );
  const territories = await db.query<{ id: string; name: string; patientCount: number | string }>(
    `select t.id, t.name,
            (select count(*) from patients p where p.territory_id = t.id and not p.deleted) as "patientCount"
       from territories t
      where t.org_id = $1 and ($3 or t.id = any($2::text[]))
      order by t.name, t.id`,
    [actor.orgId, [...actor.teamTerritoryIds], everyone],
  );
  const coverages = await coveragesOf(db, actor.orgId, userIds, today);
  return {
    ok: true,
    value: {
      today,
      specialists: specialists.map((s) => ({
        id: s.id,
        name: s.name,
        territories: held.filter((h) => h.userId === s.id).map(({ id, name }) => ({ id, name })),
        coverages: coverages.filter((c) => c.userId === s.id),
      })),
      territories: territories.map((t) => ({ id: t.id, name: t.name, patientCount: Number(t.patientCount) })),
    },
  };
}

/**
 * Makes `userId` the territory's specialist: the specialists who worked it no longer do (the
 * removal's trigger records their releases, migration 5, so their devices let its patients go
 * after pushing, S16). People of other roles who work it keep it. A supervisor may do so only
 * when every specialist losing it is in their team.
 */
export async function assignTerritory(req: AssignmentsRequest, territoryId: string, userId: string): Promise<OfficeOutcome<AssignTerritoryResponse>> {
  const { actor } = req;
  return req.db.transaction(async (tx): Promise<OfficeOutcome<AssignTerritoryResponse>> => {
    const [territory] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2 for update', [territoryId, actor.orgId]);
    if (!territory) return refused('not_found', `No territory ${territoryId} in your organisation`);
    const [user] = await tx.query<{ role: string; disabled: boolean }>(
      'select role, disabled_at is not null as disabled from users where id = $1 and org_id = $2',
      [userId, actor.orgId],
    );
    if (!user) return refused('not_found', `userId: no person ${userId} in your organisation`);
    const denied = actRefusal(actor, territoryId, userId);
    if (denied) return denied;
    if (user.role !== 'specialist') return refused('bad_request', 'userId: territories are assigned to specialists');
    if (user.disabled) return refused('bad_request', 'userId: this account is disabled');
    const holders = await tx.query<{ userId: string }>(
      `select ut.user_id as "userId" from user_territories ut join users u on u.id = ut.user_id
        where ut.territory_id = $1 and u.role = 'specialist' order by ut.user_id`,
      [territoryId],
    );
    const releasedFrom = holders.map((h) => h.userId).filter((id) => id !== userId);
    for (const other of releasedFrom) {
      const otherDenied = actRefusal(actor, territoryId, other);
      if (otherDenied) return refused('forbidden', 'This territory is also worked by someone outside your team');
    }
    const already = holders.some((h) => h.userId === userId);
    if (already && releasedFrom.length === 0) return { ok: true, value: { territoryId, userId, releasedFrom: [], changed: false } };
    await tx.query('delete from user_territories where territory_id = $1 and user_id = any($2::text[])', [territoryId, releasedFrom]);
    if (!already) await tx.query('insert into user_territories (user_id, territory_id) values ($1, $2)', [userId, territoryId]);
    await recordAudit(tx, auditActorOf(actor, req.address), req.now, [
      {
        action: 'office.territory.assign',
        entityKind: 'territory',
        entityId: territoryId,
        changes: [{ field: 'specialists', before: holders.map((h) => h.userId), after: [userId] }],
      },
    ]);
    return { ok: true, value: { territoryId, userId, releasedFrom, changed: true } };
  });
}
