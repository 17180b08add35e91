/**
 * Wire types and their runtime schemas, shared by the client worker and the server.
 * Every request body is parsed with these schemas at the boundary; nothing past the
 * boundary re-validates. Bump PROTOCOL_VERSION on any incompatible change.
 */
import { z } from 'zod';
import { ROLES } from '../domain/user';
import { ENTITY_KINDS } from '../domain/entities';
import { entityRecordSchema, hlcSchema } from './entities';
import { PUSH_SEAL_KEY_PATTERN, SEALED_MAX_CHARS } from './pushSeal';
import { safeText, TEXT_MAX } from './safeText';

export const PROTOCOL_VERSION = 4;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  /** The device was revoked (lost or stolen): the app wipes its local data. */
  'device_revoked',
  'forbidden',
  'not_found',
  /** The thing changed meanwhile so that this request no longer applies (a resolved escalation). */
  'conflict',
  'payload_too_large',
  'unsupported_protocol',
  /** Too many failed sign-ins for this account or address: wait (`Retry-After`) or ask an administrator. */
  'too_many_attempts',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  // The server's own words, read by the client: never refused, or the code would be lost with them.
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: safeText(TEXT_MAX.line),
  protocolVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Device ids are made by the app (or issued by the server at sign-in): letters, digits, "-" and "_". */
