/**
 * An administrator changes a person's name, role, territories, supervisor, or disables or
 * re-enables the account (audited as `admin.user.update`, before and after per field).
 * Disabling ends the person's sessions everywhere. An administrator cannot disable or demote
 * themselves: the organisation could be left without anyone to undo it.
 */
import type { AdminUser, UpdateUserRequest } from '../../../src/protocol/admin';
import { recordAudit, type FieldChange } from '../audit/recordAudit';
import { endSessions } from '../auth/accountAdmin';
import type { AdminContext } from './adminDeps';
import { badRequest, done, notFound, refusal, type AdminOutcome } from './outcome';
import { findUser, setTerritories, supervisorProblem, unknownTerritory } from './users';

export function updateUser(ctx: AdminContext, userId: string, body: UpdateUserRequest): Promise<AdminOutcome<AdminUser>> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, userId, true);
    const missing = `No user ${userId} in your organisation`;
    if (!before) return notFound(missing);
    const denied = refusal(actor, 'user.manage', { type: 'user', orgId: before.orgId, userId }, missing);
    if (denied) return denied;

    if (userId === actor.userId) {
      if (body.disabled === true) return badRequest('disabled: you cannot disable your own account');
      if (body.role !== undefined && body.role !== 'admin') return badRequest('role: you cannot take the administrator role from yourself');
    }
    if (body.territoryIds !== undefined) {
      const unknown = await unknownTerritory(tx, actor.orgId, body.territoryIds);
      if (unknown !== null) return badRequest(`territoryIds: no territory ${unknown} in your organisation`);
    }
    if (body.supervisorId !== undefined) {
      if (body.supervisorId === userId) return badRequest('supervisorId: a person cannot supervise themselves');
      const problem = await supervisorProblem(tx, actor.orgId, body.supervisorId);
      if (problem !== null) return badRequest(problem);
    }

    const changes: FieldChange[] = [];
    const note = (field: string, was: unknown, now: unknown) => {
      if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ field, before: was, after: now });
    };
    if (body.name !== undefined) note('name', before.name, body.name);
    if (body.role !== undefined) note('role', before.role, body.role);
    if (body.supervisorId !== undefined) note('supervisorId', before.supervisorId, body.supervisorId);
    const wasDisabled = before.disabledAt !== null;
    if (body.disabled !== undefined) note('disabled', wasDisabled, body.disabled);
    if (body.territoryIds !== undefined) {
      note('territoryIds', before.territories.map((t) => t.id).sort(), [...new Set(body.territoryIds)].sort());
    }
    if (changes.length === 0) return done(strip(before));

    const changed = new Set(changes.map((c) => c.field));
    await tx.query(
      `update users set
         name = case when $2 then $3 else name end,
         role = case when $4 then $5 else role end,
         supervisor_id = case when $6 then $7 else supervisor_id end,
         disabled_at = case when $8 then $9::timestamptz else disabled_at end
       where id = $1`,
      [
        userId,
        changed.has('name'), body.name ?? null,
        changed.has('role'), body.role ?? null,
        changed.has('supervisorId'), body.supervisorId ?? null,
        changed.has('disabled'), body.disabled ? ctx.now : null,
      ],
    );
    if (changed.has('territoryIds')) await setTerritories(tx, userId, body.territoryIds ?? []);
    const sessionsEnded = body.disabled === true && !wasDisabled ? await endSessions(tx, { userId }) : 0;
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      {
        action: 'admin.user.update',
        entityKind: 'user',
        entityId: userId,
        changes,
        detail: { username: before.username, ...(sessionsEnded > 0 ? { sessionsEnded } : {}) },
      },
    ]);
    const after = await findUser(tx, userId);
    if (!after) throw new Error('the user just updated is missing');
    return done(strip(after));
  });
}

function strip(user: AdminUser & { orgId: string }): AdminUser {
  const { orgId: _org, ...rest } = user;
  return rest;
}
