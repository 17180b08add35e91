/**
 * Runtime schemas for the synced entities (notes and addenda in noteSchemas.ts). The inferred
 * types are checked against the domain types at compile time (see the `satisfies`-style
 * assertions at the bottom), so the wire and the model cannot drift apart silently.
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime, type Same, type Unbrand } from './entityParts';
import { addendumSchema, contactNoteSchema } from './noteSchemas';
import { languageTagSchema, safeText, TEXT_MAX } from './safeText';
import type { EntityKind as DomainEntityKind } from '../domain/entities';
import type { Appointment } from '../domain/appointment';
import { APPOINTMENT_MODES, APPOINTMENT_STATUSES } from '../domain/appointment';
import type { CareGap } from '../domain/careGap';
import { CARE_GAP_MEASURES, CARE_GAP_STATUSES } from '../domain/careGap';
import type { Facility } from '../domain/facility';
import { FACILITY_KINDS } from '../domain/facility';
import type { Patient, ContactPoint } from '../domain/patient';
import { ESCALATION_SEVERITIES, REFERRAL_TARGETS } from '../domain/contactNote';
import type { Conflict } from '../domain/conflict';
import type { ConsentEvent } from '../domain/consent';
import { CONSENT_DECISIONS, CONSENT_METHODS } from '../domain/consent';
import type { Referral } from '../domain/referral';
import { REFERRAL_STATUSES } from '../domain/referral';
import { CONFLICT_STATUSES } from '../domain/conflict';
import { ENTITY_KINDS as DOMAIN_ENTITY_KINDS } from '../domain/entities';
import type { Escalation } from '../domain/escalation';
import { ESCALATION_RESOLUTION_MAX, ESCALATION_STATUSES } from '../domain/escalation';
import type { QuestionnaireResponse } from '../domain/questionnaire';
import type { Barrier, Caregiver, Goal, RpmDevice } from '../domain/supportSystem';
import { BARRIER_KINDS, BARRIER_STATUSES, GOAL_STATUSES, RPM_DEVICE_KINDS, RPM_DEVICE_STAGES } from '../domain/supportSystem';
import type { Task } from '../domain/task';
import { TASK_KINDS, TASK_STATUSES, TASK_TITLE_CODES } from '../domain/task';
import {
  CONSENT_STATUSES,
  CONTACT_CHANNELS,
  CONTACT_USES,
  PORTAL_STATUSES,
  RPM_STATUSES,
  SEXES,
} from '../domain/patient';

const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

const address = z.object({
  line1: safeText(TEXT_MAX.name),
  line2: safeText(TEXT_MAX.name).nullable(),
  city: safeText(TEXT_MAX.name),
  state: safeText(TEXT_MAX.short),
  postalCode: safeText(TEXT_MAX.short),
  location: latLng.nullable(),
});

export const patientSchema = z.object({
  id,
  territoryId: id,
  mrn: safeText(TEXT_MAX.code),
  givenName: safeText(TEXT_MAX.name),
  familyName: safeText(TEXT_MAX.name),
  birthDate: isoDate,
  sex: z.enum(SEXES),
  language: languageTagSchema,
  interpreterNeeded: z.boolean(),
  address,
  facilityId: id.nullable(),
  room: safeText(TEXT_MAX.short).nullable(),
  accessNotes: safeText(TEXT_MAX.paragraph).nullable(),
  bestTimeToCall: safeText(TEXT_MAX.line).nullable(),
  portal: z.enum(PORTAL_STATUSES),
  portalSteps: z.object({ emailCreated: z.boolean(), accountActivated: z.boolean(), firstLoginTaught: z.boolean() }),
  rpm: z.enum(RPM_STATUSES),
  lastContactAt: isoDateTime.nullable(),
  nextDueDate: isoDate.nullable(),
  noShowFollowUp: z.boolean(),
});

export const facilitySchema = z.object({
  id,
  orgId: id,
  name: safeText(TEXT_MAX.name),
  kind: z.enum(FACILITY_KINDS),
  address,
  phone: safeText(TEXT_MAX.short),
  visitingHours: z.array(
    z.object({
      weekday: z.number().int().min(0).max(6),
      open: z.number().int().min(0).max(1440),
      close: z.number().int().min(0).max(1440),
    }),
  ),
});

export const careGapSchema = z.object({
  id,
  patientId: id,
  measure: z.enum(CARE_GAP_MEASURES),
  status: z.enum(CARE_GAP_STATUSES),
  dueDate: isoDate.nullable(),
  closedAt: isoDateTime.nullable(),
  evidence: safeText(TEXT_MAX.paragraph).nullable(),
  // Defaults: devices and rows from before the field existed send none (wire compatible).
  exclusionReason: safeText(TEXT_MAX.paragraph).nullable().default(null),
});

export const appointmentSchema = z.object({
  id,
  patientId: id,
  provider: safeText(TEXT_MAX.name),
  reason: safeText(TEXT_MAX.line),
  mode: z.enum(APPOINTMENT_MODES),
  startsAt: isoDateTime,
  status: z.enum(APPOINTMENT_STATUSES),
});

export const contactPointSchema = z.object({
  id,
  patientId: id,
  channel: z.enum(CONTACT_CHANNELS),
  use: z.enum(CONTACT_USES),
  value: safeText(TEXT_MAX.name).min(1),
  consent: z.enum(CONSENT_STATUSES),
  consentAt: isoDateTime.nullable(),
  consentBy: safeText(TEXT_MAX.name).nullable(),
  removed: z.boolean(),
});

export const caregiverSchema = z.object({
  id,
  patientId: id,
  name: safeText(TEXT_MAX.name).min(1),
  relationship: safeText(TEXT_MAX.short),
  phone: safeText(TEXT_MAX.short).nullable(),
  primary: z.boolean(),
  removed: z.boolean(),
  shareInfo: z
    .object({ granted: z.boolean(), at: isoDateTime, byId: id, byName: z.string().max(200) })
    .nullable()
    .default(null),
});

export const barrierSchema = z.object({
  id,
  patientId: id,
  kind: z.enum(BARRIER_KINDS),
  detail: safeText(TEXT_MAX.paragraph),
  status: z.enum(BARRIER_STATUSES),
  identifiedOn: isoDate,
  resolvedOn: isoDate.nullable(),
});

export const goalSchema = z.object({
  id,
  patientId: id,
  text: safeText(TEXT_MAX.paragraph).min(1),
  status: z.enum(GOAL_STATUSES),
  setOn: isoDate,
  targetDate: isoDate.nullable(),
});

export const rpmDeviceSchema = z.object({
  id,
  patientId: id,
  kind: z.enum(RPM_DEVICE_KINDS),
  stage: z.enum(RPM_DEVICE_STAGES),
  since: isoDate,
});

const taskTitleTemplateSchema = z.object({
  code: z.enum(TASK_TITLE_CODES),
  // Copied from the appointment: generous, so a template never refuses what the appointment passed.
  provider: z.string().max(2000),
  reason: z.string().max(2000),
  startsAt: isoDateTime.nullable(),
});

export const taskSchema = z.object({
  id,
  patientId: id,
  kind: z.enum(TASK_KINDS),
  title: safeText(TEXT_MAX.line).min(1),
  // Optional: records written before it existed, and older app versions, carry none.
  titleTemplate: taskTitleTemplateSchema.nullish(),
  dueDate: isoDate,
  ownerName: safeText(TEXT_MAX.name),
  // Optional: tasks whose owner was typed by name, older records and older apps carry none.
  ownerId: id.nullish(),
  status: z.enum(TASK_STATUSES),
  sourceNoteId: id.nullable(),
  sourceAppointmentId: id.nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  completedByNoteId: id.nullable(),
});

export const escalationSchema = z.object({
  id,
  patientId: id,
  noteId: id,
  reason: safeText(TEXT_MAX.paragraph).min(1),
  severity: z.enum(ESCALATION_SEVERITIES),
  raisedAt: isoDateTime,
  raisedBy: safeText(TEXT_MAX.name),
  // Defaults: records and devices from before these fields existed carry none (wire compatible).
  raisedById: id.nullable().default(null),
  status: z.enum(ESCALATION_STATUSES),
  // The office's steps (domain/escalation.ts); written by the office routes only.
  acknowledgedAt: isoDateTime.nullable().default(null),
  acknowledgedBy: id.nullable().default(null),
  acknowledgedByName: safeText(TEXT_MAX.name).nullable().default(null),
  assignedTo: id.nullable().default(null),
  assignedToName: safeText(TEXT_MAX.name).nullable().default(null),
  resolvedAt: isoDateTime.nullable().default(null),
  resolvedBy: id.nullable().default(null),
  resolvedByName: safeText(TEXT_MAX.name).nullable().default(null),
  resolution: safeText(ESCALATION_RESOLUTION_MAX).nullable().default(null),
});

/** More answers than any questionnaire has items; bounds one response's size. */
export const ANSWERS_MAX = 200;

