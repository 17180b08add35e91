/**
 * Turns a session into the policy's Actor (auth/policy.ts): the territories the person works
 * and, for a supervisor, their team and its territories. One query per request, by the
 * session gate; the policy itself never touches the database.
 */
import type { Db } from '../db/db';
import type { Actor } from './policy';
import type { Session } from './sessions';

export async function loadActor(db: Db, session: Session): Promise<Actor> {
  const [row] = await db.query<{ own: string[] | null; team: string[] | null; teamTerritories: string[] | null }>(
    `select
       (select array_agg(ut.territory_id) from user_territories ut
          join territories t on t.id = ut.territory_id and t.org_id = $2
         where ut.user_id = $1) as own,
       (select array_agg(u.id) from users u where u.supervisor_id = $1 and u.org_id = $2 and $3 = 'supervisor') as team,
       (select array_agg(distinct ut.territory_id) from user_territories ut
          join users u on u.id = ut.user_id and u.supervisor_id = $1 and u.org_id = $2
         where $3 = 'supervisor') as "teamTerritories"`,
    [session.userId, session.orgId, session.role],
  );
  return {
    userId: session.userId,
    orgId: session.orgId,
    role: session.role,
    name: session.name,
    deviceId: session.deviceId,
    territoryIds: new Set(row?.own ?? []),
    teamUserIds: new Set(row?.team ?? []),
    teamTerritoryIds: new Set(row?.teamTerritories ?? []),
  };
}
