/**
 * Runtime schemas for contact notes and their addenda: the note with its activities (one
 * small shape per kind of activity), follow-ups, escalation and the entered-in-error mark.
 * The note rules (who may sign, what a signed note may still change) are the server's
 * (server/src/changes/noteRules.ts); these say only what a note looks like.
 */
import { z } from 'zod';
import { APPOINTMENT_MODES } from '../domain/appointment';
import { CARE_GAP_MEASURES } from '../domain/careGap';
import type { ACTIVITY_KINDS, Addendum, ContactNote } from '../domain/contactNote';
import {
  APPOINTMENT_ACTIONS,
  CONTACT_MODES,
  ESCALATION_SEVERITIES,
  NOTE_STATUSES,
  OUTCOMES,
  PORTAL_HELP_STEPS,
  REFERRAL_TARGETS,
  TEACH_BACK,
} from '../domain/contactNote';
import { BARRIER_KINDS, RPM_DEVICE_KINDS } from '../domain/supportSystem';
import { id, isoDate, isoDateTime, type Same, type Unbrand } from './entityParts';
import { safeText, TEXT_MAX } from './safeText';

const activitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('education'), topic: safeText(TEXT_MAX.line), materialGiven: z.boolean(), teachBack: z.enum(TEACH_BACK).nullable() }),
  z.object({ kind: z.literal('portal_help'), steps: z.array(z.enum(PORTAL_HELP_STEPS)) }),
  z.object({ kind: z.literal('rpm'), device: z.enum(RPM_DEVICE_KINDS), action: z.enum(['setup', 'training']) }),
  z.object({ kind: z.literal('questionnaire'), questionnaireId: safeText(TEXT_MAX.short), responseId: id.nullable() }),
  z.object({
    kind: z.literal('appointment'),
    action: z.enum(APPOINTMENT_ACTIONS),
    provider: safeText(TEXT_MAX.name),
    reason: safeText(TEXT_MAX.line),
    startsAt: isoDateTime.nullable(),
    mode: z.enum(APPOINTMENT_MODES),
    appointmentId: id.nullable(),
  }),
  z.object({ kind: z.literal('referral'), to: z.enum(REFERRAL_TARGETS), reason: safeText(TEXT_MAX.paragraph) }),
  z.object({
    kind: z.literal('barrier'),
    action: z.enum(['found', 'resolved']),
    barrier: z.enum(BARRIER_KINDS),
    barrierId: id.nullable(),
    detail: safeText(TEXT_MAX.paragraph),
  }),
  z.object({ kind: z.literal('goal'), action: z.enum(['set', 'updated']), text: safeText(TEXT_MAX.paragraph), goalId: id.nullable() }),
  z.object({ kind: z.literal('care_gap'), gapId: id, measure: z.enum(CARE_GAP_MEASURES), action: z.enum(['discussed', 'scheduled', 'closed']) }),
]);
const _activityKindsCovered: Same<(typeof ACTIVITY_KINDS)[number], z.infer<typeof activitySchema>['kind']> = true;
void _activityKindsCovered;

export const contactNoteSchema = z.object({
  id,
  patientId: id,
  authorId: id,
  authorName: safeText(TEXT_MAX.name),
  status: z.enum(NOTE_STATUSES),
  mode: z.enum(CONTACT_MODES),
  contactAt: isoDateTime,
  durationMinutes: z.number().int().min(0).max(24 * 60).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  activities: z.array(activitySchema).max(100),
  text: safeText(TEXT_MAX.note),
  followUps: z.array(z.object({ id, title: safeText(TEXT_MAX.line), dueDate: isoDate, ownerName: safeText(TEXT_MAX.name) })).max(50),
  escalation: z.object({ reason: safeText(TEXT_MAX.paragraph), severity: z.enum(ESCALATION_SEVERITIES) }).nullable(),
  // Optional: notes written before it existed have none (see contactNote.ts).
  nextContactDue: isoDate.nullable().optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  signedAt: isoDateTime.nullable(),
  fromTaskId: id.nullable(),
  contentHash: safeText(64).regex(/^[0-9a-f]{64}$/).nullable(),
  enteredInError: z
    .object({ at: isoDateTime, by: safeText(TEXT_MAX.name), byId: id.nullable().default(null), reason: safeText(TEXT_MAX.paragraph).min(1) })
    .nullable(),
});

export const addendumSchema = z.object({
  id,
  noteId: id,
  patientId: id,
  authorId: id,
  authorName: safeText(TEXT_MAX.name),
  at: isoDateTime,
  text: safeText(TEXT_MAX.note).min(1),
  // Optional: addenda written before reviews existed have none; a device's app from before
  // then drops the field when it reads a review (and shows it as a plain addendum).
  review: z.object({ cosign: z.boolean() }).nullable().optional(),
});


const wireMatchesDomain: [
  Same<Unbrand<ContactNote>, Unbrand<z.infer<typeof contactNoteSchema>>>,
  Same<Unbrand<Addendum>, Unbrand<z.infer<typeof addendumSchema>>>,
] = [true, true];
void wireMatchesDomain;
