/**
 * Consent to be reached on a contact point, as a history. Each time a person asks the patient
 * (or the patient says so unasked), a `ConsentEvent` records the decision, how it was given,
 * when, and by whom; events are records of their own, written once and never changed, so two
 * people recording consent at once both keep theirs (DESIGN section 4).
 *
 * Invariant: an event carries the number or address it was given for (`value`). It applies to
 * a contact point only while the point still holds that value, so a changed number starts
 * with no consent and the old events stay in the history, visibly about the old number.
 *
 * Contact points written before events existed carry their consent in the point itself
 * (`consent`, `consentAt`, `consentBy`); that is read as one more, legacy, event so nothing
 * recorded is lost. New events mirror into those fields for devices that predate events.
 * Pure: no clock; times are ISO instants that compare as strings.
 */
import type { ConsentEventId, ContactPointId, IsoDateTime, PatientId, UserId } from './ids';
import type { ConsentStatus, ContactChannel, ContactPoint } from './patient';

export const CONSENT_DECISIONS = ['granted', 'declined', 'revoked'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'portal', 'text_reply', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ConsentEvent {
  readonly id: ConsentEventId;
  readonly patientId: PatientId;
  readonly contactPointId: ContactPointId;
  /** The channel the consent is about: calls (phone), texts (sms) or email. */
  readonly channel: ContactChannel;
  /** The number or address as it was when the consent was given (see the invariant above). */
  readonly value: string;
  readonly decision: ConsentDecision;
  readonly method: ConsentMethod;
  readonly at: IsoDateTime;
  readonly byId: UserId;
  readonly byName: string;
}

/** What the contact point's consent is now, and where that comes from. */
export type CurrentConsent =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'granted' | 'declined';
      readonly decision: ConsentDecision;
      /** Null only for legacy consent recorded without a time or a name. */
      readonly at: IsoDateTime | null;
      readonly byName: string | null;
      /** Null for consent recorded before events (no method was asked then). */
      readonly method: ConsentMethod | null;
      readonly source: 'event' | 'legacy';
    };

const statusOf = (d: ConsentDecision): 'granted' | 'declined' => (d === 'granted' ? 'granted' : 'declined');

/**
 * The latest decision that still applies to `point`: among its events for its current value
 * and its legacy consent, the latest by time (an event wins a tie: it says how). Unknown when
 * nothing applies.
 */
export function currentConsent(point: ContactPoint, events: readonly ConsentEvent[]): CurrentConsent {
  let best: ConsentEvent | null = null;
  for (const e of events) {
    if (e.contactPointId !== point.id || e.value !== point.value) continue;
    if (!best || e.at > best.at || (e.at === best.at && e.id > best.id)) best = e;
  }
  // Legacy consent without a time (written by early upgrades) loses to any event.
  const legacy = point.consent !== 'unknown' ? point.consent : null;
  if (legacy && (!best || (point.consentAt !== null && point.consentAt > best.at))) {
    return {
      status: legacy,
      decision: legacy,
      at: point.consentAt,
      byName: point.consentBy,
      method: null,
      source: 'legacy',
    };
  }
  if (!best) return { status: 'unknown' };
  return { status: statusOf(best.decision), decision: best.decision, at: best.at, byName: best.byName, method: best.method, source: 'event' };
}

/** The point's events, newest first: its history, including those for numbers it used to have. */
export function consentHistory(pointId: ContactPointId, events: readonly ConsentEvent[]): ConsentEvent[] {
  return events.filter((e) => e.contactPointId === pointId).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
}

/** The contact point's own consent fields as an event sets them (for devices without events). */
export function mirroredConsent(event: ConsentEvent): Pick<ContactPoint, 'consent' | 'consentAt' | 'consentBy'> {
  const consent: ConsentStatus = statusOf(event.decision);
  return { consent, consentAt: event.at, consentBy: event.byName };
}

/**
 * A contact point with a new value: consent given for the old one does not carry over, so the
 * mirrored fields start over too.
 */
export function withNewValue(point: ContactPoint, value: string): ContactPoint {
  if (value === point.value) return point;
  return { ...point, value, consent: 'unknown', consentAt: null, consentBy: null };
}

/**
 * Whether the app offers to reach the patient on this point. A declined or revoked channel is
 * never offered. Calls are offered while consent is unknown (a call is how one asks); texts
 * and emails only with consent granted.
 */
export function mayContact(channel: ContactChannel, consent: CurrentConsent): boolean {
  if (consent.status === 'declined') return false;
  return channel === 'phone' || consent.status === 'granted';
}
