/**
 * The office's escalation queue: a supervisor lists their team's escalations and works them
 * (acknowledge, assign to a person, resolve with a note). Allowed by
 * `authorize(actor, 'escalation.manage', ...)`: supervisors only, for the patients of their
 * team's territories. An escalation outside that scope, or of another organisation, is "not
 * found", so its existence is not revealed.
 *
 * Each step is one of domain/escalation.ts's transitions on the locked record, written
 * through writeRecord (audited, author = the supervisor's session, field stamps naming them),
 * so the record gets a new version and the specialist's device pulls the status on its next
 * sync (SYNC.md T7). The list records a `read` of each patient it shows, as pull does.
 * Knows nothing of HTTP; routes/officeEscalations.ts turns outcomes into responses.
 */
import { encodeHlc } from '../../../src/domain/hlc';
import {
  acknowledgeEscalation,
  assignEscalation,
  escalationAgeMinutes,
  isEscalationOverdue,
  resolveEscalation,
  type Escalation,
  type EscalationActor,
  type EscalationStatus,
  type EscalationStep,
} from '../../../src/domain/escalation';
import type { IsoDateTime, UserId } from '../../../src/domain/ids';
import { escalationSchema } from '../../../src/protocol/entities';
import type {
  AssigneesResponse,
  EscalationFilter,
  EscalationListResponse,
  EscalationQuery,
  EscalationStepResponse,
  OfficeAssignee,
  OfficeEscalation,
} from '../../../src/protocol/office';
import { recordAudit } from '../audit/recordAudit';
import { readOrgSettings } from '../auth/orgSettings';
import { authorize, type Actor } from '../auth/policy';
import type { Db } from '../db/db';
import { stampFields } from '../changes/fieldMerge';
import { lockRecord, nextVersion, readPatientScope, type RecordKey } from '../changes/recordRows';
import { authorFromSession, changeRecord, fieldChanges } from '../changes/writeRecord';

export type OfficeOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: 'bad_request' | 'forbidden' | 'not_found' | 'conflict'; readonly message: string };

export interface OfficeRequest {
  readonly db: Db;
  readonly actor: Actor;
  /** The request's address, for the audit trail. */
  readonly address: string | null;
  readonly now: Date;
}

export type EscalationAction =
  | { readonly kind: 'acknowledge' }
  | { readonly kind: 'assign'; readonly userId: string }
  | { readonly kind: 'resolve'; readonly resolution: string };

const STATUSES_OF: Record<EscalationFilter, readonly EscalationStatus[]> = {
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  unresolved: ['open', 'acknowledged'],
  all: ['open', 'acknowledged', 'resolved'],
};

const NOT_FOUND = { ok: false, code: 'not_found', message: 'No such escalation in your team' } as const;
/** The node id of the office's field stamps: no device's, so a stamp tells where it came from. */
const OFFICE_NODE = 'office';

/** Null when the actor may work the queue at all; otherwise why not (403). */
export function queueRefusal(actor: Actor): OfficeOutcome<never> | null {
  const decision = authorize(actor, 'escalation.manage', { type: 'org', orgId: actor.orgId });
  return decision.allowed ? null : { ok: false, code: decision.code, message: decision.message };
}

export async function listEscalations(req: OfficeRequest, query: EscalationQuery): Promise<OfficeOutcome<EscalationListResponse>> {
  const refused = queueRefusal(req.actor);
  if (refused) return refused;
  const { escalationAckMinutes } = await readOrgSettings(req.db, req.actor.orgId);
  const rows = await selectEscalations(req.db, req.actor, { statuses: STATUSES_OF[query.status], id: null, limit: query.limit + 1 });
  const shown = rows.slice(0, query.limit);
  const auditActor = authorFromSession(req.actor, req.address);
  const patients = [...new Set(shown.map((r) => r.patientId))];
  await recordAudit(req.db, auditActor, req.now, patients.map((patientId) => ({ action: 'read', entityKind: 'patient', entityId: patientId, patientId })));
  return {
    ok: true,
    value: {
      escalations: shown.map((r) => toOffice(r, req.now, escalationAckMinutes)),
      hasMore: rows.length > query.limit,
      ackMinutes: escalationAckMinutes,
      serverTime: req.now.toISOString(),
    },
  };
}

