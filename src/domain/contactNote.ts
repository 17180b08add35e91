/**
 * The record of one contact with a patient: a visit or a call, what happened, what was done,
 * what follows. A draft belongs to its author and changes freely; signing freezes its content
 * (kept with a content hash); corrections are addenda; "entered in error" is a status with a
 * reason. A signed note is never deleted; only its author discards a draft (noteDiscard.ts).
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
import { contactTimeIssue, durationIssue, planningWindow, upcomingDateIssue, upcomingTimeIssue } from './withinReason';

export const CONTACT_MODES = ['home_visit', 'facility_visit', 'hospital_visit', 'phone_call', 'video_call'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const OUTCOMES = [
  'reached',
  'not_home',
  /** A call nobody answered: an attempt, counted like a visit that found nobody home. */
  'no_answer',
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
  /**
   * When the patient should next be contacted; signing writes it onto the patient (null: no
   * next contact). Absent on notes written before the field existed: signing those leaves the
   * patient's due date alone, and their content hash is unchanged (canonicalJson skips it).
   */
  readonly nextContactDue?: IsoDate | null;
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
  'nextContactDue',
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
  /**
   * Set only on a supervisor's review written from the office (domain/noteReview.ts): whether
   * they co-signed the note. Absent or null on the author's own addenda, and on every addendum
   * written before reviews existed; a device can never set it (the server refuses).
   */
  readonly review?: AddendumReview | null;
}

/** A supervisor's review of a signed note; `cosign`: they co-sign its content. */
export interface AddendumReview {
  readonly cosign: boolean;
}

export type NoteProblem =
  | 'outcome_missing'
  | 'escalation_reason_missing'
  | 'follow_up_incomplete'
  | 'appointment_incomplete'
  | 'education_topic_missing'
  | NoteReasonProblem;

/** Dates and numbers out of reason (withinReason.ts), each naming its field. */
export type NoteReasonProblem =
  | 'contact_in_future'
  | 'contact_before_birth'
  | 'duration_out_of_range'
  | 'next_contact_in_past'
  | 'next_contact_too_far'
  | 'follow_up_in_past'
  | 'follow_up_too_far'
  | 'appointment_in_past'
  | 'appointment_too_far';

/**
 * Dates and numbers of a draft judged on the device at `now` (its local `today`): checked
 * before the sign confirmation and again by signing. A booked appointment is judged only when
 * the note books it (`set`); confirming or cancelling an existing one is not a booking.
 */
export function problemsWithinReason(
  n: NoteContent,
  ctx: { readonly now: IsoDateTime; readonly today: IsoDate; readonly birthDate: IsoDate | null },
): NoteReasonProblem[] {
  const problems: NoteReasonProblem[] = [];
  const contact = contactTimeIssue(n.contactAt, { latest: ctx.now, birthDate: ctx.birthDate });
  if (contact) problems.push(contact === 'in_future' ? 'contact_in_future' : 'contact_before_birth');
  if (durationIssue(n.durationMinutes)) problems.push('duration_out_of_range');
  const window = planningWindow(ctx.today);
  const next = n.nextContactDue ? upcomingDateIssue(n.nextContactDue, window) : null;
  if (next) problems.push(next === 'in_past' ? 'next_contact_in_past' : 'next_contact_too_far');
  const followUps = n.followUps.map((f) => upcomingDateIssue(f.dueDate, window));
  if (followUps.includes('in_past')) problems.push('follow_up_in_past');
  if (followUps.includes('too_far')) problems.push('follow_up_too_far');
  const booked = n.activities.map((a) =>
    a.kind === 'appointment' && a.action === 'set' && a.startsAt ? upcomingTimeIssue(a.startsAt, { earliest: ctx.now, latest: ctx.now }) : null,
  );
  if (booked.includes('in_past')) problems.push('appointment_in_past');
  if (booked.includes('too_far')) problems.push('appointment_too_far');
  return problems;
}

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
