/**
 * Wire schemas of the office's escalation queue (`/api/office/escalations...`): the team's
 * escalations as the server sees them, and the three steps a supervisor takes on one
 * (acknowledge, assign, resolve). Request bodies and queries are strict (an unknown field is
 * refused, named). The steps themselves are domain/escalation.ts; the record the specialist's
 * device pulls is the same escalation, with the office's fields set.
 */
import { z } from 'zod';
import { ESCALATION_SEVERITIES } from '../domain/contactNote';
import { ESCALATION_RESOLUTION_MAX, ESCALATION_STATUSES } from '../domain/escalation';
import { id, isoDate, isoDateTime } from './entityParts';
import { safeText, TEXT_MAX } from './safeText';

/** Which escalations the queue lists: one status, those not yet resolved, or all. */
export const ESCALATION_FILTERS = ['open', 'acknowledged', 'resolved', 'unresolved', 'all'] as const;
export type EscalationFilter = (typeof ESCALATION_FILTERS)[number];

export const ESCALATION_LIST_MAX = 500;
export const ESCALATION_LIST_DEFAULT = 200;

/** The acknowledgement time an organisation may set, in minutes; default an hour. */
export const ESCALATION_ACK_MINUTES = { min: 5, max: 1440, default: 60 } as const;

export const escalationQuerySchema = z.strictObject({
  status: z.enum(ESCALATION_FILTERS, `one of ${ESCALATION_FILTERS.join(', ')}`).default('unresolved'),
  limit: z.coerce
    .number()
    .int(`a whole number from 1 to ${ESCALATION_LIST_MAX}`)
    .min(1, `from 1 to ${ESCALATION_LIST_MAX}`)
    .max(ESCALATION_LIST_MAX, `from 1 to ${ESCALATION_LIST_MAX}`)
    .default(ESCALATION_LIST_DEFAULT),
});
export type EscalationQuery = z.infer<typeof escalationQuerySchema>;

const name = z.string().max(TEXT_MAX.name);

/** One escalation in the office's queue. */
export const officeEscalationSchema = z.object({
  id,
  patientId: id,
  /** The patient's name as the office shows it. */
  patientName: name,
  territoryId: id,
  noteId: id,
  reason: z.string(),
  severity: z.enum(ESCALATION_SEVERITIES),
  raisedAt: isoDateTime,
  /** Who raised it: null for escalations from before the id was kept and not in the audit trail. */
  raisedById: id.nullable(),
  raisedByName: name,
  /** Whole minutes since it was raised, by the server's clock. */
  ageMinutes: z.number().int().min(0),
  status: z.enum(ESCALATION_STATUSES),
  /** Still open past the organisation's acknowledgement time. */
  overdue: z.boolean(),
  acknowledgedAt: isoDateTime.nullable(),
  acknowledgedBy: id.nullable(),
  acknowledgedByName: name.nullable(),
  assignedTo: id.nullable(),
  assignedToName: name.nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: id.nullable(),
  resolvedByName: name.nullable(),
  resolution: z.string().nullable(),
  /** The record's version: the specialist's device has the step once it pulled this one. */
  version: z.number().int().min(0),
});
export type OfficeEscalation = z.infer<typeof officeEscalationSchema>;

export const escalationListResponseSchema = z.object({
  escalations: z.array(officeEscalationSchema),
  /** More matched than `limit`: the oldest were left out. */
  hasMore: z.boolean(),
  /** The organisation's acknowledgement time, in minutes. */
  ackMinutes: z.number().int(),
  serverTime: isoDateTime,
});
export type EscalationListResponse = z.infer<typeof escalationListResponseSchema>;

/** Acknowledge takes no fields; an empty object (or no body) is accepted. */
export const acknowledgeEscalationRequestSchema = z.strictObject({});

export const assignEscalationRequestSchema = z.strictObject({
  userId: safeText(TEXT_MAX.id).min(1, 'userId is required'),
});
export type AssignEscalationRequest = z.infer<typeof assignEscalationRequestSchema>;

export const resolveEscalationRequestSchema = z.strictObject({
  resolution: safeText(ESCALATION_RESOLUTION_MAX).trim().min(1, 'a note of what was done is required'),
});
export type ResolveEscalationRequest = z.infer<typeof resolveEscalationRequestSchema>;

export const escalationStepResponseSchema = z.object({
  escalation: officeEscalationSchema,
  /** False when the step had already been taken (acknowledging again, the same assignee). */
  changed: z.boolean(),
});
export type EscalationStepResponse = z.infer<typeof escalationStepResponseSchema>;

/**
 * `GET /api/office/team` and `GET /api/office/assignees` take no query: an unknown parameter
 * is refused, named, rather than ignored.
 */
export const noQuerySchema = z.strictObject({});

/**
 * A specialist is "not syncing" after this many days with no push or pull (server clock) when
 * the organisation has not set its own (`alertNoSyncDays`, migration 17).
 */
export const TEAM_STALE_DAYS = 2;

/**
 * One specialist of the caller's team, as the server sees them at `dataAsOf`. Caseload and
 * overdue are what the server accepted; `pendingReported` is what the device said it still
 * had to send, and is shown apart. Contacts and visits this week are counted from the
 * contact-metric projections (docs/METRICS.md), against the organisation's weekly targets.
 */
export const teamMemberSchema = z.object({
  id,
  name,
  territories: z.array(z.object({ id, name })),
  /** Patients of the person's territories, not deleted. */
  caseload: z.number().int().min(0),
  /** Of those, patients whose next contact due date is before `today` (as the roster's "overdue"). */
  overduePatients: z.number().int().min(0),
  /** The last push (sealed pushes included) and pull, by the server's clock; null when never. */
  lastPushAt: isoDateTime.nullable(),
  lastPullAt: isoDateTime.nullable(),
  /** The latest sync event: when, and what the device reported then. */
  reportedAt: isoDateTime.nullable(),
  /** Unsent changes the device reported at `reportedAt`; null when it did not say. */
  pendingReported: z.number().int().min(0).nullable(),
  appVersion: z.string().max(TEXT_MAX.name).nullable(),
  /** The device's clock minus the server's, in seconds; positive when the device is ahead. */
  clockSkewSeconds: z.number().int().nullable(),
  /** Signed contacts (any channel) the person made in the current ISO week (UTC, server clock). */
  contactsThisWeek: z.number().int().min(0),
  /** Of those, visits. */
  visitsThisWeek: z.number().int().min(0),
  /** The organisation's weekly targets per specialist; below target stands out. */
  contactTarget: z.number().int().min(0),
  visitTarget: z.number().int().min(0),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamResponseSchema = z.object({
  /** The server's time when the numbers were read: every number is "as of" this. */
  dataAsOf: isoDateTime,
  /** The day "overdue" is measured against (the server's date, UTC). */
  today: isoDate,
  staleAfterDays: z.number().int().min(1),
  /** Monday (UTC) of the ISO week the weekly counts are of. */
  weekStart: isoDate,
  members: z.array(teamMemberSchema),
});
export type TeamResponse = z.infer<typeof teamResponseSchema>;

/** Who the caller may assign an escalation to (office/escalations.ts `findAssignee`'s rule). */
export const ASSIGNEE_KINDS = ['self', 'team', 'supervisor'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

export const assigneeSchema = z.object({ id, name, kind: z.enum(ASSIGNEE_KINDS) });
export type OfficeAssignee = z.infer<typeof assigneeSchema>;

export const assigneesResponseSchema = z.object({ assignees: z.array(assigneeSchema) });
export type AssigneesResponse = z.infer<typeof assigneesResponseSchema>;
