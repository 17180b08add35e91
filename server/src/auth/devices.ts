/**
 * Devices and who owns them. A device id belongs to the first person who signs in with it;
 * another person signing in with the same id never takes it over (their sign-in would inherit
 * the owner's push numbering and device key): the server issues a fresh id for them instead,
 * and the owner's device carries on untouched. A revoked device gets nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db';

const DEVICE_KEY_BYTES = 32;

export type DeviceClaim =
  | { readonly ok: true; readonly deviceId: string; readonly deviceKey: string }
  | { readonly ok: false; readonly code: 'device_revoked' };

export interface ClaimRequest {
  readonly userId: string;
  /** As sent by the app; validated by the wire schema. */
  readonly deviceId: string;
  readonly appVersion: string | null;
  readonly now: Date;
}

/** A new device id: 128 random bits in base64url, within the wire's device id rules. */
export function newDeviceId(): string {
  return `dev-${randomBytes(16).toString('base64url')}`;
}

/** Finds or records the device this sign-in uses; call inside the sign-in's transaction. */
export async function claimDevice(tx: Db, request: ClaimRequest): Promise<DeviceClaim> {
  const [existing] = await tx.query<{ userId: string; revoked: boolean; deviceKey: string }>(
    `select user_id as "userId", revoked_at is not null as revoked, device_key as "deviceKey"
       from devices where id = $1 for update`,
    [request.deviceId],
  );
  // A revoked id stays dead for everyone: the app holding it wipes itself.
  if (existing?.revoked) return { ok: false, code: 'device_revoked' };
  if (existing?.userId === request.userId) {
    await tx.query('update devices set last_seen = $2, app_version = coalesce($3, app_version) where id = $1', [
      request.deviceId,
      request.now,
      request.appVersion,
    ]);
    return { ok: true, deviceId: request.deviceId, deviceKey: existing.deviceKey };
  }
  // Unknown id, or someone else's: this person gets a device of their own.
  const deviceId = existing ? newDeviceId() : request.deviceId;
  const deviceKey = randomBytes(DEVICE_KEY_BYTES).toString('base64url');
  await tx.query(
    `insert into devices (id, user_id, first_seen, last_seen, app_version, device_key) values ($1, $2, $3, $3, $4, $5)`,
    [deviceId, request.userId, request.now, request.appVersion, deviceKey],
  );
  return { ok: true, deviceId, deviceKey };
}
