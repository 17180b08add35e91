/**
 * Wire types and their runtime schemas, shared by the client worker and the server.
 * Every request body is parsed with these schemas at the boundary; nothing past the
 * boundary re-validates. Bump PROTOCOL_VERSION on any incompatible change.
 */
import { z } from 'zod';
import { ROLES } from '../domain/user';
import { entityRecordSchema } from './entities';

export const PROTOCOL_VERSION = 2;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'unsupported_protocol',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  protocolVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(200),
  deviceId: z
    .string()
    .min(8, 'deviceId must be at least 8 characters')
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'deviceId may contain only letters, digits, "-" and "_"'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const territorySummarySchema = z.object({ id: z.string(), name: z.string() });

export const loginResponseSchema = z.object({
  token: z.string(),
  user: z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }),
  territories: z.array(territorySummarySchema),
  /** The care team's line, offered when a specialist escalates an urgent concern. */
  careTeamPhone: z.string().nullable(),
  serverTime: z.string(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const PULL_PAGE_MAX = 2000;
export const PULL_PAGE_DEFAULT = 500;

export const pullRequestSchema = z.strictObject({
  protocolVersion: z.number().int(),
  /** Opaque, issued by the server; null asks for everything in scope from the beginning. */
  cursor: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  records: z.array(entityRecordSchema),
  /** Pass back unchanged to continue; never moves backwards. */
  cursor: z.string(),
  hasMore: z.boolean(),
  serverTime: z.string(),
  territories: z.array(territorySummarySchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
