/**
 * Whether a change to a patient outside the caller's territories now is still kept (S16):
 * the van syncs hours after the visit, and the office may have moved the patient, or taken
 * the specialist's territory, in between. A change is kept when the device had not been told
 * otherwise when the change was made: the exit or the release that took the patient from the
 * caller sits after the device's pull cursor of that moment (`seenCursor`), so the person was
 * working from what the device showed them, in good faith.
 *
 * T2: the decision rests on server facts only. The change's clock stamp is the device's claim
 * and is not consulted (a backdated stamp must not reopen a patient that left); the cursor is
 * one this server signed (cursor.ts). A change without a verified cursor (none, unsigned,
 * forged) is judged as from a device that may know everything: it is kept only if the
 * policy allows it now. A change made after the device had pulled the exit is refused
 * (`out_of_scope`) and shown to the person.
 */
import type { Actor } from '../auth/policy';
import type { Db } from '../db/db';
import type { PullCursor } from './cursor';

export interface ScopeAtChange {
  readonly actor: Pick<Actor, 'orgId' | 'userId' | 'territoryIds'>;
  readonly patientId: string;
  readonly patientTerritoryId: string;
  /** The device's pull cursor when the change was made, verified; null when it sent none or a forged one. */
  readonly seen: PullCursor | null;
}

export async function wasInScopeAt(tx: Db, q: ScopeAtChange): Promise<boolean> {
  if (q.seen === null) return false;
  const after = [q.seen.txid.toString(), q.seen.version];
  // An exit from a territory the caller had when the device last pulled (one they still
  // have, or released after that), or the release of the patient's current territory, that
  // the device's pull had not yet reached.
  const [unseen] = await tx.query<{ one: number }>(
    `select 1 as one from scope_exits e
      where e.patient_id = $1 and e.org_id = $2 and (e.txid, e.version) > ($4::xid8, $5::bigint)
        and (e.territory_id = any($3::text[])
             or exists (select 1 from territory_releases r
                         where r.user_id = $6 and r.territory_id = e.territory_id
                           and (r.txid, r.version) > ($4::xid8, $5::bigint)))
     union all
     select 1 from territory_releases
      where user_id = $6 and territory_id = $7 and (txid, version) > ($4::xid8, $5::bigint)
     limit 1`,
    [q.patientId, q.actor.orgId, [...q.actor.territoryIds], ...after, q.actor.userId, q.patientTerritoryId],
  );
  return unseen !== undefined;
}
