/**
 * Sessions: opened at sign-in for one user on one device. The access token (15 minutes) is
 * what gated routes see; the refresh token gets new tokens from the device it was issued to,
 * and is replaced each time. Only sha256 hashes are stored.
 *
 * A session works while it has not ended, has not passed its absolute end (90 days) or gone
 * unused for the organisation's idle days, its device is not revoked and its user not
 * disabled. Revoking a device or disabling a user therefore cuts off every session at once,
 * without touching the sessions.
 */
import type { DeviceId, OrgId, UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';
import type { Db } from '../db/db';
import { readOrgSettings, type OrgSettings } from './orgSettings';
import { hashToken, isTokenShaped, newToken } from './tokens';

export const ACCESS_LIFETIME_MS = 15 * 60 * 1000;
export const SESSION_MAX_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** last_seen is a "who has not synced" signal, not an audit log: minute precision is enough. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export interface Session {
  readonly sessionId: string;
  readonly userId: UserId;
  readonly orgId: OrgId;
  readonly role: Role;
  readonly name: string;
  readonly deviceId: DeviceId;
}

export type EndReason = 'signed_out' | 'password_changed' | 'refresh_reused' | 'idle' | 'ended_by_admin';

export type SessionRejection = 'missing_token' | 'unknown_or_expired' | 'device_revoked';
export type SessionLookup = { ok: true; session: Session } | { ok: false; code: SessionRejection };

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  /** Works only at /api/sync/push-sealed (findPushSession); replaced with the others at each refresh. */
  readonly pushToken: string;
}

/** The token of an `Authorization: Bearer` header value, or why there is none usable. */
function bearerToken(authorization: string | undefined): string | { ok: false; code: SessionRejection } {
  const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return { ok: false, code: 'missing_token' };
  return isTokenShaped(token) ? token : { ok: false, code: 'unknown_or_expired' };
}

function noteDeviceSeen(db: Db, deviceId: string, now: Date): Promise<unknown> {
  return db.query('update devices set last_seen = $2 where id = $1 and last_seen < $3', [
    deviceId,
    now,
    new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS),
  ]);
}

