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

/** The UTC calendar day of a server instant: the day coverages are judged on (never a device's). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Territories worked on `now`'s UTC day (the server's clock, passed in): assigned
 * (`user_territories`), or covered for a colleague by a coverage whose days include today
 * and that has not been cancelled (migration 16). A coverage that has ended simply stops
 * matching; the release it leaves for push's judgement is written by office/coverageEnds.ts.
 */
export function territoriesInScope(db: Db, subject: ScopeSubject, now: Date): Promise<TerritorySummary[]> {
  return db.query<TerritorySummary>(
    `select t.id, t.name from territories t
      where t.org_id = $2
        and (exists (select 1 from user_territories ut where ut.territory_id = t.id and ut.user_id = $1)
             or exists (select 1 from coverages c
                         where c.territory_id = t.id and c.user_id = $1 and c.org_id = $2 and c.cancelled_at is null
                           and c.from_date <= $3::date and c.to_date >= $3::date))
      order by t.name, t.id`,
    [subject.userId, subject.orgId, utcDay(now)],
  );
}