export const questionnaireResponseSchema = z.object({
  id,
  questionnaireId: safeText(TEXT_MAX.short),
  questionnaireVersion: safeText(TEXT_MAX.short),
  patientId: id,
  noteId: id.nullable(),
  answers: z
    .record(safeText(TEXT_MAX.code), z.union([safeText(TEXT_MAX.answer), z.number()]))
    .refine((answers) => Object.keys(answers).length <= ANSWERS_MAX, `at most ${ANSWERS_MAX} answers`),
  score: z.number().nullable(),
  language: z.enum(['en', 'es']),
  status: z.enum(['in_progress', 'completed']),
  updatedAt: isoDateTime,
});

export const hlcSchema = safeText(TEXT_MAX.stamp).regex(/^\d{15}:\d{6}:[A-Za-z0-9_-]{1,100}$/, 'not a clock stamp');

const writtenValue = z.object({
  value: z.unknown(),
  hlc: hlcSchema,
  by: safeText(TEXT_MAX.name),
  userId: id.nullable().default(null),
  deviceId: safeText(TEXT_MAX.code),
});

export const conflictSchema = z.object({
  id,
  patientId: id,
  entityKind: z.enum(DOMAIN_ENTITY_KINDS),
  entityId: id,
  field: safeText(TEXT_MAX.code),
  winner: writtenValue,
  loser: writtenValue,
  detectedAt: isoDateTime,
  status: z.enum(CONFLICT_STATUSES),
  resolvedBy: safeText(TEXT_MAX.name).nullable(),
  resolvedById: id.nullable().default(null),
  resolvedAt: isoDateTime.nullable(),
});

