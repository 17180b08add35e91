/**
 * Wire schemas of the office's note review (`/api/office/notes...`): the signed notes of the
 * supervisor's team in a range of UTC days, one note in full with its addenda, and the review
 * addendum a supervisor writes on one (optionally co-signing it). Queries and bodies are
 * strict: an unknown field is refused, named. The review itself is an addendum
 * (domain/noteReview.ts) that the author's device pulls like any other.
 */
import { z } from 'zod';
import { CONTACT_MODES, OUTCOMES } from '../domain/contactNote';
import { id, isoDate, isoDateTime } from './entityParts';
import { METRICS_RANGE_MAX_DAYS } from './officeMetrics';
import { addendumSchema, contactNoteSchema } from './noteSchemas';
import { safeText, TEXT_MAX } from './safeText';

/** Which notes the list shows: all signed ones, or those no supervisor has reviewed yet. */
export const REVIEW_FILTERS = ['all', 'unreviewed'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const REVIEW_LIST_MAX = 500;
export const REVIEW_LIST_DEFAULT = 100;
/** How far paging may go: past this, narrow the range or the specialist instead. */
export const REVIEW_OFFSET_MAX = 100_000;
/** The list's summary of a note's text, in characters. */
export const REVIEW_SUMMARY_CHARS = 160;

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const whole = (max: number, label: string) =>
  z.coerce.number().int(`a whole number from ${label}`).min(label.startsWith('0') ? 0 : 1, `from ${label}`).max(max, `from ${label}`);

export const reviewListQuerySchema = z
  .strictObject({
    /** UTC days of the contact, both included. */
    from: isoDate,
    to: isoDate,
    /** One specialist's notes; absent: the whole team's. */
    authorId: safeText(TEXT_MAX.id).min(1).optional(),
    reviewed: z.enum(REVIEW_FILTERS, `one of ${REVIEW_FILTERS.join(', ')}`).default('all'),
    limit: whole(REVIEW_LIST_MAX, `1 to ${REVIEW_LIST_MAX}`).default(REVIEW_LIST_DEFAULT),
    /** How many of the newest to skip (the next page starts at the previous page's end). */
    offset: whole(REVIEW_OFFSET_MAX, `0 to ${REVIEW_OFFSET_MAX}`).default(0),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => days(q.from, q.to) <= METRICS_RANGE_MAX_DAYS, { message: `at most ${METRICS_RANGE_MAX_DAYS} days`, path: ['to'] });
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

const name = z.string().max(TEXT_MAX.name);

/** One signed note in the office's list: who, whom, when, how, and whether it was reviewed. */
export const reviewNoteSummarySchema = z.object({
  id,
  patientId: id,
  /** The patient's name as the office shows it. */
  patientName: name,
  authorId: id,
  authorName: name,
  contactAt: isoDateTime,
  mode: z.enum(CONTACT_MODES),
  outcome: z.enum(OUTCOMES).nullable(),
  /** The start of the note's text, at most REVIEW_SUMMARY_CHARS characters. */
  summary: z.string(),
  /** Some supervisor added a review to it; `reviewedAt` is the latest review's time. */
  reviewed: z.boolean(),
  reviewedAt: isoDateTime.nullable(),
  cosigned: z.boolean(),
});
export type ReviewNoteSummary = z.infer<typeof reviewNoteSummarySchema>;

export const reviewListResponseSchema = z.object({
  notes: z.array(reviewNoteSummarySchema),
  /** More notes matched past this page: ask again with `offset` + `limit`. */
  hasMore: z.boolean(),
  serverTime: isoDateTime,
});
export type ReviewListResponse = z.infer<typeof reviewListResponseSchema>;

/** One note in full, with its addenda (the author's and the reviews), oldest first. */
export const reviewNoteResponseSchema = z.object({
  note: contactNoteSchema,
  patientName: name,
  addenda: z.array(addendumSchema),
});
export type ReviewNoteResponse = z.infer<typeof reviewNoteResponseSchema>;

export const reviewRequestSchema = z.strictObject({
  text: safeText(TEXT_MAX.note).trim().min(1, 'the review needs some text'),
  /** The supervisor co-signs the note's content. */
  cosign: z.boolean('true or false'),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const reviewResponseSchema = z.object({ addendum: addendumSchema });
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;
