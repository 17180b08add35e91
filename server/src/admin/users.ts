/**
 * The organisation's people as the admin console lists them: role, territories, supervisor,
 * whether the account is disabled, and whether sign-in is locked (from auth/accountAdmin.ts).
 */
import type { AdminUser } from '../../../src/protocol/admin';
import type { Role } from '../../../src/domain/user';
import { signInLocks } from '../auth/accountAdmin';
import type { Db } from '../db/db';
import { iso } from './outcome';

interface UserRow {
  id: string;
  orgId: string;
  username: string;
  name: string;
  role: Role;
  supervisorId: string | null;
  disabledAt: Date | null;
  territories: { id: string; name: string }[] | null;
}

const USER_COLUMNS = `u.id, u.org_id as "orgId", u.username, u.name, u.role, u.supervisor_id as "supervisorId",
  u.disabled_at as "disabledAt",
  (select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name, t.id)
     from user_territories ut join territories t on t.id = ut.territory_id where ut.user_id = u.id) as territories`;

export async function listUsers(db: Db, orgId: string): Promise<AdminUser[]> {
  const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from users u where u.org_id = $1 order by lower(u.name), u.id`, [orgId]);
  const locks = await signInLocks(db, orgId);
  return rows.map((row) => toAdminUser(row, locks.get(row.id)));
}

/** One user of any organisation (the caller checks which), or null. `forUpdate` locks the row. */
export async function findUser(db: Db, userId: string, forUpdate = false): Promise<(AdminUser & { orgId: string }) | null> {
  const [row] = await db.query<UserRow>(`select ${USER_COLUMNS} from users u where u.id = $1${forUpdate ? ' for update of u' : ''}`, [userId]);
  if (!row) return null;
  const locks = await signInLocks(db, row.orgId);
  return { ...toAdminUser(row, locks.get(row.id)), orgId: row.orgId };
}

function toAdminUser(row: UserRow, lock: { lockedAt: Date | null; blockedUntil: Date | null } | undefined): AdminUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    territories: row.territories ?? [],
    supervisorId: row.supervisorId,
    disabledAt: iso(row.disabledAt),
    lockedAt: iso(lock?.lockedAt ?? null),
    blockedUntil: iso(lock?.blockedUntil ?? null),
  };
}

/** The first of `territoryIds` that is not a territory of the organisation, or null. */
export async function unknownTerritory(db: Db, orgId: string, territoryIds: readonly string[]): Promise<string | null> {
  if (territoryIds.length === 0) return null;
  const rows = await db.query<{ id: string }>('select id from territories where org_id = $1 and id = any($2::text[])', [orgId, [...territoryIds]]);
  const known = new Set(rows.map((r) => r.id));
  return territoryIds.find((id) => !known.has(id)) ?? null;
}

/** Why `supervisorId` cannot supervise in this organisation, or null when it can. */
export async function supervisorProblem(db: Db, orgId: string, supervisorId: string | null): Promise<string | null> {
  if (supervisorId === null) return null;
  const [row] = await db.query<{ role: Role; disabled: boolean }>(
    'select role, disabled_at is not null as disabled from users where id = $1 and org_id = $2',
    [supervisorId, orgId],
  );
  if (!row) return `supervisorId: no user ${supervisorId} in your organisation`;
  if (row.role !== 'supervisor') return 'supervisorId: that person is not a supervisor';
  if (row.disabled) return 'supervisorId: that account is disabled';
  return null;
}

export async function setTerritories(tx: Db, userId: string, territoryIds: readonly string[]): Promise<void> {
  await tx.query('delete from user_territories where user_id = $1', [userId]);
  if (territoryIds.length === 0) return;
  await tx.query(
    'insert into user_territories (user_id, territory_id) select $1, t from unnest($2::text[]) as t on conflict do nothing',
    [userId, [...new Set(territoryIds)]],
  );
}