// --- Contact record kinds: consent events (a history per contact point) and referrals. ---

export const consentEventSchema = z.object({
  id,
  patientId: id,
  contactPointId: id,
  channel: z.enum(CONTACT_CHANNELS),
  value: z.string().min(1).max(200),
  decision: z.enum(CONSENT_DECISIONS),
  method: z.enum(CONSENT_METHODS),
  at: isoDateTime,
  byId: id,
  byName: z.string().max(200),
});

export const referralSchema = z.object({
  id,
  patientId: id,
  noteId: id,
  to: z.enum(REFERRAL_TARGETS),
  reason: z.string().max(2000),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: isoDateTime,
  sentById: id,
  sentByName: z.string().max(200),
  statusAt: isoDateTime,
  statusById: id,
  statusByName: z.string().max(200),
});

const contactRecordWireMatchesDomain: [
  Same<Unbrand<ConsentEvent>, Unbrand<z.infer<typeof consentEventSchema>>>,
  Same<Unbrand<Referral>, Unbrand<z.infer<typeof referralSchema>>>,
] = [true, true];
void contactRecordWireMatchesDomain;

// --- End of contact record kinds. ---

const recordBase = { id, version: z.number().int().nonnegative(), deleted: z.boolean() };

/**
 * One entity as it travels in a pull page. `data` is null exactly when `deleted` is true
 * (a tombstone carries only its id and version).
 */
