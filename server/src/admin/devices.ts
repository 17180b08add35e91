/**
 * The organisation's devices (each belongs to one person) and revoking one, e.g. a lost
 * tablet: the device is told at its next contact and wipes itself; its sessions end now.
 * Audited as `admin.device.revoke`.
 */
import type { AdminDevice } from '../../../src/protocol/admin';
import { recordAudit } from '../audit/recordAudit';
import { endSessions } from '../auth/accountAdmin';
import type { Db } from '../db/db';
import type { AdminContext } from './adminDeps';
import { done, iso, notFound, refusal, type AdminOutcome } from './outcome';

interface DeviceRow {
  id: string;
  orgId: string;
  ownerId: string;
  ownerName: string;
  firstSeen: Date;
  lastSeen: Date;
  appVersion: string | null;
  revokedAt: Date | null;
  revokedByName: string | null;
}

const DEVICE_QUERY = `select d.id, u.org_id as "orgId", d.user_id as "ownerId", u.name as "ownerName",
    d.first_seen as "firstSeen", d.last_seen as "lastSeen", d.app_version as "appVersion",
    d.revoked_at as "revokedAt", r.name as "revokedByName"
  from devices d join users u on u.id = d.user_id left join users r on r.id = d.revoked_by`;

export async function listDevices(db: Db, orgId: string): Promise<AdminDevice[]> {
  const rows = await db.query<DeviceRow>(`${DEVICE_QUERY} where u.org_id = $1 order by d.last_seen desc, d.id`, [orgId]);
  return rows.map(toAdminDevice);
}

export function revokeDevice(ctx: AdminContext, deviceId: string): Promise<AdminOutcome<{ device: AdminDevice; sessionsEnded: number }>> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<DeviceRow>(`${DEVICE_QUERY} where d.id = $1 for update of d`, [deviceId]);
    const missing = `No device ${deviceId} in your organisation`;
    if (!row) return notFound(missing);
    const denied = refusal(ctx.actor, 'device.manage', { type: 'device', orgId: row.orgId, ownerId: row.ownerId }, missing);
    if (denied) return denied;
    // Revoking twice changes nothing: the first revocation (and its audit row) stands.
    if (row.revokedAt !== null) return done({ device: toAdminDevice(row), sessionsEnded: 0 });

    await tx.query('update devices set revoked_at = $2, revoked_by = $3 where id = $1', [deviceId, ctx.now, ctx.actor.userId]);
    const sessionsEnded = await endSessions(tx, { deviceId });
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      { action: 'admin.device.revoke', entityKind: 'device', entityId: deviceId, detail: { ownerId: row.ownerId, sessionsEnded } },
    ]);
    return done({ device: toAdminDevice({ ...row, revokedAt: ctx.now, revokedByName: ctx.actor.name }), sessionsEnded });
  });
}

function toAdminDevice(row: DeviceRow): AdminDevice {
  return {
    id: row.id,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    firstSeen: iso(row.firstSeen)!,
    lastSeen: iso(row.lastSeen)!,
    appVersion: row.appVersion,
    revokedAt: iso(row.revokedAt),
    revokedByName: row.revokedByName,
  };
}