/** Finds the session behind an `Authorization` header value and notes that the device was seen. */
export async function findSession(db: Db, authorization: string | undefined, now: Date): Promise<SessionLookup> {
  const token = bearerToken(authorization);
  if (typeof token !== 'string') return token;
  const rows = await db.query<Session & { revoked: boolean; ended: boolean }>(
    `select s.id as "sessionId", s.user_id as "userId", u.org_id as "orgId", u.role, u.name,
            s.device_id as "deviceId", d.revoked_at is not null as revoked, s.ended_at is not null as ended
       from sessions s
       join users u on u.id = s.user_id
       join devices d on d.id = s.device_id
      where s.access_hash = $1 and s.access_expires_at > $2 and s.expires_at > $2
        and u.disabled_at is null`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return { ok: false, code: 'unknown_or_expired' };
  // Revoking a device also ends its sessions; the device must still learn it was revoked (so
  // it wipes), hence this check comes before the one for an ended session.
  if (row.revoked) return { ok: false, code: 'device_revoked' };
  if (row.ended) return { ok: false, code: 'unknown_or_expired' };
  await noteDeviceSeen(db, row.deviceId, now);
  const { revoked: _revoked, ended: _ended, ...session } = row;
  return { ok: true, session };
}

/**
 * Finds the session behind a push token (`Authorization: Bearer`, at /api/sync/push-sealed
 * only). It works exactly while its session would: not ended, not past its absolute end or
 * the organisation's idle days, user not disabled, device not revoked (told apart, so the
 * device wipes). Using it is not the person's activity: the idle clock does not move, so a
 * tablet left closed stops sending in the background when its session would have ended.
 */
export async function findPushSession(db: Db, authorization: string | undefined, now: Date): Promise<SessionLookup> {
  const token = bearerToken(authorization);
  if (typeof token !== 'string') return token;
  const rows = await db.query<Session & { revoked: boolean; ended: boolean; lastUsedAt: Date }>(
    `select s.id as "sessionId", s.user_id as "userId", u.org_id as "orgId", u.role, u.name,
            s.device_id as "deviceId", d.revoked_at is not null as revoked, s.ended_at is not null as ended,
            s.last_used_at as "lastUsedAt"
       from sessions s
       join users u on u.id = s.user_id
       join devices d on d.id = s.device_id
      where s.push_hash = $1 and s.expires_at > $2 and u.disabled_at is null`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return { ok: false, code: 'unknown_or_expired' };
  if (row.revoked) return { ok: false, code: 'device_revoked' };
  if (row.ended) return { ok: false, code: 'unknown_or_expired' };
  const settings = await readOrgSettings(db, row.orgId);
  if (row.lastUsedAt.getTime() + settings.sessionIdleDays * DAY_MS <= now.getTime()) return { ok: false, code: 'unknown_or_expired' };
  await noteDeviceSeen(db, row.deviceId, now);
  const { revoked: _revoked, ended: _ended, lastUsedAt: _lastUsedAt, ...session } = row;
  return { ok: true, session };
}

/** Opens a session on a device the user owns (auth/devices.ts); call inside the sign-in's transaction. */
export async function openSession(
  tx: Db,
  { userId, deviceId, now }: { userId: string; deviceId: string; now: Date },
): Promise<IssuedTokens & { sessionId: string }> {
  const sessionId = newToken();
  const tokens = issue(now);
  await tx.query(
    `insert into sessions (id, user_id, device_id, access_hash, access_expires_at, refresh_hash, created_at, last_used_at, expires_at, push_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
    [
      sessionId,
      userId,
      deviceId,
      hashToken(tokens.accessToken),
      tokens.accessExpiresAt,
      hashToken(tokens.refreshToken),
      now,
      new Date(now.getTime() + SESSION_MAX_LIFETIME_MS),
      hashToken(tokens.pushToken),
    ],
  );
  return { ...tokens, sessionId };
}

export interface RefreshRequestInput {
  readonly refreshToken: string;
  readonly deviceId: string;
  readonly appVersion: string | null;
  readonly now: Date;
}

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens; settings: OrgSettings }
  | { ok: false; code: 'unauthorized' | 'device_revoked' };

/**
 * Exchanges a refresh token for new tokens, in one transaction with the session row locked,
 * so two refreshes with the same token cannot both succeed. A token that was already spent
 * means someone holds a copy: the session ends, for the copy and the device alike.
 */
export function refreshSession(db: Db, input: RefreshRequestInput): Promise<RefreshOutcome> {
  const unauthorized = { ok: false, code: 'unauthorized' } as const;
  if (!isTokenShaped(input.refreshToken)) return Promise.resolve(unauthorized);
  const hash = hashToken(input.refreshToken);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{
      id: string;
      deviceId: string;
      orgId: string;
      lastUsedAt: Date;
      expiresAt: Date;
      ended: boolean;
      disabled: boolean;
      revoked: boolean;
    }>(
      `select s.id, s.device_id as "deviceId", u.org_id as "orgId", s.last_used_at as "lastUsedAt",
              s.expires_at as "expiresAt", s.ended_at is not null as ended,
              u.disabled_at is not null as disabled, d.revoked_at is not null as revoked
         from sessions s join users u on u.id = s.user_id join devices d on d.id = s.device_id
        where s.refresh_hash = $1
        for update of s`,
      [hash],
    );
    if (!row) {
      const [spent] = await tx.query<{ sessionId: string }>(
        'select session_id as "sessionId" from spent_refresh_tokens where refresh_hash = $1',
        [hash],
      );
      if (spent) await endSessionById(tx, spent.sessionId, 'refresh_reused', input.now);
      return unauthorized;
    }
    // Bound to its device: a refresh token copied elsewhere is worthless on its own.
    if (row.deviceId !== input.deviceId) return unauthorized;
    if (row.revoked) return { ok: false, code: 'device_revoked' } as const;
    if (row.ended || row.disabled || row.expiresAt <= input.now) return unauthorized;
    const settings = await readOrgSettings(tx, row.orgId);
    if (row.lastUsedAt.getTime() + settings.sessionIdleDays * DAY_MS <= input.now.getTime()) {
      await endSessionById(tx, row.id, 'idle', input.now);
      return unauthorized;
    }
    const tokens = issue(input.now);
    await tx.query('insert into spent_refresh_tokens (refresh_hash, session_id) values ($1, $2)', [hash, row.id]);
    await tx.query(
      `update sessions set access_hash = $2, access_expires_at = $3, refresh_hash = $4, last_used_at = $5, push_hash = $6 where id = $1`,
      [row.id, hashToken(tokens.accessToken), tokens.accessExpiresAt, hashToken(tokens.refreshToken), input.now, hashToken(tokens.pushToken)],
    );
    await tx.query('update devices set last_seen = $2, app_version = coalesce($3, app_version) where id = $1', [
      row.deviceId,
      input.now,
      input.appVersion,
    ]);
    return { ok: true, tokens, settings } as const;
  });
}

/** Ends one session; true when it was still open. */
export async function endSessionById(tx: Db, sessionId: string, reason: EndReason, now: Date): Promise<boolean> {
  const rows = await tx.query('update sessions set ended_at = $2, ended_reason = $3 where id = $1 and ended_at is null returning id', [
    sessionId,
    now,
    reason,
  ]);
  return rows.length > 0;
}

/** Ends every open session of a user, except `keep` (the one changing its own password). */
export async function endUserSessions(
  tx: Db,
  userId: string,
  reason: EndReason,
  now: Date,
  keep: string | null = null,
): Promise<number> {
  const rows = await tx.query(
    `update sessions set ended_at = $2, ended_reason = $3
      where user_id = $1 and ended_at is null and ($4::text is null or id <> $4) returning id`,
    [userId, now, reason, keep],
  );
  return rows.length;
}

function issue(now: Date): IssuedTokens {
  return {
    accessToken: newToken(),
    refreshToken: newToken(),
    accessExpiresAt: new Date(now.getTime() + ACCESS_LIFETIME_MS),
    pushToken: newToken(),
  };
}