export const entityRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), ...recordBase, data: patientSchema.nullable() }),
  z.object({ kind: z.literal('facility'), ...recordBase, data: facilitySchema.nullable() }),
  z.object({ kind: z.literal('careGap'), ...recordBase, data: careGapSchema.nullable() }),
  z.object({ kind: z.literal('appointment'), ...recordBase, data: appointmentSchema.nullable() }),
  z.object({ kind: z.literal('contactPoint'), ...recordBase, data: contactPointSchema.nullable() }),
  z.object({ kind: z.literal('caregiver'), ...recordBase, data: caregiverSchema.nullable() }),
  z.object({ kind: z.literal('barrier'), ...recordBase, data: barrierSchema.nullable() }),
  z.object({ kind: z.literal('goal'), ...recordBase, data: goalSchema.nullable() }),
  z.object({ kind: z.literal('rpmDevice'), ...recordBase, data: rpmDeviceSchema.nullable() }),
  z.object({ kind: z.literal('note'), ...recordBase, data: contactNoteSchema.nullable() }),
  z.object({ kind: z.literal('addendum'), ...recordBase, data: addendumSchema.nullable() }),
  z.object({ kind: z.literal('task'), ...recordBase, data: taskSchema.nullable() }),
  z.object({ kind: z.literal('escalation'), ...recordBase, data: escalationSchema.nullable() }),
  z.object({ kind: z.literal('questionnaireResponse'), ...recordBase, data: questionnaireResponseSchema.nullable() }),
  z.object({ kind: z.literal('conflict'), ...recordBase, data: conflictSchema.nullable() }),
  z.object({ kind: z.literal('consentEvent'), ...recordBase, data: consentEventSchema.nullable() }),
  z.object({ kind: z.literal('referral'), ...recordBase, data: referralSchema.nullable() }),
]);
export type EntityRecord = z.infer<typeof entityRecordSchema>;
export type EntityKind = DomainEntityKind;
const _allKinds: Same<DomainEntityKind, EntityRecord['kind']> = true;
void _allKinds;
export { ENTITY_KINDS } from '../domain/entities';
export type { EntityTypes, PatientChildKind } from '../domain/entities';

// Compile-time guarantee that the wire shapes are exactly the domain shapes (modulo brands);
// notes and addenda are compared in noteSchemas.ts.
const wireMatchesDomain: [
  Same<Unbrand<Patient>, Unbrand<z.infer<typeof patientSchema>>>,
  Same<Unbrand<Facility>, Unbrand<z.infer<typeof facilitySchema>>>,
  Same<Unbrand<CareGap>, Unbrand<z.infer<typeof careGapSchema>>>,
  Same<Unbrand<Appointment>, Unbrand<z.infer<typeof appointmentSchema>>>,
  Same<Unbrand<ContactPoint>, Unbrand<z.infer<typeof contactPointSchema>>>,
  Same<Unbrand<Caregiver>, Unbrand<z.infer<typeof caregiverSchema>>>,
  Same<Unbrand<Barrier>, Unbrand<z.infer<typeof barrierSchema>>>,
  Same<Unbrand<Goal>, Unbrand<z.infer<typeof goalSchema>>>,
  Same<Unbrand<RpmDevice>, Unbrand<z.infer<typeof rpmDeviceSchema>>>,
  Same<Unbrand<Task>, Unbrand<z.infer<typeof taskSchema>>>,
  Same<Unbrand<Escalation>, Unbrand<z.infer<typeof escalationSchema>>>,
  Same<Unbrand<QuestionnaireResponse>, Unbrand<z.infer<typeof questionnaireResponseSchema>>>,
  Same<Unbrand<Omit<Conflict, 'winner' | 'loser'>>, Unbrand<Omit<z.infer<typeof conflictSchema>, 'winner' | 'loser'>>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void wireMatchesDomain;
