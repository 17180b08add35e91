/** An administrator adds a person to the organisation (audited as `admin.user.create`). */
import { randomUUID } from 'node:crypto';
import type { AdminUser, CreateUserRequest } from '../../../src/protocol/admin';
import { recordAudit } from '../audit/recordAudit';
import { setPassword } from '../auth/accountAdmin';
import type { AdminContext } from './adminDeps';
import { badRequest, done, type AdminOutcome } from './outcome';
import { findUser, setTerritories, supervisorProblem, unknownTerritory } from './users';

type CreateUser = Required<Pick<CreateUserRequest, 'territoryIds' | 'supervisorId'>> & Omit<CreateUserRequest, 'territoryIds' | 'supervisorId'>;

export function createUser(ctx: AdminContext, body: CreateUser): Promise<AdminOutcome<AdminUser>> {
  const { orgId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.query<{ id: string }>('select id from users where lower(username) = lower($1)', [body.username]);
    if (taken) return badRequest(`username: "${body.username}" is already taken`);
    const unknown = await unknownTerritory(tx, orgId, body.territoryIds);
    if (unknown !== null) return badRequest(`territoryIds: no territory ${unknown} in your organisation`);
    const supervisor = await supervisorProblem(tx, orgId, body.supervisorId);
    if (supervisor !== null) return badRequest(supervisor);

    const id = `user-${randomUUID()}`;
    // The real hash is set by setPassword just below, in this transaction.
    await tx.query(
      `insert into users (id, org_id, username, name, role, password_hash, supervisor_id) values ($1, $2, $3, $4, $5, '!', $6)`,
      [id, orgId, body.username, body.name, body.role, body.supervisorId],
    );
    await setPassword(tx, id, body.password);
    await setTerritories(tx, id, body.territoryIds);
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      {
        action: 'admin.user.create',
        entityKind: 'user',
        entityId: id,
        detail: { username: body.username, name: body.name, role: body.role, territoryIds: body.territoryIds, supervisorId: body.supervisorId },
      },
    ]);
    const user = await findUser(tx, id);
    if (!user) throw new Error('the user just created is missing');
    const { orgId: _org, ...created } = user;
    return done(created);
  });
}
