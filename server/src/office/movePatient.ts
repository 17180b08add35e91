/**
 * The office moves a patient to another territory of the organisation: allowed when
 * `authorize(actor, 'patient.move', ...)` allows both the territory it leaves and the one it
 * joins (a supervisor of the team working both, or an administrator). One update of the patient
 * row: the `patients_moved` trigger (migration 5) records the scope exit and restamps the
 * patient's records, so devices on both sides learn of the move through pull (S16). The move is
 * recorded in the audit trail in the same transaction.
 */
import { authorize, type Actor } from '../auth/policy';
import type { Db } from '../db/db';
import { recordAudit } from '../audit/recordAudit';
import { authorFromSession as auditActorOf } from '../changes/writeRecord';

export type MoveOutcome =
  | { readonly ok: true; readonly moved: boolean }
  | { readonly ok: false; readonly code: 'forbidden' | 'not_found'; readonly message: string };

export interface MoveRequest {
  readonly actor: Actor;
  readonly address: string | null;
  readonly now: Date;
  readonly patientId: string;
  readonly territoryId: string;
}

export async function movePatient(db: Db, { actor, address, now, patientId, territoryId }: MoveRequest): Promise<MoveOutcome> {
  return db.transaction(async (tx): Promise<MoveOutcome> => {
    const [territory] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2', [
      territoryId,
      actor.orgId,
    ]);
    if (!territory) return { ok: false, code: 'not_found', message: `territoryId: no territory ${territoryId} in your organisation` };
    const [patient] = await tx.query<{ territoryId: string; deleted: boolean }>(
      'select territory_id as "territoryId", deleted from patients where id = $1 and org_id = $2 for update',
      [patientId, actor.orgId],
    );
    if (!patient || patient.deleted) return { ok: false, code: 'not_found', message: `No patient ${patientId} in your organisation` };
    // Both ends: the territory the patient leaves and the one it joins.
    for (const resource of [
      { type: 'patient', orgId: actor.orgId, territoryId: patient.territoryId },
      { type: 'territory', orgId: actor.orgId, territoryId },
    ] as const) {
      const decision = authorize(actor, 'patient.move', resource);
      if (!decision.allowed) return { ok: false, code: decision.code, message: decision.message };
    }
    if (patient.territoryId === territoryId) return { ok: true, moved: false };
    // The territory is part of the record too, so devices show where the patient now belongs.
    await tx.query(
      `update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`,
      [patientId, territoryId],
    );
    const changes = [{ field: 'territoryId', before: patient.territoryId, after: territoryId }];
    await recordAudit(tx, auditActorOf(actor, address), now, [{ action: 'update', entityKind: 'patient', entityId: patientId, patientId, changes }]);
    return { ok: true, moved: true };
  });
}
