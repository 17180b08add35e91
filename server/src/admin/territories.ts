/**
 * The organisation's territories with how many patients each holds and who works it;
 * creating one (`admin.territory.create`) and renaming one (`admin.territory.rename`).
 * Names are unique within an organisation (ignoring case), so people can tell them apart.
 */
import { randomUUID } from 'node:crypto';
import type { AdminTerritory } from '../../../src/protocol/admin';
import type { Role } from '../../../src/domain/user';
import { recordAudit } from '../audit/recordAudit';
import type { Db } from '../db/db';
import type { AdminContext } from './adminDeps';
import { badRequest, done, notFound, refusal, type AdminOutcome } from './outcome';

const TERRITORY_QUERY = `select t.id, t.org_id as "orgId", t.name,
    (select count(*)::int from patients p where p.territory_id = t.id and not p.deleted) as "patientCount",
    (select json_agg(json_build_object('id', u.id, 'name', u.name, 'role', u.role) order by u.name, u.id)
       from user_territories ut join users u on u.id = ut.user_id where ut.territory_id = t.id) as people
  from territories t`;

interface TerritoryRow {
  id: string;
  orgId: string;
  name: string;
  patientCount: number;
  people: { id: string; name: string; role: Role }[] | null;
}

export async function listTerritories(db: Db, orgId: string): Promise<AdminTerritory[]> {
  const rows = await db.query<TerritoryRow>(`${TERRITORY_QUERY} where t.org_id = $1 order by lower(t.name), t.id`, [orgId]);
  return rows.map(toAdminTerritory);
}

async function nameTaken(tx: Db, orgId: string, name: string, except: string | null): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    'select id from territories where org_id = $1 and lower(name) = lower($2) and id is distinct from $3',
    [orgId, name, except],
  );
  return rows.length > 0;
}

export function createTerritory(ctx: AdminContext, name: string): Promise<AdminOutcome<AdminTerritory>> {
  const { orgId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    if (await nameTaken(tx, orgId, name, null)) return badRequest(`name: a territory named "${name}" already exists`);
    const id = `ter-${randomUUID()}`;
    await tx.query('insert into territories (id, org_id, name) values ($1, $2, $3)', [id, orgId, name]);
    await recordAudit(tx, ctx.auditActor, ctx.now, [{ action: 'admin.territory.create', entityKind: 'territory', entityId: id, detail: { name } }]);
    return done({ id, name, patientCount: 0, people: [] });
  });
}

export function renameTerritory(ctx: AdminContext, territoryId: string, name: string): Promise<AdminOutcome<AdminTerritory>> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<TerritoryRow>(`${TERRITORY_QUERY} where t.id = $1 for update of t`, [territoryId]);
    const missing = `No territory ${territoryId} in your organisation`;
    if (!row) return notFound(missing);
    const denied = refusal(ctx.actor, 'territory.manage', { type: 'territory', orgId: row.orgId, territoryId }, missing);
    if (denied) return denied;
    if (row.name === name) return done(toAdminTerritory(row));
    if (await nameTaken(tx, row.orgId, name, territoryId)) return badRequest(`name: a territory named "${name}" already exists`);
    await tx.query('update territories set name = $2 where id = $1', [territoryId, name]);
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      { action: 'admin.territory.rename', entityKind: 'territory', entityId: territoryId, changes: [{ field: 'name', before: row.name, after: name }] },
    ]);
    return done(toAdminTerritory({ ...row, name }));
  });
}

function toAdminTerritory(row: TerritoryRow): AdminTerritory {
  return { id: row.id, name: row.name, patientCount: Number(row.patientCount), people: row.people ?? [] };
}
