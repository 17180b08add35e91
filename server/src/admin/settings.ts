/**
 * Organisation settings: how soon an idle app locks, how long an unused session lives, how
 * long an escalation may wait for acknowledgement before the office queue shows it overdue,
 * and the office's weekly targets and alert thresholds (migration 17, docs/METRICS.md).
 * A missing row means the defaults. Changes are audited as `admin.settings.update`.
 */
import {
  ALERT_CONTACT_DROP_PERCENT,
  ALERT_NO_SYNC_DAYS,
  ALERT_UNREACHED_DAYS,
  ESCALATION_ACK_MINUTES,
  LOCK_AFTER_MINUTES,
  SESSION_IDLE_DAYS,
  WEEKLY_CONTACT_TARGET,
  WEEKLY_VISIT_TARGET,
  type OrgSettings,
  type UpdateSettingsRequest,
} from '../../../src/protocol/admin';
import { recordAudit, type FieldChange } from '../audit/recordAudit';
import type { Db } from '../db/db';
import type { AdminContext } from './adminDeps';
import { done, type AdminOutcome } from './outcome';

/** Each setting's column; the order is the audit's order of changes. */
const COLUMNS = {
  lockAfterMinutes: 'lock_after_minutes',
  sessionIdleDays: 'session_idle_days',
  escalationAckMinutes: 'escalation_ack_minutes',
  weeklyContactTarget: 'weekly_contact_target',
  weeklyVisitTarget: 'weekly_visit_target',
  alertNoSyncDays: 'alert_no_sync_days',
  alertContactDropPercent: 'alert_contact_drop_percent',
  alertUnreachedDays: 'alert_unreached_days',
} as const satisfies Record<keyof OrgSettings, string>;
const FIELDS = Object.keys(COLUMNS) as (keyof OrgSettings)[];

const DEFAULTS: OrgSettings = {
  lockAfterMinutes: LOCK_AFTER_MINUTES.default,
  sessionIdleDays: SESSION_IDLE_DAYS.default,
  escalationAckMinutes: ESCALATION_ACK_MINUTES.default,
  weeklyContactTarget: WEEKLY_CONTACT_TARGET.default,
  weeklyVisitTarget: WEEKLY_VISIT_TARGET.default,
  alertNoSyncDays: ALERT_NO_SYNC_DAYS.default,
  alertContactDropPercent: ALERT_CONTACT_DROP_PERCENT.default,
  alertUnreachedDays: ALERT_UNREACHED_DAYS.default,
};

export async function readSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [row] = await db.query<OrgSettings>(
    `select ${FIELDS.map((f) => `${COLUMNS[f]} as "${f}"`).join(', ')} from org_settings where org_id = $1`,
    [orgId],
  );
  return row ?? DEFAULTS;
}

export function updateSettings(ctx: AdminContext, body: UpdateSettingsRequest): Promise<AdminOutcome<OrgSettings>> {
  const { orgId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const before = await readSettings(tx, orgId);
    const after: OrgSettings = { ...before, ...body };
    const changes: FieldChange[] = FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({ field, before: before[field], after: after[field] }));
    if (changes.length === 0) return done(before);
    const columns = FIELDS.map((f) => COLUMNS[f]);
    await tx.query(
      `insert into org_settings (org_id, ${columns.join(', ')}) values ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
       on conflict (org_id) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      [orgId, ...FIELDS.map((f) => after[f])],
    );
    await recordAudit(tx, ctx.auditActor, ctx.now, [{ action: 'admin.settings.update', entityKind: 'org_settings', entityId: orgId, changes }]);
    return done(after);
  });
}
