/** What every admin operation is given: the database, the clock, who acts, and from where. */
import type { AuditActor } from '../audit/recordAudit';
import type { Actor } from '../auth/policy';
import type { Db } from '../db/db';

export interface AdminContext {
  readonly db: Db;
  readonly now: Date;
  /** The signed-in administrator, from the session (never from the body). */
  readonly actor: Actor;
  /** The same person as the audit trail records them, with the device and address. */
  readonly auditActor: AuditActor;
}
