/**
 * Sign-in: checks a username and password and opens a session for the device. Knows nothing of
 * HTTP; the route turns the outcome into a response.
 *
 * Unknown users and wrong passwords are indistinguishable from outside: same code, and the
 * same scrypt work (against a throwaway hash) so response time does not reveal which
 * usernames exist.
 */
import type { UserId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/user';
import type { LoginRequest } from '../../../src/protocol/wire';
import type { Db } from '../db/db';
import { hashPassword, verifyPassword } from './password';
import { territoriesInScope, type ScopeSubject, type TerritorySummary } from './scope';
import { openSession } from './sessions';

export interface LoginDeps {
  readonly db: Db;
  readonly now: () => Date;
  /** A hash of a random secret, verified against when the username is unknown. */
  readonly decoyHash: Promise<string>;
}

export type LoginOutcome =
  | {
      ok: true;
      token: string;
      user: { id: UserId; name: string; role: Role };
      territories: TerritorySummary[];
      careTeamPhone: string | null;
    }
  | { ok: false; code: 'wrong_credentials' | 'device_revoked' };

export function makeDecoyHash(): Promise<string> {
  return hashPassword(crypto.randomUUID());
}

export async function login(deps: LoginDeps, request: LoginRequest): Promise<LoginOutcome> {
  const rows = await deps.db.query<ScopeSubject & { name: string; passwordHash: string }>(
    `select id as "userId", org_id as "orgId", role, name, password_hash as "passwordHash"
       from users where lower(username) = lower($1)`,
    [request.username],
  );
  const user = rows[0];
  const matches = await verifyPassword(request.password, user?.passwordHash ?? (await deps.decoyHash));
  if (!user || !matches) return { ok: false, code: 'wrong_credentials' };

  const signIn = await openSession(deps.db, { userId: user.userId, deviceId: request.deviceId, now: deps.now() });
  if (!signIn.ok) return signIn;
  return {
    ok: true,
    token: signIn.token,
    user: { id: user.userId, name: user.name, role: user.role },
    territories: await territoriesInScope(deps.db, user),
    careTeamPhone: await careTeamPhone(deps.db, user.orgId),
  };
}

async function careTeamPhone(db: LoginDeps['db'], orgId: string): Promise<string | null> {
  const [org] = await db.query<{ phone: string | null }>('select care_team_phone as phone from orgs where id = $1', [orgId]);
  return org?.phone ?? null;
}
