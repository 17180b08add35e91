/**
 * The settings an administrator sets for an organisation (`org_settings`, migrations 9 and 13).
 * An organisation without a row has the defaults, so nothing depends on the row existing.
 */
import type { Db } from '../db/db';

export interface OrgSettings {
  /** How long an untouched app stays open before it locks. */
  readonly lockAfterMinutes: number;
  /** How long a session lives without a refresh before it ends. */
  readonly sessionIdleDays: number;
  /** How long an escalation may stay unacknowledged before the office queue shows it overdue. */
  readonly escalationAckMinutes: number;
}

export const DEFAULT_ORG_SETTINGS: OrgSettings = { lockAfterMinutes: 5, sessionIdleDays: 14, escalationAckMinutes: 60 };

export async function readOrgSettings(db: Db, orgId: string): Promise<OrgSettings> {
  const [row] = await db.query<OrgSettings>(
    `select lock_after_minutes as "lockAfterMinutes", session_idle_days as "sessionIdleDays",
            escalation_ack_minutes as "escalationAckMinutes"
       from org_settings where org_id = $1`,
    [orgId],
  );
  return row ?? DEFAULT_ORG_SETTINGS;
}
