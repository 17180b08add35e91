/**
 * Sign-in: checks a username and password within the sign-in limits, gives the person a device
 * of their own and opens a session on it. Knows nothing of HTTP; the route turns the outcome
 * into a response.
 *
 * Unknown users, wrong passwords and disabled accounts are indistinguishable from outside:
 * same code, and the same scrypt work (against a throwaway hash) so response time does not
 * reveal which usernames exist. Outside demo mode the published demo password is never
 * accepted, whatever an account's hash says.
 */
import type { UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';
import type { LoginRequest } from '../../../src/protocol/wire';
import { recordAudit, type AuditActor } from '../audit/recordAudit';
import type { Db } from '../db/db';
import { DEMO_PASSWORD } from '../seed/organisation';
import { claimDevice } from './devices';
import { readOrgSettings, type OrgSettings } from './orgSettings';
import { hashPassword, verifyPassword } from './password';
import { settleEndedCoverages } from '../office/coverageEnds';
import { territoriesInScope, type ScopeSubject, type TerritorySummary } from './scope';
import { openSession, type IssuedTokens } from './sessions';
import { accountKey, addressKey, admitAttempt, recordFailure, recordSuccess } from './signInLimits';

export interface LoginDeps {
  readonly db: Db;
  readonly now: () => Date;
  /** A hash of a random secret, verified against when the username is unknown. */
  readonly decoyHash: Promise<string>;
  /** The demo organisation is seeded: its published password is accepted. */
  readonly demoMode: boolean;
}

export interface LoginContext {
  /** The client's address as the server saw it. */
  readonly address: string | null;
}

export type LoginOutcome =
  | {
      ok: true;
      tokens: IssuedTokens;
      deviceId: string;
      deviceKey: string;
      user: { id: UserId; name: string; role: Role };
      territories: TerritorySummary[];
      careTeamPhone: string | null;
      settings: OrgSettings;
    }
  | { ok: false; code: 'wrong_credentials' | 'device_revoked' }
  | { ok: false; code: 'too_many_attempts'; retryAfterSeconds: number; locked: boolean };

export function makeDecoyHash(): Promise<string> {
  return hashPassword(crypto.randomUUID());
}

type UserRow = ScopeSubject & { name: string; passwordHash: string; disabled: boolean };

/** True when `password` is this user's password and may be used here (the same work either way). */
export async function passwordAccepted(deps: Pick<LoginDeps, 'decoyHash' | 'demoMode'>, user: { passwordHash: string } | undefined, password: string): Promise<boolean> {
  const matches = await verifyPassword(password, user?.passwordHash ?? (await deps.decoyHash));
  return matches && user !== undefined && (deps.demoMode || password !== DEMO_PASSWORD);
}

export async function login(deps: LoginDeps, request: LoginRequest, context: LoginContext): Promise<LoginOutcome> {
  const keys = { account: accountKey(request.username), address: context.address ? addressKey(context.address) : null };
  const admitted = await admitAttempt(deps.db, keys, deps.now());
  if (!admitted.ok) return { ok: false, code: 'too_many_attempts', retryAfterSeconds: admitted.retryAfterSeconds, locked: admitted.locked };

  const [user] = await deps.db.query<UserRow>(
    `select id as "userId", org_id as "orgId", role, name, password_hash as "passwordHash",
            disabled_at is not null as disabled
       from users where lower(username) = lower($1)`,
    [request.username],
  );
  const accepted = (await passwordAccepted(deps, user, request.password)) && user !== undefined && !user.disabled;
  const now = deps.now();
  const audit = (u: UserRow, deviceId: string | null): AuditActor => ({ orgId: u.orgId, userId: u.userId, deviceId, address: context.address });
  if (!accepted || !user) {
    await recordFailure(deps.db, keys, now);
    // Only a real account's failures are audited; the counters above hold the rest.
    if (user) await recordAudit(deps.db, audit(user, request.deviceId), now, [{ action: 'sign_in_failed', detail: { username: request.username } }]);
    return { ok: false, code: 'wrong_credentials' };
  }

  const opened = await deps.db.transaction(async (tx) => {
    await recordSuccess(tx, keys);
    const device = await claimDevice(tx, { userId: user.userId, deviceId: request.deviceId, appVersion: request.appVersion ?? null, now });
    if (!device.ok) return device;
    const tokens = await openSession(tx, { userId: user.userId, deviceId: device.deviceId, now });
    const detail = device.deviceId === request.deviceId ? null : { deviceIdSent: request.deviceId };
    await recordAudit(tx, audit(user, device.deviceId), now, [{ action: 'sign_in', detail }]);
    return { ok: true as const, tokens, device };
  });
  if (!opened.ok) return opened;
  // Before the scope is read: an ended coverage leaves its release first (office/coverageEnds.ts).
  await settleEndedCoverages(deps.db, user.userId, now);
  return {
    ok: true,
    tokens: opened.tokens,
    deviceId: opened.device.deviceId,
    deviceKey: opened.device.deviceKey,
    user: { id: user.userId, name: user.name, role: user.role },
    territories: await territoriesInScope(deps.db, user, now),
    careTeamPhone: await careTeamPhone(deps.db, user.orgId),
    settings: await readOrgSettings(deps.db, user.orgId),
  };
}

async function careTeamPhone(db: LoginDeps['db'], orgId: string): Promise<string | null> {
  const [org] = await db.query<{ phone: string | null }>('select care_team_phone as phone from orgs where id = $1', [orgId]);
  return org?.phone ?? null;
}
