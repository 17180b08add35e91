/**
 * Whether a change to a patient outside the caller's territories now is still kept (S16):
 * the van syncs hours after the visit, and the office may have moved the patient, or the
 * specialist's territory, in between. A change is kept when, at the moment it was made,
 *
 *   1. the patient was the caller's: by the change's clock stamp (after the S19 clamp), the
 *      patient's territory then (the one its first later exit left, or its current one) was
 *      one the caller has, or gave up only later; or
 *   2. the device had not been told otherwise: the exit or the release that took the patient
 *      from the caller sits after the device's pull cursor of that moment (`seenCursor`), so
 *      the person was working from what the device showed them.
 *
 * Either way the person did the work in good faith. A change made after the device had
 * pulled the exit is refused (`out_of_scope`) and shown to the person.
 */
import type { Session } from '../auth/sessions';
import type { Db } from '../db/db';
import { decodeCursor } from './cursor';

export interface ScopeAtChange {
  readonly session: Session;
  /** The caller's territories now. */
  readonly territoryIds: ReadonlySet<string>;
  readonly patientId: string;
  readonly patientTerritoryId: string;
  /** When the change was made, in ms since the epoch. */
  readonly atMs: number;
  /** The device's pull cursor when the change was made, as it sent it. */
  readonly seenCursor: string | null | undefined;
}

export async function wasInScopeAt(tx: Db, q: ScopeAtChange): Promise<boolean> {
  return (await inScopeByTime(tx, q)) || (await notYetToldOtherwise(tx, q));
}

async function inScopeByTime(tx: Db, q: ScopeAtChange): Promise<boolean> {
  const at = new Date(q.atMs).toISOString();
  const [exit] = await tx.query<{ territoryId: string }>(
    `select territory_id as "territoryId" from scope_exits
      where patient_id = $1 and org_id = $2 and left_at > $3::timestamptz
      order by left_at, version limit 1`,
    [q.patientId, q.session.orgId, at],
  );
  const territoryThen = exit?.territoryId ?? q.patientTerritoryId;
  if (q.territoryIds.has(territoryThen)) return exit !== undefined;
  const [release] = await tx.query<{ one: number }>(
    `select 1 as one from territory_releases
      where user_id = $1 and territory_id = $2 and released_at > $3::timestamptz limit 1`,
    [q.session.userId, territoryThen, at],
  );
  return release !== undefined;
}

async function notYetToldOtherwise(tx: Db, q: ScopeAtChange): Promise<boolean> {
  if (!q.seenCursor) return false;
  const decoded = decodeCursor(q.seenCursor);
  if (!decoded.ok) return false;
  const after = [decoded.cursor.txid.toString(), decoded.cursor.version];
  // An exit from one of the caller's territories, or the release of the patient's territory,
  // that the device's pull had not yet reached.
  const [unseen] = await tx.query<{ one: number }>(
    `select 1 as one from scope_exits
      where patient_id = $1 and org_id = $2 and territory_id = any($3::text[])
        and (txid, version) > ($4::xid8, $5::bigint)
     union all
     select 1 from territory_releases
      where user_id = $6 and territory_id = $7 and (txid, version) > ($4::xid8, $5::bigint)
     limit 1`,
    [q.patientId, q.session.orgId, [...q.territoryIds], ...after, q.session.userId, q.patientTerritoryId],
  );
  return unseen !== undefined;
}
