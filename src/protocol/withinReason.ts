/**
 * Dates and numbers within reason as the server checks them on push, built on the same pure
 * rules the note editor uses (domain/withinReason.ts). Applied to what a change creates or
 * signs (a signed note, a new appointment, a new task), never to the stored shape of records,
 * so data written before these rules still syncs.
 *
 * Invariant: a change is judged at the time it was made, not the time it arrives. The
 * reference is the change's own clock stamp (its wall time, after the server clamped it to at
 * most 5 minutes ahead of its own clock, S19); the server's "now" enters only through that
 * clamp. So a refusal depends only on the change and the stored data (the patient's birth
 * date): a resend is judged the same, and work done offline and synced hours later is judged
 * as when it was done. A draft typed yesterday and signed today is judged at its signing; an
 * appointment booked at 10:00 for 14:00 and synced at 18:00 is not "in the past". Calendar
 * dates (due dates) are local to the device, whose time zone the server does not know: they
 * get one day of slack on either side.
 */
import { z } from 'zod';
import type { IsoDate, IsoDateTime } from '../domain/ids';
import {
  addDays,
  addYears,
  contactTimeIssue,
  DURATION_MINUTES,
  durationIssue,
  MAX_YEARS_AHEAD,
  upcomingDateIssue,
  upcomingTimeIssue,
  type DateWindow,
} from '../domain/withinReason';

export interface ReasonContext {
  /** The change's own time: its clock stamp's wall time after the server's clamp. */
  readonly changeAt: IsoDateTime;
  /** The patient's birth date, from the stored patient. */
  readonly birthDate: IsoDate | null;
}

const MESSAGES = {
  in_future: 'is in the future',
  before_birth: "is before the patient's birth date",
  in_past: 'is in the past',
  too_far: `is more than ${MAX_YEARS_AHEAD} years ahead`,
  duration: `must be whole minutes from ${DURATION_MINUTES.min} to ${DURATION_MINUTES.max}`,
} as const;

function dateWindow(changeAt: IsoDateTime): DateWindow {
  const day = changeAt.slice(0, 10) as IsoDate;
  return { from: addDays(day, -1), to: addDays(addYears(day, MAX_YEARS_AHEAD), 1) };
}

function upcomingDate(window: DateWindow) {
  return z
    .string()
    .refine((d) => upcomingDateIssue(d as IsoDate, window) !== 'in_past', { message: MESSAGES.in_past })
    .refine((d) => upcomingDateIssue(d as IsoDate, window) !== 'too_far', { message: MESSAGES.too_far });
}

function upcomingTime(ctx: ReasonContext) {
  const at = { earliest: ctx.changeAt, latest: ctx.changeAt };
  return z
    .string()
    .refine((t) => upcomingTimeIssue(t as IsoDateTime, at) !== 'in_past', { message: MESSAGES.in_past })
    .refine((t) => upcomingTimeIssue(t as IsoDateTime, at) !== 'too_far', { message: MESSAGES.too_far });
}

/** A note being signed (its whole content, as it will be sealed). */
export function signedNoteRules(ctx: ReasonContext) {
  const contact = { latest: ctx.changeAt, birthDate: ctx.birthDate };
  const window = dateWindow(ctx.changeAt);
  const at = { earliest: ctx.changeAt, latest: ctx.changeAt };
  return z.object({
    contactAt: z
      .string()
      .refine((t) => contactTimeIssue(t as IsoDateTime, contact) !== 'in_future', { message: MESSAGES.in_future })
      .refine((t) => contactTimeIssue(t as IsoDateTime, contact) !== 'before_birth', { message: MESSAGES.before_birth }),
    durationMinutes: z
      .number()
      .nullable()
      .refine((m) => durationIssue(m) === null, { message: MESSAGES.duration }),
    nextContactDue: upcomingDate(window).nullable().optional(),
    followUps: z.array(z.object({ dueDate: upcomingDate(window) })),
    // Only a booking made by this note; confirming or cancelling an existing one is not.
    activities: z.array(
      z.object({ kind: z.string(), action: z.unknown().optional(), startsAt: z.unknown().optional() }).superRefine((a, check) => {
        if (a.kind !== 'appointment' || a.action !== 'set' || typeof a.startsAt !== 'string') return;
        const issue = upcomingTimeIssue(a.startsAt as IsoDateTime, at);
        if (issue) check.addIssue({ code: 'custom', path: ['startsAt'], message: MESSAGES[issue] });
      }),
    ),
  });
}

/** A new appointment. */
export function newAppointmentRules(ctx: ReasonContext) {
  return z.object({ startsAt: upcomingTime(ctx) });
}

/** A new task. */
export function newTaskRules(ctx: ReasonContext) {
  return z.object({ dueDate: upcomingDate(dateWindow(ctx.changeAt)) });
}
