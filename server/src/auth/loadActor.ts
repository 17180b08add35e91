/**
 * Turns a session into the policy's Actor (auth/policy.ts): the territories the person works
 * on the server's day (auth/scope.ts: assigned, or covered for a colleague today) and, for a
 * supervisor, their team and its territories. Run by the session gate once per request; the
 * policy itself never touches the database. It first settles the person's ended coverages
 * (office/coverageEnds.ts), so a push is judged against their releases.
 */
import type { Db } from '../db/db';
import { settleEndedCoverages } from '../office/coverageEnds';
import type { Actor } from './policy';
import { territoriesInScope } from './scope';
import type { Session } from './sessions';

export async function loadActor(db: Db, session: Session, now: Date): Promise<Actor> {
  await settleEndedCoverages(db, session.userId, now);
  const own = await territoriesInScope(db, session, now);
  const [row] = await db.query<{ team: string[] | null; teamTerritories: string[] | null }>(
    `select
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
    territoryIds: new Set(own.map((t) => t.id)),
    teamUserIds: new Set(row?.team ?? []),
    teamTerritoryIds: new Set(row?.teamTerritories ?? []),
  };
}
