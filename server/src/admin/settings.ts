/**
 * Organisation settings: how soon an idle app locks, how long an unused session lives, and how
 * long an escalation may wait for acknowledgement before the office queue shows it overdue.
 * A missing row means the defaults. Changes are audited as `admin.settings.update`.
 */
import { ESCALATION_ACK_MINUTES, LOCK_AFTER_MINUTES, SESSION_IDLE_DAYS, type OrgSettings, type UpdateSettingsRequest } from '../../../src/protocol/admin';
import { recordAudit, type FieldChange } from '../audit/recordAudit';
import type { Db } from '../db/db';
import type { AdminContext } from './adminDeps';
import { done, type AdminOutcome } from './outcome';

export async function readSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [row] = await db.query<OrgSettings>(
    `select lock_after_minutes as "lockAfterMinutes", session_idle_days as "sessionIdleDays", escalation_ack_minutes as "escalationAckMinutes"
       from org_settings where org_id = $1`,
    [orgId],
  );
  return row ?? { lockAfterMinutes: LOCK_AFTER_MINUTES.default, sessionIdleDays: SESSION_IDLE_DAYS.default, escalationAckMinutes: ESCALATION_ACK_MINUTES.default };
}

export function updateSettings(ctx: AdminContext, body: UpdateSettingsRequest): Promise<AdminOutcome<OrgSettings>> {
  const { orgId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const before = await readSettings(tx, orgId);
    const after: OrgSettings = { ...before, ...body };
    const changes: FieldChange[] = (['lockAfterMinutes', 'sessionIdleDays', 'escalationAckMinutes'] as const)
      .filter((field) => before[field] !== after[field])
      .map((field) => ({ field, before: before[field], after: after[field] }));
    if (changes.length === 0) return done(before);
    await tx.query(
      `insert into org_settings (org_id, lock_after_minutes, session_idle_days, escalation_ack_minutes) values ($1, $2, $3, $4)
       on conflict (org_id) do update set lock_after_minutes = excluded.lock_after_minutes, session_idle_days = excluded.session_idle_days,
         escalation_ack_minutes = excluded.escalation_ack_minutes`,
      [orgId, after.lockAfterMinutes, after.sessionIdleDays, after.escalationAckMinutes],
    );
    await recordAudit(tx, ctx.auditActor, ctx.now, [{ action: 'admin.settings.update', entityKind: 'org_settings', entityId: orgId, changes }]);
    return done(after);
  });
}
