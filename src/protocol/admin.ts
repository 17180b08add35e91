/**
 * Wire schemas of the admin console (`/api/admin/...`): users, devices, territories,
 * organisation settings and the audit trail. Request bodies are strict objects (an unknown
 * field is refused, named); every string is `safeText`. Responses are parsed by the worker
 * with the same schemas, so both sides agree on one shape.
 */
import { z } from 'zod';
import { ROLES } from '../domain/user';
import { ESCALATION_ACK_MINUTES } from './office';
import { ALERT_CONTACT_DROP_PERCENT, ALERT_NO_SYNC_DAYS, ALERT_UNREACHED_DAYS, WEEKLY_CONTACT_TARGET, WEEKLY_VISIT_TARGET } from './officeAlerts';
import { safeText, TEXT_MAX } from './safeText';

const id = safeText(TEXT_MAX.id);
const isoDateTime = z.iso.datetime();

/** An administrator sets a password for someone else: long enough to resist guessing. */
export const ADMIN_PASSWORD_MIN = 10;
export const LOCK_AFTER_MINUTES = { min: 1, max: 60, default: 5 } as const;
export const SESSION_IDLE_DAYS = { min: 1, max: 90, default: 14 } as const;
export { ESCALATION_ACK_MINUTES } from './office';
export { ALERT_CONTACT_DROP_PERCENT, ALERT_NO_SYNC_DAYS, ALERT_UNREACHED_DAYS, WEEKLY_CONTACT_TARGET, WEEKLY_VISIT_TARGET } from './officeAlerts';
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

/** The action names of the admin console in the audit trail. */
export const ADMIN_AUDIT_ACTIONS = [
  'admin.user.create',
  'admin.user.update',
  'admin.user.password_reset',
  'admin.user.unlock',
  'admin.device.revoke',
  'admin.territory.create',
  'admin.territory.rename',
  'admin.settings.update',
] as const;
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number];

const username = safeText(TEXT_MAX.code)
  .trim()
  .min(3, 'at least 3 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, ".", "_" and "-"');
const personName = safeText(TEXT_MAX.name).trim().min(1, 'a name is required');
const password = safeText(TEXT_MAX.name).min(ADMIN_PASSWORD_MIN, `at least ${ADMIN_PASSWORD_MIN} characters`);
const territoryIds = z.array(id.min(1)).max(100);

// ---- users

