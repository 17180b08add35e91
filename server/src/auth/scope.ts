/**
 * Which territories a signed-in person may see: a specialist their assigned territories, a
 * supervisor or admin every territory of their organisation. This is the only place the
 * rule lives; login reports it and pull filters by it.
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
  switch (subject.role) {
    case 'specialist':
      return db.query<TerritorySummary>(
        `select t.id, t.name from territories t
           join user_territories ut on ut.territory_id = t.id
          where ut.user_id = $1 and t.org_id = $2
          order by t.name, t.id`,
        [subject.userId, subject.orgId],
      );
    case 'supervisor':
    case 'admin':
      return db.query<TerritorySummary>('select id, name from territories where org_id = $1 order by name, id', [
        subject.orgId,
      ]);
  }
}
