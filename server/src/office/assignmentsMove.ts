/**
 * Moving patients in bulk (`POST /api/office/patients/move`): named patients, or those of one
 * territory matching a filter (postal code of the address, facility), to another territory.
 *
 * The same rule as one move (office/movePatient.ts): `patient.move` allows both the territory
 * each patient leaves and the one it joins. A dry run only counts. The move itself is one
 * transaction and one set-based update of the patient rows, which fires the same
 * `patients_moved` trigger per row (migration 5: scope exit, restamped records), so devices
 * on both sides learn of it through pull (S16); every moved patient gets its own audit event in
 * that transaction. More than BULK_MOVE_MAX matching patients are refused as a whole: nothing
 * moves, and the answer says how many matched, so the filter can be narrowed.
 */
import { BULK_MOVE_MAX, type BulkMoveRequest, type BulkMoveResponse } from '../../../src/protocol/officeAssignments';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/recordAudit';
import { authorFromSession as auditActorOf } from '../changes/writeRecord';
import { refused, type AssignmentsRequest } from './assignments';
import type { OfficeOutcome } from './escalations';

export async function movePatients(req: AssignmentsRequest, body: BulkMoveRequest): Promise<OfficeOutcome<BulkMoveResponse>> {
  const { actor } = req;
  const dryRun = body.dryRun ?? false;
  return req.db.transaction(async (tx): Promise<OfficeOutcome<BulkMoveResponse>> => {
    const [destination] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2', [body.territoryId, actor.orgId]);
    if (!destination) return refused('not_found', `territoryId: no territory ${body.territoryId} in your organisation`);
    const check = (territoryId: string) => authorize(actor, 'patient.move', { type: 'territory', orgId: actor.orgId, territoryId });
    const into = check(body.territoryId);
    if (!into.allowed) return refused(into.code, `territoryId: ${into.message}`);

    let matched: { id: string; territoryId: string }[];
    if (body.filter) {
      const { fromTerritoryId, postalCode, facilityId } = body.filter;
      const [source] = await tx.query<{ id: string }>('select id from territories where id = $1 and org_id = $2', [fromTerritoryId, actor.orgId]);
      if (!source) return refused('not_found', `filter.fromTerritoryId: no territory ${fromTerritoryId} in your organisation`);
      const from = check(fromTerritoryId);
      if (!from.allowed) return refused(from.code, `filter.fromTerritoryId: ${from.message}`);
      // Found by the patients' territory index; the filters read two jsonb fields of those rows only.
      matched = await tx.query<{ id: string; territoryId: string }>(
        `select id, territory_id as "territoryId" from patients
          where org_id = $1 and territory_id = $2 and not deleted
            and ($3::text is null or data->'address'->>'postalCode' = $3)
            and ($4::text is null or data->>'facilityId' = $4)
          order by id for update`,
        [actor.orgId, fromTerritoryId, postalCode ?? null, facilityId ?? null],
      );
    } else {
      const ids = [...new Set(body.patientIds ?? [])];
      matched = await tx.query<{ id: string; territoryId: string }>(
        `select id, territory_id as "territoryId" from patients
          where org_id = $1 and id = any($2::text[]) and not deleted order by id for update`,
        [actor.orgId, ids],
      );
      if (matched.length !== ids.length) {
        const found = new Set(matched.map((m) => m.id));
        const missing = ids.find((id) => !found.has(id));
        return refused('not_found', `patientIds: no patient ${missing ?? ''} in your organisation`);
      }
      for (const territoryId of new Set(matched.map((m) => m.territoryId))) {
        const from = check(territoryId);
        if (!from.allowed) return refused(from.code, `patientIds: ${from.message}`);
      }
    }
    const moving = matched.filter((m) => m.territoryId !== body.territoryId);
    const alreadyThere = matched.length - moving.length;
    if (moving.length > BULK_MOVE_MAX) {
      return refused('bad_request', `${moving.length} patients match; at most ${BULK_MOVE_MAX} move at once: narrow the filter`);
    }
    if (dryRun || moving.length === 0) return { ok: true, value: { count: moving.length, alreadyThere, dryRun } };
    // The territory is part of the record too, so devices show where each patient now belongs.
    await tx.query(
      `update patients set territory_id = $2, data = jsonb_set(data, '{territoryId}', to_jsonb($2::text))
        where id = any($1::text[])`,
      [moving.map((m) => m.id), body.territoryId],
    );
    await recordAudit(
      tx,
      auditActorOf(actor, req.address),
      req.now,
      moving.map((m) => ({
        action: 'update',
        entityKind: 'patient',
        entityId: m.id,
        patientId: m.id,
        changes: [{ field: 'territoryId', before: m.territoryId, after: body.territoryId }],
        detail: { bulkMove: true },
      })),
    );
    return { ok: true, value: { count: moving.length, alreadyThere, dryRun: false } };
  });
}
