/**
 * The end of a coverage, as push judges it (S16, changes/scopeAtChange.ts).
 *
 * While a coverage is current its territory is in the covering person's scope (auth/scope.ts,
 * by the server's UTC day). When it ends, by its last day passing or by being cancelled, the
 * covering device may still hold changes made while covering (the van syncs late): they must
 * be kept, and a change made after the device pulled the end must be refused. scopeAtChange
 * decides that by the position of a `territory_releases` row against the device's pull cursor,
 * so each end needs such a row, at a position
 *   - after every pull cursor handed out while the territory was still in the person's scope
 *     (those pulls ran before the release was committed), and
 *   - before the cursor of every pull that left the territory out.
 *
 * Invariant: no request of a user is served on a day after one of their coverages ended
 * before that coverage's release is committed. A last day passing is not an event the
 * server sees, so ends are settled lazily: `settleEndedCoverages` runs for the user at the
 * start of sign-in and of every gated request (auth/loadActor.ts, used by pull, push and sealed
 * push), before the scope is read; a cancellation settles in its own transaction
 * (office/coverages.ts). The settling statement is one `update ... returning` feeding the insert,
 * so it is atomic, and a concurrent settle of the same rows waits on their row locks and
 * then finds them settled (released_at set), so each end is released once.
 *
 * No release is written when the person still works the territory that day (assigned, or by
 * another current coverage): nothing left their device. If that later changes, the removal of
 * the assignment (migration 5's trigger) or the end of the other coverage writes its own.
 */
import type { Db } from '../db/db';
import { utcDay } from '../auth/scope';

/**
 * SQL condition: the person does NOT work the territory on the day (neither assigned nor by a
 * current coverage), so a release is owed. The arguments are SQL expressions.
 */
function worksNoLonger(user: string, territory: string, day: string): string {
  return `not exists (select 1 from user_territories ut where ut.user_id = ${user} and ut.territory_id = ${territory})
        and not exists (select 1 from coverages c
                         where c.user_id = ${user} and c.territory_id = ${territory} and c.cancelled_at is null
                           and c.from_date <= ${day}::date and c.to_date >= ${day}::date)`;
}

/** Settles `userId`'s coverages whose last day is before `now`'s UTC day. */
export async function settleEndedCoverages(db: Db, userId: string, now: Date): Promise<void> {
  await db.query(
    `with ended as (
       update coverages set released_at = $3::timestamptz
        where user_id = $1 and released_at is null and cancelled_at is null and to_date < $2::date
        returning territory_id
     )
     insert into territory_releases (user_id, territory_id, released_at)
     select distinct $1::text, e.territory_id, $3::timestamptz from ended e
      where ${worksNoLonger('$1', 'e.territory_id', '$2')}`,
    [userId, utcDay(now), now.toISOString()],
  );
}

/**
 * Writes the release of one coverage cut short by its cancellation, in the cancelling
 * transaction: the coverage was current (its territory may be on the device), so the same
 * release as a natural end is owed. A coverage cancelled before its first day never reached a
 * device and owes none.
 */
export async function releaseCancelledCoverage(
  tx: Db,
  coverage: { readonly userId: string; readonly territoryId: string; readonly fromDate: string },
  now: Date,
): Promise<void> {
  const today = utcDay(now);
  if (coverage.fromDate > today) return;
  await tx.query(
    `insert into territory_releases (user_id, territory_id, released_at)
     select $1::text, $2::text, $4::timestamptz
      where ${worksNoLonger('$1', '$2', '$3')}`,
    [coverage.userId, coverage.territoryId, today, now.toISOString()],
  );
}