export const deviceIdSchema = safeText(TEXT_MAX.id)
  .min(8, 'deviceId must be at least 8 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'deviceId may contain only letters, digits, "-" and "_"');

const appVersionSchema = safeText(TEXT_MAX.short).trim().min(1, 'appVersion must not be empty');

export const loginRequestSchema = z.strictObject({
  username: safeText(TEXT_MAX.code).trim().min(1, 'username is required'),
  password: safeText(TEXT_MAX.name).min(1, 'password is required'),
  deviceId: deviceIdSchema,
  appVersion: appVersionSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const territorySummarySchema = z.object({ id: safeText(TEXT_MAX.id), name: safeText(TEXT_MAX.name) });

/** Settings of the organisation the device applies (set by an administrator). */
export const sessionSettingsSchema = z.object({ lockAfterMinutes: z.number().int().min(1).max(60) });

const tokenSchema = safeText(TEXT_MAX.code);

/**
 * What lets a context without the data key send this device's changes (docs/SECURITY.md,
 * "Background sync"): a token that works only at /api/sync/push-sealed, for this session's
 * user and device, and the server's public key to seal the changes to. Stored in clear.
 */
const backgroundPushFields = {
  pushToken: tokenSchema,
  pushSealKey: z.string().regex(PUSH_SEAL_KEY_PATTERN, 'pushSealKey must be a P-256 public key in base64url'),
};

export const loginResponseSchema = z.object({
  /** Sent as `Authorization: Bearer` on gated routes; short-lived (`accessExpiresAt`). */
  accessToken: tokenSchema,
  /** Exchanged at /api/auth/refresh, from this device only, for new tokens; each works once. */
  refreshToken: tokenSchema,
  accessExpiresAt: safeText(TEXT_MAX.short),
  /** The id this device uses from now on: a new one when the id sent belongs to another person. */
  deviceId: deviceIdSchema,
  /** base64url of 32 bytes, fixed per device; the device wraps its data key with it and never stores it. */
  deviceKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'deviceKey must be 32 bytes in base64url'),
  user: z.object({ id: safeText(TEXT_MAX.id), name: safeText(TEXT_MAX.name), role: z.enum(ROLES) }),
  territories: z.array(territorySummarySchema),
  /** The care team's line, offered when a specialist escalates an urgent concern. */
  careTeamPhone: safeText(TEXT_MAX.short).nullable(),
  serverTime: safeText(TEXT_MAX.short),
  settings: sessionSettingsSchema,
  ...backgroundPushFields,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const refreshRequestSchema = z.strictObject({
  refreshToken: tokenSchema.min(1, 'refreshToken is required'),
  deviceId: deviceIdSchema,
  appVersion: appVersionSchema.optional(),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const refreshResponseSchema = z.object({
  accessToken: tokenSchema,
  refreshToken: tokenSchema,
  accessExpiresAt: safeText(TEXT_MAX.short),
  settings: sessionSettingsSchema,
  ...backgroundPushFields,
});
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponseSchema>;

/** The new password: at least 10 characters and not the username (checked by the server). */
export const PASSWORD_MIN_LENGTH = 10;
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: safeText(TEXT_MAX.name).min(1, 'currentPassword is required'),
  newPassword: safeText(TEXT_MAX.name).min(PASSWORD_MIN_LENGTH, `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters`),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The most unsent changes a device reports; it sends this when it holds more. */
export const PENDING_REPORT_MAX = 1_000_000;

/**
 * What a device says about itself with each push, sealed push and pull, for the office's view
 * of the team (docs/SYNC.md, S21). Both optional, so devices from before they existed keep
 * syncing. Reported, never trusted: they decide nothing on the server, and freshness is the
 * server's clock.
 */
export const deviceReportSchema = z.strictObject({
  /** The device's count of unsent changes (its outbox) when it sent the request, this batch included. */
  pending: z.number().int().min(0).max(PENDING_REPORT_MAX).optional(),
  /** The device's clock when it sent the request: the office shows how far it is from the server's. */
  deviceTime: z.iso.datetime().optional(),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

export const PULL_PAGE_MAX = 2000;
export const PULL_PAGE_DEFAULT = 500;

export const pullRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  /** Opaque, issued by the server; null asks for everything in scope from the beginning. */
  cursor: safeText(TEXT_MAX.cursor).nullable(),
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
  ...deviceReportSchema.shape,
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  records: z.array(entityRecordSchema),
  /**
   * Ids of patients that moved out of the caller's territories: remove them from the device
   * once none of their changes is waiting to be sent (S16).
   */
  leftScope: z.array(safeText(TEXT_MAX.id)),
  /** Pass back unchanged to continue; never moves backwards. */
  cursor: safeText(TEXT_MAX.cursor),
  hasMore: z.boolean(),
  serverTime: safeText(TEXT_MAX.short),
  territories: z.array(territorySummarySchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const PUSH_BATCH_MAX = 200;

/**
 * One local change. `no` numbers a device's changes 1, 2, 3... without gaps: the server
 * applies number n only after n-1, and a number it has already applied is a no-op (a replay
 * after a lost response).
 */
export const mutationSchema = z.strictObject({
  no: z.number().int().min(1),
  mutationId: safeText(TEXT_MAX.id).min(1),
  kind: z.enum(ENTITY_KINDS),
  entityId: safeText(TEXT_MAX.id).min(1),
  op: z.enum(['create', 'update', 'delete']),
  /** The owning patient for patient-owned kinds; the patient itself for `patient`. */
  patientId: safeText(TEXT_MAX.id).min(1).nullable(),
  /** Server version of the record the change was made on; 0 when new on the device. */
  baseVersion: z.number().int().min(0),
  hlc: hlcSchema,
  /**
   * The device's pull cursor when the change was made (null before its first download): the
   * server keeps a change to a patient that had left the device's scope unknown to it (S16).
   */
  seenCursor: safeText(TEXT_MAX.cursor).nullable().optional(),
  /**
   * Changed fields and their new values; all fields for a create; empty for a delete. Checked
   * per change on the server (field names and text included), so one bad value refuses its
   * own change and not the batch.
   */
  values: z.record(z.string().max(TEXT_MAX.code), z.unknown()),
  at: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  deviceId: safeText(TEXT_MAX.id).min(8),
  mutations: z.array(mutationSchema).min(1).max(PUSH_BATCH_MAX),
  ...deviceReportSchema.shape,
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** What a sealed push row seals (pushSeal.ts): the parts of a mutation that may hold personal data. */
export const sealedContentSchema = mutationSchema.pick({ patientId: true, values: true, at: true });
export type SealedContent = z.infer<typeof sealedContentSchema>;

/** A mutation whose content is sealed to the server's key; the rest is what the outbox keeps in clear. */
export const sealedMutationSchema = mutationSchema.omit({ patientId: true, values: true, at: true }).extend({
  sealed: z.string().min(1, 'sealed is required').max(SEALED_MAX_CHARS).regex(/^[A-Za-z0-9_-]+$/, 'sealed must be base64url'),
});
export type SealedMutation = z.infer<typeof sealedMutationSchema>;

/** `POST /api/sync/push-sealed`, authorized by the push token (docs/API.md); answered like a push. */
export const sealedPushRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  deviceId: safeText(TEXT_MAX.id).min(8),
  mutations: z.array(sealedMutationSchema).min(1).max(PUSH_BATCH_MAX),
  ...deviceReportSchema.shape,
});
export type SealedPushRequest = z.infer<typeof sealedPushRequestSchema>;

/** The office moves a patient to another territory of its organisation. */
export const movePatientRequestSchema = z.strictObject({
  territoryId: safeText(TEXT_MAX.id).min(1, 'territoryId is required'),
});
export type MovePatientRequest = z.infer<typeof movePatientRequestSchema>;

export const movePatientResponseSchema = z.object({
  /** False when the patient was already in that territory (a repeated request changes nothing). */
  moved: z.boolean(),
});
export type MovePatientResponse = z.infer<typeof movePatientResponseSchema>;

export const REJECTION_REASONS = [
  'out_of_scope',
  'invalid',
  'note_signed',
  'deleted',
  'not_found',
  'forbidden_kind',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ no: z.number().int(), status: z.literal('applied'), conflicts: z.number().int().min(0) }),
  /** Applied earlier (a replay); nothing changed now. A replay of a refused change is `rejected` again. */
  z.object({ no: z.number().int(), status: z.literal('duplicate') }),
  /** Refused for good; retrying will not help. The message is for a person. */
  // The message is the server's own words (field paths included): read whole, never refused.
  z.object({ no: z.number().int(), status: z.literal('rejected'), reason: z.enum(REJECTION_REASONS), message: z.string() }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  /** Every change numbered up to this one is settled (applied, duplicate or rejected). */
  settledThrough: z.number().int().min(0),
  results: z.array(mutationResultSchema),
  /** Set when the batch skipped numbers: resend from `settledThrough + 1`. */
  gap: z.boolean(),
  serverTime: safeText(TEXT_MAX.short),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