export const adminUserSchema = z.object({
  id,
  username: safeText(TEXT_MAX.code),
  name: safeText(TEXT_MAX.name),
  role: z.enum(ROLES),
  territories: z.array(z.object({ id, name: safeText(TEXT_MAX.name) })),
  supervisorId: id.nullable(),
  disabledAt: isoDateTime.nullable(),
  /** Sign-in locked after too many wrong passwords: only an administrator lifts it. */
  lockedAt: isoDateTime.nullable(),
  /** Backoff after wrong passwords; sign-in waits until then. */
  blockedUntil: isoDateTime.nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersResponseSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUsersResponse = z.infer<typeof adminUsersResponseSchema>;

export const createUserRequestSchema = z.strictObject({
  username,
  name: personName,
  role: z.enum(ROLES),
  password,
  territoryIds: territoryIds.default([]),
  supervisorId: id.nullable().default(null),
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    name: personName.optional(),
    role: z.enum(ROLES).optional(),
    territoryIds: territoryIds.optional(),
    supervisorId: id.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change: send at least one field');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const adminUserResponseSchema = z.object({ user: adminUserSchema });

export const resetPasswordRequestSchema = z.strictObject({ password });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const unlockResponseSchema = z.object({ unlocked: z.boolean() });
export const okResponseSchema = z.object({ ok: z.literal(true) });

// ---- devices

export const adminDeviceSchema = z.object({
  id,
  ownerId: id,
  ownerName: safeText(TEXT_MAX.name),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  appVersion: safeText(TEXT_MAX.line).nullable(),
  revokedAt: isoDateTime.nullable(),
  revokedByName: safeText(TEXT_MAX.name).nullable(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

export const adminDevicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema) });
export const revokeDeviceResponseSchema = z.object({ device: adminDeviceSchema, sessionsEnded: z.number().int() });

// ---- territories

export const adminTerritorySchema = z.object({
  id,
  name: safeText(TEXT_MAX.name),
  patientCount: z.number().int(),
  people: z.array(z.object({ id, name: safeText(TEXT_MAX.name), role: z.enum(ROLES) })),
});
export type AdminTerritory = z.infer<typeof adminTerritorySchema>;

export const adminTerritoriesResponseSchema = z.object({ territories: z.array(adminTerritorySchema) });
export const territoryNameRequestSchema = z.strictObject({ name: safeText(TEXT_MAX.name).trim().min(1, 'a name is required') });
export const adminTerritoryResponseSchema = z.object({ territory: adminTerritorySchema });

// ---- settings

export const orgSettingsSchema = z.object({
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES.min).max(LOCK_AFTER_MINUTES.max),
  sessionIdleDays: z.number().int().min(SESSION_IDLE_DAYS.min).max(SESSION_IDLE_DAYS.max),
  /** How long an escalation may stay unacknowledged before the office queue shows it overdue. */
  escalationAckMinutes: z.number().int().min(ESCALATION_ACK_MINUTES.min).max(ESCALATION_ACK_MINUTES.max),
  /** The office's weekly targets per specialist and alert thresholds (protocol/officeAlerts.ts, docs/METRICS.md). */
  weeklyContactTarget: z.number().int().min(WEEKLY_CONTACT_TARGET.min).max(WEEKLY_CONTACT_TARGET.max),
  weeklyVisitTarget: z.number().int().min(WEEKLY_VISIT_TARGET.min).max(WEEKLY_VISIT_TARGET.max),
  alertNoSyncDays: z.number().int().min(ALERT_NO_SYNC_DAYS.min).max(ALERT_NO_SYNC_DAYS.max),
  alertContactDropPercent: z.number().int().min(ALERT_CONTACT_DROP_PERCENT.min).max(ALERT_CONTACT_DROP_PERCENT.max),
  alertUnreachedDays: z.number().int().min(ALERT_UNREACHED_DAYS.min).max(ALERT_UNREACHED_DAYS.max),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

const between = (lo: number, hi: number) => z.number().int(`a whole number from ${lo} to ${hi}`).min(lo, `from ${lo} to ${hi}`).max(hi, `from ${lo} to ${hi}`);
export const updateSettingsRequestSchema = z
  .strictObject({
    lockAfterMinutes: between(LOCK_AFTER_MINUTES.min, LOCK_AFTER_MINUTES.max).optional(),
    sessionIdleDays: between(SESSION_IDLE_DAYS.min, SESSION_IDLE_DAYS.max).optional(),
    escalationAckMinutes: between(ESCALATION_ACK_MINUTES.min, ESCALATION_ACK_MINUTES.max).optional(),
    weeklyContactTarget: between(WEEKLY_CONTACT_TARGET.min, WEEKLY_CONTACT_TARGET.max).optional(),
    weeklyVisitTarget: between(WEEKLY_VISIT_TARGET.min, WEEKLY_VISIT_TARGET.max).optional(),
    alertNoSyncDays: between(ALERT_NO_SYNC_DAYS.min, ALERT_NO_SYNC_DAYS.max).optional(),
    alertContactDropPercent: between(ALERT_CONTACT_DROP_PERCENT.min, ALERT_CONTACT_DROP_PERCENT.max).optional(),
    alertUnreachedDays: between(ALERT_UNREACHED_DAYS.min, ALERT_UNREACHED_DAYS.max).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change: send at least one setting (lockAfterMinutes, sessionIdleDays, escalationAckMinutes, weeklyContactTarget, …)');
export type UpdateSettingsRequest = z.infer<typeof updateSettingsRequestSchema>;

export const settingsResponseSchema = z.object({ settings: orgSettingsSchema });

// ---- audit trail

/** Query-string filters of `GET /api/admin/audit` and `/api/admin/audit.csv`; all optional. */
export const auditQuerySchema = z.strictObject({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  userId: id.optional(),
  patientId: id.optional(),
  action: safeText(TEXT_MAX.code).optional(),
  entityKind: safeText(TEXT_MAX.code).optional(),
  /** Keyset paging: the `next` of the previous page, `<at ISO>~<id>`. */
  before: safeText(TEXT_MAX.cursor).regex(/^[0-9T:.Z-]+~\d{1,19}$/, 'not a paging mark from this server').optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: safeText(TEXT_MAX.short),
  at: isoDateTime,
  userId: id.nullable(),
  userName: safeText(TEXT_MAX.name).nullable(),
  deviceId: id.nullable(),
  address: safeText(TEXT_MAX.name).nullable(),
  action: safeText(TEXT_MAX.code),
  entityKind: safeText(TEXT_MAX.code).nullable(),
  entityId: id.nullable(),
  patientId: id.nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventRow = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: safeText(TEXT_MAX.cursor).nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