/** Takes one step on an escalation of the actor's team, in one transaction. */
export async function actOnEscalation(req: OfficeRequest, escalationId: string, action: EscalationAction): Promise<OfficeOutcome<EscalationStepResponse>> {
  const refused = queueRefusal(req.actor);
  if (refused) return refused;
  const { actor } = req;
  return req.db.transaction(async (tx): Promise<OfficeOutcome<EscalationStepResponse>> => {
    const key: RecordKey = { table: 'patient_records', kind: 'escalation', id: escalationId };
    const stored = await lockRecord(tx, key);
    if (!stored || stored.deleted) return NOT_FOUND;
    const patient = await readPatientScope(tx, stored.patientId);
    if (!patient || patient.deleted) return NOT_FOUND;
    if (!authorize(actor, 'escalation.manage', { type: 'patient', orgId: patient.orgId, territoryId: patient.territoryId }).allowed) return NOT_FOUND;

    const current = escalationSchema.parse(stored.data) as Escalation;
    const by: EscalationActor = { now: req.now.toISOString() as IsoDateTime, byId: actor.userId, byName: actor.name };
    let step: EscalationStep;
    switch (action.kind) {
      case 'acknowledge':
        step = acknowledgeEscalation(current, by);
        break;
      case 'assign': {
        const assignee = await findAssignee(tx, actor, action.userId);
        if (!assignee.ok) return assignee;
        step = assignEscalation(current, assignee.value, by);
        break;
      }
      case 'resolve':
        step = resolveEscalation(current, action.resolution, by);
        break;
    }
    if (!step.ok) {
      switch (step.code) {
        case 'already_resolved':
          return { ok: false, code: 'conflict', message: 'This escalation is already resolved; it does not change any more' };
        case 'resolution_missing':
          return { ok: false, code: 'bad_request', message: 'resolution: a note of what was done is required' };
        case 'resolution_too_long':
          return { ok: false, code: 'bad_request', message: 'resolution: too long' };
      }
    }
    if (step.changed) {
      const data = step.escalation as unknown as Record<string, unknown>;
      const version = await nextVersion(tx);
      const writer = { hlc: encodeHlc({ wallMs: req.now.getTime(), counter: 0 }, OFFICE_NODE), by: actor.name, userId: actor.userId, deviceId: actor.deviceId };
      const fields = fieldChanges(stored.data, data).map((c) => c.field);
      const stamps = stampFields(stored.stamps, fields, writer, version);
      await changeRecord(tx, authorFromSession(actor, req.address), req.now, key, stored, { data, stamps, deleted: false, version });
    }
    const [row] = await selectEscalations(tx, actor, { statuses: STATUSES_OF.all, id: escalationId, limit: 1 });
    if (!row) throw new Error(`escalation ${escalationId} vanished inside its own transaction`);
    const { escalationAckMinutes } = await readOrgSettings(tx, actor.orgId);
    return { ok: true, value: { escalation: toOffice(row, req.now, escalationAckMinutes), changed: step.changed } };
  });
}

interface Assignee {
  readonly userId: UserId;
  readonly name: string;
}

/**
 * Who an escalation may be assigned to: a person of the organisation who can follow it up,
 * i.e. the supervisor themself, someone they supervise, or another supervisor; never a
 * disabled account.
 */
async function findAssignee(tx: Db, actor: Actor, userId: string): Promise<OfficeOutcome<Assignee>> {
  const [user] = await tx.query<{ id: UserId; name: string; role: string; disabled: boolean }>(
    'select id, name, role, disabled_at is not null as disabled from users where id = $1 and org_id = $2',
    [userId, actor.orgId],
  );
  if (!user) return { ok: false, code: 'bad_request', message: 'userId: no such person in your organisation' };
  if (user.disabled) return { ok: false, code: 'bad_request', message: 'userId: this account is disabled' };
  const eligible = user.id === actor.userId || actor.teamUserIds.has(user.id) || user.role === 'supervisor';
  if (!eligible) return { ok: false, code: 'bad_request', message: 'userId: assign to yourself, someone in your team, or another supervisor' };
  return { ok: true, value: { userId: user.id, name: user.name } };
}

