/**
 * Writes audit events (migration 8). Callers pass their transaction handle so an event is
 * committed with the change it describes, or not at all. Many events go in one statement: a
 * pulled page of 500 patients is one insert, not 500.
 */
import type { Db } from '../db/db';

/** Who acted: from the session (never from the request body) and the connection. */
export interface AuditActor {
  readonly orgId: string;
  readonly userId: string | null;
  readonly deviceId: string | null;
  /** The client's address as the server saw it (behind a proxy: as the proxy reported it). */
  readonly address: string | null;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEvent {
  /**
   * `read`, `create`, `update`, `delete` for records; `sign_in`, `sign_in_failed`,
   * `sign_out`, `password_change` for sessions; `admin.<what>` for the admin console.
   */
  readonly action: string;
  readonly entityKind?: string | null;
  readonly entityId?: string | null;
  readonly patientId?: string | null;
  readonly changes?: readonly FieldChange[] | null;
  /** Non-record context (a role given, a device revoked); never a password or token. */
  readonly detail?: Record<string, unknown> | null;
}

export async function recordAudit(tx: Db, actor: AuditActor, at: Date, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  // One jsonb array parameter, expanded in SQL: the same statement on PGlite and PostgreSQL,
  // whatever the number of events.
  const rows = events.map((e) => ({
    action: e.action,
    entity_kind: e.entityKind ?? null,
    entity_id: e.entityId ?? null,
    patient_id: e.patientId ?? null,
    changes: e.changes ?? null,
    detail: e.detail ?? null,
  }));
  await tx.query(
    `insert into audit_events (at, org_id, user_id, device_id, address, action, entity_kind, entity_id, patient_id, changes, detail)
     select $1, $2, $3, $4, $5, r.action, r.entity_kind, r.entity_id, r.patient_id, r.changes, r.detail
       from jsonb_to_recordset($6::jsonb)
         as r(action text, entity_kind text, entity_id text, patient_id text, changes jsonb, detail jsonb)`,
    [at, actor.orgId, actor.userId, actor.deviceId, actor.address, JSON.stringify(rows)],
  );
}
