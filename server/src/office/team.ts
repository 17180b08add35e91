/**
 * The office's Team table (`GET /api/office/team`): one row per specialist of the caller's
 * team with their territories, caseload, overdue patients and how fresh their device's data
 * is (office/syncFreshness.ts), all as of the server's clock (`dataAsOf`).
 *
 * Who is in it follows the policy (`team.read`): a supervisor gets the people they supervise
 * (`Actor.teamUserIds`); an administrator, whom the policy lets read any team of the
 * organisation, gets every specialist of the organisation. Disabled accounts are left out.
 *
 * Definitions (docs/API.md):
 * - caseload: the patients of the person's territories, not deleted, as the server accepted
 *   them (a territory worked by two people counts for both);
 * - overdue: of those, the patients whose next contact due date (`nextDueDate`, which signing
 *   a note writes onto the patient, domain/nextContact.ts) is before today, exactly as the
 *   roster's `dueStateOf` (domain/roster.ts) says "overdue"; today is the server's date (UTC);
 *   a patient with no due date is never overdue.
 * - contacts and visits this week: the person's signed contacts (contact_facts, by author;
 *   docs/METRICS.md "What a contact is") whose contact time is in the current ISO week
 *   (Monday 00:00 UTC, server clock), all channels / the `visit` channel; against the
 *   organisation's weekly targets (migration 17), the same for every specialist.
 * "Not syncing" is after the organisation's no-sync alert threshold (days), so the table and
 * the alert agree.
 * Knows nothing of HTTP; routes/officeTeam.ts answers with it.
 */
import type { TeamMember, TeamResponse } from '../../../src/protocol/office';
import { authorize, type Actor } from '../auth/policy';
import type { Db } from '../db/db';
import { utcDay } from '../auth/scope';
import { readSettings } from '../admin/settings';
import { WEEK_MS, weekStartOf } from './alertsWeek';
import type { OfficeOutcome } from './escalations';
import { syncFreshness } from './syncFreshness';

/** Null when the actor may read a team at all; otherwise why not (403). */
export function teamRefusal(actor: Actor): OfficeOutcome<never> | null {
  const decision = authorize(actor, 'team.read', { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : { ok: false, code: decision.code, message: decision.message };
}

interface MemberRow {
  readonly id: string;
  readonly name: string;
}

interface TerritoryRow {
  readonly userId: string;
  readonly id: string;
  readonly name: string;
}

interface WeekRow {
  readonly userId: string;
  readonly contacts: number | string;
  readonly visits: number | string;
}

interface CountRow {
  readonly territoryId: string;
  readonly caseload: number | string;
  readonly overdue: number | string;
}

export async function readTeam(db: Db, actor: Actor, now: Date): Promise<OfficeOutcome<TeamResponse>> {
  const refused = teamRefusal(actor);
  if (refused) return refused;
  const today = utcDay(now);
  const settings = await readSettings(db, actor.orgId);
  const weekStart = weekStartOf(now);
  const base = {
    dataAsOf: now.toISOString(),
    today,
    staleAfterDays: settings.alertNoSyncDays,
    weekStart: utcDay(weekStart),
  };
  const everySpecialist = actor.role === 'admin';
  const members = await db.query<MemberRow>(
    `select u.id, u.name from users u
      where u.org_id = $1 and u.disabled_at is null
        and (case when $3 then u.role = 'specialist' else u.id = any($2::text[]) end)
      order by u.name, u.id`,
    [actor.orgId, [...actor.teamUserIds], everySpecialist],
  );
  if (members.length === 0) return { ok: true, value: { ...base, members: [] } };
  const userIds = members.map((m) => m.id);
  const territories = await db.query<TerritoryRow>(
    `select ut.user_id as "userId", t.id, t.name
       from user_territories ut join territories t on t.id = ut.territory_id and t.org_id = $1
      where ut.user_id = any($2::text[])
      order by t.name, t.id`,
    [actor.orgId, userIds],
  );
  const territoryIds = [...new Set(territories.map((t) => t.id))];
  // Reads one jsonb field (`nextDueDate`), only for the patients of these territories (found
  // by the patients_territory index), never across the organisation.
  const counts =
    territoryIds.length === 0
      ? []
      : await db.query<CountRow>(
          `select p.territory_id as "territoryId", count(*) as caseload,
                  count(*) filter (where p.data->>'nextDueDate' < $3) as overdue
             from patients p
            where p.org_id = $1 and p.territory_id = any($2::text[]) and not p.deleted
            group by p.territory_id`,
          [actor.orgId, territoryIds, today],
        );
  const countOf = new Map(counts.map((c) => [c.territoryId, { caseload: Number(c.caseload), overdue: Number(c.overdue) }]));
  // The (org_id, author_id, contact_at) index: one range per person, no jsonb.
  const week = await db.query<WeekRow>(
    `select author_id as "userId", count(*) as contacts, count(*) filter (where channel = 'visit') as visits
       from contact_facts
      where org_id = $1 and author_id = any($2::text[]) and contact_at >= $3 and contact_at < $4
      group by author_id`,
    [actor.orgId, userIds, weekStart, new Date(weekStart.getTime() + WEEK_MS)],
  );
  const weekOf = new Map(week.map((w) => [w.userId, { contacts: Number(w.contacts), visits: Number(w.visits) }]));
  const freshness = new Map((await syncFreshness(db, { orgId: actor.orgId, userIds })).map((f) => [f.userId, f]));
  const rows: TeamMember[] = members.map((m) => {
    const own = territories.filter((t) => t.userId === m.id);
    const f = freshness.get(m.id);
    return {
      id: m.id,
      name: m.name,
      territories: own.map((t) => ({ id: t.id, name: t.name })),
      caseload: own.reduce((n, t) => n + (countOf.get(t.id)?.caseload ?? 0), 0),
      overduePatients: own.reduce((n, t) => n + (countOf.get(t.id)?.overdue ?? 0), 0),
      lastPushAt: f?.lastPushAt?.toISOString() ?? null,
      lastPullAt: f?.lastPullAt?.toISOString() ?? null,
      reportedAt: f?.latest?.at.toISOString() ?? null,
      pendingReported: f?.latest?.pendingReported ?? null,
      appVersion: f?.latest?.appVersion ?? null,
      clockSkewSeconds: f?.latest?.clockSkew ?? null,
      contactsThisWeek: weekOf.get(m.id)?.contacts ?? 0,
      visitsThisWeek: weekOf.get(m.id)?.visits ?? 0,
      contactTarget: settings.weeklyContactTarget,
      visitTarget: settings.weeklyVisitTarget,
    };
  });
  return { ok: true, value: { ...base, members: rows } };
}
