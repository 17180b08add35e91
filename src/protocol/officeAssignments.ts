/**
 * Wire schemas of the office's Assignments (`/api/office/assignments`, `/api/office/territories/
 * :id/assign`, `/api/office/coverages...`, `/api/office/patients/move`): who works which
 * territory, who covers whom and when, and moving patients between territories, one by one or
 * by a filter. Request bodies are strict (an unknown field is refused, named). Days are UTC
 * calendar days on the server's clock; a coverage's `to` is its last day (inclusive).
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime } from './entityParts';
import { safeText, TEXT_MAX } from './safeText';

/** The most patients one move request may move; a larger filter is refused, so it is narrowed first. */
export const BULK_MOVE_MAX = 500;
/** The most days one coverage may last. */
export const COVERAGE_DAYS_MAX = 366;
/** A postal code filter: what addresses hold, compared exactly. */
export const POSTAL_CODE_MAX = 20;

const name = z.string().max(TEXT_MAX.name);

export const assignmentTerritorySchema = z.object({ id, name, patientCount: z.number().int().min(0) });
export type AssignmentTerritory = z.infer<typeof assignmentTerritorySchema>;

export const coverageSchema = z.object({
  id,
  userId: id,
  userName: name,
  territoryId: id,
  territoryName: name,
  from: isoDate,
  to: isoDate,
  createdBy: id,
  createdAt: isoDateTime,
  /** Today falls within it (server's UTC day); otherwise it starts later. */
  current: z.boolean(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const assignmentSpecialistSchema = z.object({
  id,
  name,
  territories: z.array(z.object({ id, name })),
  /** Current and future coverages this person works, earliest first. */
  coverages: z.array(coverageSchema),
});
export type AssignmentSpecialist = z.infer<typeof assignmentSpecialistSchema>;

export const assignmentsResponseSchema = z.object({
  /** The server's UTC day the answer is about. */
  today: isoDate,
  specialists: z.array(assignmentSpecialistSchema),
  /** The territories the caller may assign and move patients between. */
  territories: z.array(assignmentTerritorySchema),
});
export type AssignmentsResponse = z.infer<typeof assignmentsResponseSchema>;

export const assignTerritoryRequestSchema = z.strictObject({ userId: id });
export type AssignTerritoryRequest = z.infer<typeof assignTerritoryRequestSchema>;

export const assignTerritoryResponseSchema = z.object({
  territoryId: id,
  userId: id,
  /** The people who worked the territory before and no longer do. */
  releasedFrom: z.array(id),
  /** False when the person already was the territory's only specialist. */
  changed: z.boolean(),
});
export type AssignTerritoryResponse = z.infer<typeof assignTerritoryResponseSchema>;

export const createCoverageRequestSchema = z
  .strictObject({ userId: id, territoryId: id, from: isoDate, to: isoDate })
  .refine((c) => c.to >= c.from, { message: 'the last day comes before the first', path: ['to'] })
  .refine((c) => (Date.parse(c.to) - Date.parse(c.from)) / 86_400_000 < COVERAGE_DAYS_MAX, {
    message: `a coverage lasts at most ${COVERAGE_DAYS_MAX} days`,
    path: ['to'],
  });
export type CreateCoverageRequest = z.infer<typeof createCoverageRequestSchema>;

export const cancelCoverageResponseSchema = z.object({ id, cancelled: z.boolean() });
export type CancelCoverageResponse = z.infer<typeof cancelCoverageResponseSchema>;

export const bulkMoveRequestSchema = z
  .strictObject({
    patientIds: z.array(id).min(1, 'at least one patient').max(BULK_MOVE_MAX, `at most ${BULK_MOVE_MAX} patients`).optional(),
    filter: z
      .strictObject({
        fromTerritoryId: id,
        postalCode: safeText(POSTAL_CODE_MAX).min(1).optional(),
        facilityId: id.optional(),
      })
      .optional(),
    territoryId: id,
    dryRun: z.boolean().optional(),
  })
  .refine((b) => (b.patientIds === undefined) !== (b.filter === undefined), {
    message: 'give either patientIds or filter, not both',
    path: ['filter'],
  });
export type BulkMoveRequest = z.infer<typeof bulkMoveRequestSchema>;

export const bulkMoveResponseSchema = z.object({
  /** How many patients match (dry run) or were moved. */
  count: z.number().int().min(0),
  /** Matched but already in the destination territory (not moved). */
  alreadyThere: z.number().int().min(0),
  dryRun: z.boolean(),
});
export type BulkMoveResponse = z.infer<typeof bulkMoveResponseSchema>;
