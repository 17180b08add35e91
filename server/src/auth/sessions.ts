/**
 * Sessions: created at sign-in for one user on one device, found again from the bearer token.
 * A session is usable while it has not expired and its device has not been revoked; revoking
 * a device therefore cuts off every session on it at once, without touching the sessions.
 */
import type { DeviceId, OrgId, UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';
import type { Db } from '../db/db';
import { hashToken, isTokenShaped, newToken } from './tokens';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** last_seen is a "who has not synced" signal, not an audit log: minute precision is enough. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export interface Session {
  readonly userId: UserId;
  readonly orgId: OrgId;
  readonly role: Role;
  readonly name: string;
  readonly deviceId: DeviceId;
}

export type SessionRejection = 'missing_token' | 'unknown_or_expired' | 'device_revoked';
export type SessionLookup = { ok: true; session: Session } | { ok: false; code: SessionRejection };

/** Finds the session behind an `Authorization` header value and notes that the device was seen. */
export async function findSession(db: Db, authorization: string | undefined, now: Date): Promise<SessionLookup> {
  const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return { ok: false, code: 'missing_token' };
  if (!isTokenShaped(token)) return { ok: false, code: 'unknown_or_expired' };
  const rows = await db.query<Session & { revoked: boolean }>(
    `select s.user_id as "userId", u.org_id as "orgId", u.role, u.name, s.device_id as "deviceId",
            d.revoked_at is not null as revoked
       from sessions s
       join users u on u.id = s.user_id
       join devices d on d.id = s.device_id
      where s.token_hash = $1 and s.expires_at > $2`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return { ok: false, code: 'unknown_or_expired' };
  if (row.revoked) return { ok: false, code: 'device_revoked' };
  await db.query('update devices set last_seen = $2 where id = $1 and last_seen < $3', [
    row.deviceId,
    now,
    new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS),
  ]);
  const { revoked: _revoked, ...session } = row;
  return { ok: true, session };
}

export type DeviceSignIn = { ok: true; token: string } | { ok: false; code: 'device_revoked' };

/**
 * Records the device (first sign-in creates it; later ones move it to this user) and opens a
 * session on it, in one transaction. A revoked device stays revoked and gets no session.
 */
export interface SessionRequest {
  readonly userId: UserId;
  /** As sent by the app; validated by the wire schema. */
  readonly deviceId: string;
  readonly now: Date;
}

export function openSession(db: Db, { userId, deviceId, now }: SessionRequest): Promise<DeviceSignIn> {
  return db.transaction(async (tx) => {
    const device = await tx.query<{ id: string }>(
      `insert into devices (id, user_id, first_seen, last_seen) values ($1, $2, $3, $3)
       on conflict (id) do update set user_id = excluded.user_id, last_seen = excluded.last_seen
         where devices.revoked_at is null
       returning id`,
      [deviceId, userId, now],
    );
    if (device.length === 0) return { ok: false, code: 'device_revoked' };
    const token = newToken();
    await tx.query(
      'insert into sessions (token_hash, user_id, device_id, created_at, expires_at) values ($1, $2, $3, $4, $5)',
      [hashToken(token), userId, deviceId, now, new Date(now.getTime() + SESSION_LIFETIME_MS)],
    );
    return { ok: true, token };
  });
}
