/**
 * The record of one contact with a patient: a visit or a call, what happened, what was done,
 * what follows. A draft belongs to its author and changes freely; signing freezes its content
 * (kept with a content hash); corrections are addenda; "entered in error" is a status with a
 * reason. A note is never deleted.
 */
import type { AppointmentMode } from './appointment';
import type { CareGapMeasure } from './careGap';
import type {
  AppointmentId,
  BarrierId,
  CareGapId,
  GoalId,
  IsoDate,
  IsoDateTime,
  NoteId,
  PatientId,
  QuestionnaireResponseId,
  TaskId,
  UserId,
} from './ids';
import type { BarrierKind, RpmDeviceKind } from './supportSystem';

export const CONTACT_MODES = ['home_visit', 'facility_visit', 'hospital_visit', 'phone_call', 'video_call'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const OUTCOMES = [
  'reached',
  'not_home',
  'wrong_number',
  'refused',
  'moved',
  'hospitalised',
  'deceased',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TEACH_BACK = ['yes', 'partly', 'no'] as const;
export type TeachBack = (typeof TEACH_BACK)[number];

export const REFERRAL_TARGETS = ['community_health_worker', 'social_worker', 'behavioral_health', 'pharmacy', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const PORTAL_HELP_STEPS = ['email_created', 'account_activated', 'first_login_taught'] as const;
export type PortalHelpStep = (typeof PORTAL_HELP_STEPS)[number];

export const APPOINTMENT_ACTIONS = ['set', 'confirmed', 'cancelled'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** What was done during the contact; each kind carries its own details. */
export type Activity =
  | { readonly kind: 'education'; readonly topic: string; readonly materialGiven: boolean; readonly teachBack: TeachBack | null }
  | { readonly kind: 'portal_help'; readonly steps: readonly PortalHelpStep[] }
  | { readonly kind: 'rpm'; readonly device: RpmDeviceKind; readonly action: 'setup' | 'training' }
  | { readonly kind: 'questionnaire'; readonly questionnaireId: string; readonly responseId: QuestionnaireResponseId | null }
  | {
      readonly kind: 'appointment';
      readonly action: AppointmentAction;
      readonly provider: string;
      readonly reason: string;
      readonly startsAt: IsoDateTime | null;
      readonly mode: AppointmentMode;
      /** The appointment record this created or changed, once the note is signed. */
      readonly appointmentId: AppointmentId | null;
    }
  | { readonly kind: 'referral'; readonly to: ReferralTarget; readonly reason: string }
  | { readonly kind: 'barrier'; readonly action: 'found' | 'resolved'; readonly barrier: BarrierKind; readonly barrierId: BarrierId | null; readonly detail: string }
  | { readonly kind: 'goal'; readonly action: 'set' | 'updated'; readonly text: string; readonly goalId: GoalId | null }
  | { readonly kind: 'care_gap'; readonly gapId: CareGapId; readonly measure: CareGapMeasure; readonly action: 'discussed' | 'scheduled' | 'closed' };

export type ActivityKind = Activity['kind'];
export const ACTIVITY_KINDS = [
  'education',
  'portal_help',
  'rpm',
  'questionnaire',
  'appointment',
  'referral',
  'barrier',
  'goal',
  'care_gap',
] as const satisfies readonly ActivityKind[];

export const ESCALATION_SEVERITIES = ['urgent', 'emergency'] as const;
export type EscalationSeverity = (typeof ESCALATION_SEVERITIES)[number];

export interface NoteEscalation {
  readonly reason: string;
  readonly severity: EscalationSeverity;
}

/** A follow-up agreed during the contact; becomes a task when the note is signed. */
export interface NoteFollowUp {
  readonly id: TaskId;
  readonly title: string;
  readonly dueDate: IsoDate;
  readonly ownerName: string;
}

export const NOTE_STATUSES = ['draft', 'signed', 'entered_in_error'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Everything a person writes in a note; frozen by signing and covered by the hash. */
export interface NoteContent {
  readonly mode: ContactMode;
  readonly contactAt: IsoDateTime;
  readonly durationMinutes: number | null;
  readonly outcome: Outcome | null;
  readonly activities: readonly Activity[];
  readonly text: string;
  readonly followUps: readonly NoteFollowUp[];
  readonly escalation: NoteEscalation | null;
}

export interface ContactNote extends NoteContent {
  readonly id: NoteId;
  readonly patientId: PatientId;
  readonly authorId: UserId;
  readonly authorName: string;
  readonly status: NoteStatus;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  readonly signedAt: IsoDateTime | null;
  /** The follow-up task this contact answers; the task is done once the note is signed. */
  readonly fromTaskId: TaskId | null;
  /** SHA-256 of the canonical content, set when signed. */
  readonly contentHash: string | null;
  /** `by` is the name, for people; `byId` the user (null on marks made before ids were kept). */
  readonly enteredInError: { readonly at: IsoDateTime; readonly by: string; readonly byId: UserId | null; readonly reason: string } | null;
}

export const CONTENT_FIELDS = [
  'mode',
  'contactAt',
  'durationMinutes',
  'outcome',
  'activities',
  'text',
  'followUps',
  'escalation',
] as const satisfies readonly (keyof NoteContent)[];

export function noteContent(n: NoteContent): NoteContent {
  return Object.fromEntries(CONTENT_FIELDS.map((k) => [k, n[k]])) as unknown as NoteContent;
}

/**
 * Deterministic JSON: object keys sorted at every depth, so the same content always hashes
 * the same on every device and on the server.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An addendum: a later correction or addition to a signed note, itself immutable. */
export interface Addendum {
  readonly id: string;
  readonly noteId: NoteId;
  readonly patientId: PatientId;
  readonly authorId: UserId;
  readonly authorName: string;
  readonly at: IsoDateTime;
  readonly text: string;
}

export type NoteProblem = 'outcome_missing' | 'escalation_reason_missing' | 'follow_up_incomplete' | 'appointment_incomplete' | 'education_topic_missing';

/** Why a draft cannot be signed yet; empty when it can. */
export function problemsBeforeSigning(n: NoteContent): NoteProblem[] {
  const problems: NoteProblem[] = [];
  if (!n.outcome) problems.push('outcome_missing');
  if (n.escalation && n.escalation.reason.trim() === '') problems.push('escalation_reason_missing');
  if (n.followUps.some((f) => f.title.trim() === '')) problems.push('follow_up_incomplete');
  if (n.activities.some((a) => a.kind === 'appointment' && (a.provider.trim() === '' || (a.action !== 'cancelled' && !a.startsAt)))) {
    problems.push('appointment_incomplete');
  }
  if (n.activities.some((a) => a.kind === 'education' && a.topic.trim() === '')) problems.push('education_topic_missing');
  return problems;
}
