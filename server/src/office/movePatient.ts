/**
 * The office moves a patient to another territory (a supervisor or admin, within their
 * organisation). One update of the patient row: the `patients_moved` trigger (migration 5)
 * records the scope exit and restamps the patient's records, so devices on both sides learn
 * of the move through pull (S16).
 */
import type { Session } from '../auth/sessions';
import type { Db } from '../db/db';

export type MoveOutcome =
  | { readonly ok: true; readonly moved: boolean }
  | { readonly ok: false; readonly code: 'forbidden' | 'not_found'; readonly message: string };

export async function movePatient(db: Db, session: Session, patientId: string, territoryId: string): Promise<MoveOutcome> {
  if (session.role === 'specialist') {
    return { ok: false, code: 'forbidden', message: 'Only a supervisor or an administrator can move a patient' };
  }
  return db.transaction(async (tx) => {
    const [territory] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2', [
      territoryId,
      session.orgId,
    ]);
    if (!territory) return { ok: false, code: 'not_found', message: `territoryId: no territory ${territoryId} in your organisation` };
    const [patient] = await tx.query<{ territoryId: string; deleted: boolean }>(
      'select territory_id as "territoryId", deleted from patients where id = $1 and org_id = $2 for update',
      [patientId, session.orgId],
    );
    if (!patient || patient.deleted) return { ok: false, code: 'not_found', message: `No patient ${patientId} in your organisation` };
    if (patient.territoryId === territoryId) return { ok: true, moved: false };
    // The territory is part of the record too, so devices show where the patient now belongs.
    await tx.query(
      `update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text)) where id = $1`,
      [patientId, territoryId],
    );
    return { ok: true, moved: true };
  });
}
