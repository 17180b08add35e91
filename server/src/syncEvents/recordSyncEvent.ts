/**
 * Writes one sync event (migration 12, docs/SYNC.md S21): a push, sealed push or pull page
 * the server answered with success, stamped with the server's clock and what the device said
 * about itself. Callers pass their transaction handle, so the event is committed with the
 * work it describes, or not at all; a refused request records nothing.
 *
 * Not the audit trail (audit/recordAudit.ts): no patient data, only when a device talked.
 */
import type { DeviceReport } from '../../../src/protocol/wire';
import type { Db } from '../db/db';

export const SYNC_EVENT_KINDS = ['push', 'sealed_push', 'pull'] as const;
export type SyncEventKind = (typeof SYNC_EVENT_KINDS)[number];

export interface SyncEvent {
  readonly kind: SyncEventKind;
  readonly orgId: string;
  readonly userId: string;
  readonly deviceId: string;
  /** A push: changes applied; a pull: records served. */
  readonly changes: number;
  /** What the device said about itself in the request. */
  readonly report: DeviceReport;
}

export async function recordSyncEvent(tx: Db, at: Date, event: SyncEvent): Promise<void> {
  // The app version is the device row's, read in the same statement: what the device last
  // reported at sign-in or refresh, as it was when this request came.
  await tx.query(
    `insert into sync_events (at, org_id, user_id, device_id, kind, pending_reported, changes, device_clock, app_version)
     values ($1, $2, $3, $4, $5, $6, $7, $8, (select app_version from devices where id = $4))`,
    [
      at,
      event.orgId,
      event.userId,
      event.deviceId,
      event.kind,
      event.report.pending ?? null,
      event.changes,
      storableClock(event.report.deviceTime),
    ],
  );
}

/**
 * The device's clock as the database can keep it. The wire schema already took an ISO
 * date-time; year 0000 passes it but not PostgreSQL, and a request must never fail because
 * a device's clock is absurd: such a clock is kept as not reported.
 */
export function storableClock(deviceTime: string | undefined): string | null {
  if (deviceTime === undefined) return null;
  const ms = Date.parse(deviceTime);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 ? date.toISOString() : null;
}
