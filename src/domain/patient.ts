/**
 * The patient as the specialist sees it: demographics, how to reach them (with consent per
 * channel), their support system, where they live or reside, and their programme status.
 * Pure data and derivations; "today" is always an argument.
 */
import type {
  ContactPointId,
  FacilityId,
  IsoDate,
  IsoDateTime,
  LatLng,
  PatientId,
  TerritoryId,
} from './ids';
import { currentConsent, type ConsentEvent } from './consent';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_USES = ['mobile', 'home', 'work', 'facility'] as const;
export type ContactUse = (typeof CONTACT_USES)[number];

export const CONSENT_STATUSES = ['granted', 'declined', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const PORTAL_STATUSES = ['not_enrolled', 'invited', 'active'] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

export const RPM_STATUSES = ['none', 'offered', 'active'] as const;
export type RpmStatus = (typeof RPM_STATUSES)[number];

/**
 * One way to reach the patient, with consent for that channel. Its own record (not a field
 * of the patient) so that two people adding a number at once both keep theirs.
 */
export interface ContactPoint {
  readonly id: ContactPointId;
  readonly patientId: PatientId;
  readonly channel: ContactChannel;
  readonly use: ContactUse;
  /** Phone numbers in E.164 (`+16175550123`); email addresses as typed. */
  readonly value: string;
  readonly consent: ConsentStatus;
  /** When and by whom consent was last recorded; null while never asked. */
  readonly consentAt: IsoDateTime | null;
  readonly consentBy: string | null;
  /** A retired number stays on record (history) but is no longer offered for calls. */
  readonly removed: boolean;
}

export interface PortalSteps {
  readonly emailCreated: boolean;
  readonly accountActivated: boolean;
  readonly firstLoginTaught: boolean;
}

export interface Address {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly location: LatLng | null;
}

export interface Patient {
  readonly id: PatientId;
  readonly territoryId: TerritoryId;
  readonly mrn: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  /** A BCP 47 language tag in canonical case, e.g. `es`, `en-US` (languageTag.ts). */
  readonly language: string;
  readonly interpreterNeeded: boolean;
  readonly address: Address;
  readonly facilityId: FacilityId | null;
  readonly room: string | null;
  readonly accessNotes: string | null;
  /** Free text such as "mornings before 11". */
  readonly bestTimeToCall: string | null;
  readonly portal: PortalStatus;
  readonly portalSteps: PortalSteps;
  readonly rpm: RpmStatus;
  readonly lastContactAt: IsoDateTime | null;
  /** Date the next follow-up is due; overdue when before today. */
  readonly nextDueDate: IsoDate | null;
  /** A missed or cancelled appointment still needs chasing. */
  readonly noShowFollowUp: boolean;
}

export function fullName(p: Pick<Patient, 'givenName' | 'familyName'>): string {
  return `${p.givenName} ${p.familyName}`;
}

/** An address on one line: "1 Main St, Apt 2, Chelsea, MA 02150" (an empty second line left out). */
export function addressOneLine(a: Pick<Address, 'line1' | 'line2' | 'city' | 'state' | 'postalCode'>): string {
  return [a.line1, a.line2, a.city, `${a.state} ${a.postalCode}`].filter(Boolean).join(', ');
}

/** Age in whole years on `today`; a birthday on `today` counts. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const beforeBirthday = tm < bm || (tm === bm && td < bd);
  return ty - by - (beforeBirthday ? 1 : 0);
}

/**
 * The number to dial first: a consented mobile, then any consented phone, then any phone whose
 * consent is not known yet. A phone the patient declined is never offered (see consent.ts).
 */
export function primaryPhone(contacts: readonly ContactPoint[], events: readonly ConsentEvent[] = []): ContactPoint | null {
  const phones = contacts
    .filter((c) => c.channel === 'phone' && !c.removed)
    .map((c) => ({ c, status: currentConsent(c, events).status }))
    .filter((x) => x.status !== 'declined');
  return (
    phones.find((x) => x.status === 'granted' && x.c.use === 'mobile')?.c ??
    phones.find((x) => x.status === 'granted')?.c ??
    phones[0]?.c ??
    null
  );
}

/**
 * The patient at a new address. A move makes the stored coordinates wrong, so they are
 * cleared: the patient has no location (and stays off route plans) until coordinates are
 * derived again for the new address. An unchanged address keeps its coordinates.
 */
export function withNewAddress(p: Patient, next: Omit<Address, 'location'>): Patient {
  const a = p.address;
  const same = a.line1 === next.line1 && a.line2 === next.line2 && a.city === next.city && a.state === next.state && a.postalCode === next.postalCode;
  if (same) return p;
  return { ...p, address: { ...next, location: null } };
}

/** True when the patient's home cannot be placed on a map (no coordinates). */
export function hasNoLocation(p: Pick<Patient, 'address'>): boolean {
  return p.address.location === null;
}

/** North American numbers in E.164 read as `(617) 555-0123`; anything else as stored. */
export function formatPhone(value: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : value;
}
