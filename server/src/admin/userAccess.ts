/**
 * An administrator helps someone back into their account: sets a new password (the person's
 * sessions end; audited as `admin.user.password_reset`, never with the password) or lifts a
 * sign-in lockout (`admin.user.unlock`).
 */
import { recordAudit } from '../audit/recordAudit';
import { liftSignInLockout, setPassword } from '../auth/accountAdmin';
import type { AdminContext } from './adminDeps';
import { done, notFound, refusal, type AdminOutcome } from './outcome';
import { findUser } from './users';

export function resetPassword(ctx: AdminContext, userId: string, password: string): Promise<AdminOutcome<{ ok: true }>> {
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, userId, true);
    const missing = `No user ${userId} in your organisation`;
    if (!user) return notFound(missing);
    const denied = refusal(ctx.actor, 'user.manage', { type: 'user', orgId: user.orgId, userId }, missing);
    if (denied) return denied;
    await setPassword(tx, userId, password);
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      { action: 'admin.user.password_reset', entityKind: 'user', entityId: userId, detail: { username: user.username } },
    ]);
    return done({ ok: true as const });
  });
}

export function unlockUser(ctx: AdminContext, userId: string): Promise<AdminOutcome<{ unlocked: boolean }>> {
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, userId, true);
    const missing = `No user ${userId} in your organisation`;
    if (!user) return notFound(missing);
    const denied = refusal(ctx.actor, 'user.manage', { type: 'user', orgId: user.orgId, userId }, missing);
    if (denied) return denied;
    const unlocked = await liftSignInLockout(tx, user.username);
    await recordAudit(tx, ctx.auditActor, ctx.now, [
      { action: 'admin.user.unlock', entityKind: 'user', entityId: userId, detail: { username: user.username, wasLocked: unlocked } },
    ]);
    return done({ unlocked });
  });
}
