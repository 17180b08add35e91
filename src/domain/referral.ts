/**
 * A referral to someone who can help beyond the specialist's visit (a community health
 * worker, a social worker...): a record of its own, created when a note with a referral
 * activity is signed, and followed through its status until it is completed or declined.
 * Pure data and rules; the time and the person come in as arguments.
 */
import type { ReferralTarget } from './contactNote';
import type { IsoDateTime, NoteId, PatientId, ReferralId, UserId } from './ids';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'completed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface Referral {
  readonly id: ReferralId;
  readonly patientId: PatientId;
  /** The signed note whose referral activity created it. */
  readonly noteId: NoteId;
  readonly to: ReferralTarget;
  readonly reason: string;
  readonly status: ReferralStatus;
  readonly sentAt: IsoDateTime;
  readonly sentById: UserId;
  readonly sentByName: string;
  /** The last status change (the sending, until the status first changes). */
  readonly statusAt: IsoDateTime;
  readonly statusById: UserId;
  readonly statusByName: string;
}

/** Completed and declined referrals are finished; the others still need following up. */
export function isReferralOpen(r: Pick<Referral, 'status'>): boolean {
  return r.status === 'sent' || r.status === 'accepted';
}

/**
 * Which statuses a referral may move to from `from`. A finished referral can be reopened
 * only to `sent` (sent again), since "completed" or "declined" were sometimes set by mistake.
 */
export function nextReferralStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  switch (from) {
    case 'sent':
      return ['accepted', 'completed', 'declined'];
    case 'accepted':
      return ['completed', 'declined'];
    case 'completed':
    case 'declined':
      return ['sent'];
  }
}

export type ReferralStatusChange =
  | { readonly ok: true; readonly referral: Referral }
  | { readonly ok: false; readonly code: 'same_status' | 'not_allowed' };

export function changeReferralStatus(
  r: Referral,
  status: ReferralStatus,
  ctx: { readonly now: IsoDateTime; readonly byId: UserId; readonly byName: string },
): ReferralStatusChange {
  if (status === r.status) return { ok: false, code: 'same_status' };
  if (!nextReferralStatuses(r.status).includes(status)) return { ok: false, code: 'not_allowed' };
  return { ok: true, referral: { ...r, status, statusAt: ctx.now, statusById: ctx.byId, statusByName: ctx.byName } };
}
