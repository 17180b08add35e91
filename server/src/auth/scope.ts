/**
 * Which territories a signed-in person syncs to their device: the ones they work (assigned,
 * or covered for a colleague), whatever their role. Supervisors and administrators do not
 * download the organisation; they see their team through the office's server-side views, and
 * usually work no territory themselves, so their devices hold no patients. This is the only
 * place the rule lives; login reports it and pull filters by it (each territory also passes
 * `authorize(actor, 'records.sync', territory)`).
 */
import type { OrgId, TerritoryId, UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';
import type { Db } from '../db/db';

export interface ScopeSubject {
  readonly userId: UserId;
  readonly orgId: OrgId;
  readonly role: Role;
}

export interface TerritorySummary {
  readonly id: TerritoryId;
  readonly name: string;
}

export function territoriesInScope(db: Db, subject: ScopeSubject): Promise<TerritorySummary[]> {
  return db.query<TerritorySummary>(
    `select t.id, t.name from territories t
       join user_territories ut on ut.territory_id = t.id
      where ut.user_id = $1 and t.org_id = $2
      order by t.name, t.id`,
    [subject.userId, subject.orgId],
  );
}