/**
 * Everyone `findAssignee` accepts, for the queue's "Assign to": the supervisor themself, the
 * people they supervise, then the other supervisors of the organisation; no disabled account.
 * Names only, no patient data.
 */
export async function listAssignees(req: Pick<OfficeRequest, 'db' | 'actor'>): Promise<OfficeOutcome<AssigneesResponse>> {
  const refused = queueRefusal(req.actor);
  if (refused) return refused;
  const { actor } = req;
  const rows = await req.db.query<{ id: string; name: string; role: string }>(
    `select id, name, role from users
      where org_id = $1 and disabled_at is null
        and (id = $2 or id = any($3::text[]) or role = 'supervisor')
      order by name, id`,
    [actor.orgId, actor.userId, [...actor.teamUserIds]],
  );
  const kindOf = (r: { id: string }): OfficeAssignee['kind'] => (r.id === actor.userId ? 'self' : actor.teamUserIds.has(r.id) ? 'team' : 'supervisor');
  const order: Record<OfficeAssignee['kind'], number> = { self: 0, team: 1, supervisor: 2 };
  const assignees = rows.map((r) => ({ id: r.id, name: r.name, kind: kindOf(r) })).sort((a, b) => order[a.kind] - order[b.kind]);
  return { ok: true, value: { assignees } };
}

interface EscalationRow {
  readonly patientId: string;
  readonly territoryId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly data: Record<string, unknown>;
  readonly version: number;
  /** Who created the record, from the audit trail: for escalations raised before `raisedById`. */
  readonly createdBy: string | null;
}

/** The actor's team's escalations, newest first; `id` narrows to one. */
async function selectEscalations(
  db: Db,
  actor: Actor,
  { statuses, id, limit }: { readonly statuses: readonly EscalationStatus[]; readonly id: string | null; readonly limit: number },
): Promise<EscalationRow[]> {
  const territories = [...actor.teamTerritoryIds];
  if (territories.length === 0) return [];
  return db.query<EscalationRow>(
    `select r.patient_id as "patientId", p.territory_id as "territoryId",
            p.data->>'givenName' as "givenName", p.data->>'familyName' as "familyName",
            r.data, r.version,
            (select a.user_id from audit_events a
              where a.patient_id = r.patient_id and a.entity_kind = 'escalation' and a.entity_id = r.id and a.action = 'create'
              order by a.id limit 1) as "createdBy"
       from patient_records r
       join patients p on p.id = r.patient_id
      where r.kind = 'escalation' and not r.deleted and not p.deleted
        and p.org_id = $1 and p.territory_id = any($2::text[])
        and coalesce(r.data->>'status', 'open') = any($3::text[])
        and ($4::text is null or r.id = $4)
      order by (r.data->>'raisedAt')::timestamptz desc, r.id desc
      limit $5`,
    [actor.orgId, territories, [...statuses], id, limit],
  );
}

function toOffice(row: EscalationRow, now: Date, ackMinutes: number): OfficeEscalation {
  const e = escalationSchema.parse(row.data) as Escalation;
  return {
    id: e.id,
    patientId: e.patientId,
    patientName: [row.givenName, row.familyName].filter(Boolean).join(' '),
    territoryId: row.territoryId,
    noteId: e.noteId,
    reason: e.reason,
    severity: e.severity,
    raisedAt: e.raisedAt,
    raisedById: e.raisedById ?? row.createdBy,
    raisedByName: e.raisedBy,
    ageMinutes: escalationAgeMinutes(e, now.getTime()),
    status: e.status,
    overdue: isEscalationOverdue(e, now.getTime(), ackMinutes),
    acknowledgedAt: e.acknowledgedAt,
    acknowledgedBy: e.acknowledgedBy,
    acknowledgedByName: e.acknowledgedByName,
    assignedTo: e.assignedTo,
    assignedToName: e.assignedToName,
    resolvedAt: e.resolvedAt,
    resolvedBy: e.resolvedBy,
    resolvedByName: e.resolvedByName,
    resolution: e.resolution,
    version: Number(row.version),
  };
}
