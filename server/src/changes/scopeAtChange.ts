/**
 * Whether a patient outside the caller's territories now was inside them when a change was
 * made. Work done while the patient was the caller's is kept (S16): the van syncs hours after
 * the visit, and the office may have moved the patient, or the specialist's territory, in
 * between. A patient's territory at time t is the one its first exit after t left (or its
 * current one); a specialist had a territory at t if they have it now or gave it up after t.
 *
 * The time is the change's clock stamp after the S19 clamp, so a device cannot claim more
 * than a few minutes of the future; a device whose clock runs behind gets its changes kept
 * longer, which errs on the side of keeping a person's work.
 */
import type { Session } from '../auth/sessions';
import type { Db } from '../db/db';

export interface ScopeAtChange {
  readonly session: Session;
  /** The caller's territories now. */
  readonly territoryIds: ReadonlySet<string>;
  readonly patientId: string;
  readonly patientTerritoryId: string;
  /** When the change was made, in ms since the epoch. */
  readonly atMs: number;
}

export async function wasInScopeAt(tx: Db, q: ScopeAtChange): Promise<boolean> {
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
