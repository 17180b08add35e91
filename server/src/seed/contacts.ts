/**
 * How to reach a patient and who supports them: contact points with consent recorded per
 * channel, and caregivers, each its own record pointing at the patient. Consent is per channel
 * because a patient may welcome calls but refuse texts to the same number; `consentAt` and
 * `consentBy` are set exactly when the patient was asked (granted or declined), always before
 * `today`.
 */
import type { CaregiverId, ContactPointId, IsoDateTime, PatientId } from '../../../src/domain/ids';
import type { ConsentStatus, ContactChannel, ContactPoint, ContactUse } from '../../../src/domain/patient';
import type { Caregiver, Relationship } from '../../../src/domain/supportSystem';
import type { Day } from './calendar';
import { bostonDateTime } from './calendar';
import type { Language, NameSex, NameSource, PersonName } from './people';
import { emailFor, homePhone, mobilePhone } from './people';
import type { Rng } from './random';

export interface ContactContext {
  readonly rng: Rng;
  /**
   * Who recorded consent, and when a refusal was recorded. Its own stream, added after the
   * `rng` stream's draws were settled, so those stay as they were.
   */
  readonly consentRng: Rng;
  readonly names: NameSource;
  readonly today: Day;
}

export interface ContactSubject {
  readonly patientId: PatientId;
  /** The numeric part of the patient id, reused so child ids stay unique and readable. */
  readonly key: string;
  readonly name: PersonName;
  readonly sex: NameSex;
  readonly age: number;
  readonly language: Language;
  readonly areaCode: '617' | '781';
  /** Main line of the facility the patient lives in, if any. */
  readonly facilityPhone: string | null;
  /** The territory's specialist, who records most consents on their calls and visits. */
  readonly specialist: string;
}

/** Channels differ: texts are refused more often than calls, and many never answer about email. */
const CONSENT: Record<ContactChannel, readonly (readonly [ConsentStatus, number])[]> = {
  phone: [['granted', 0.78], ['unknown', 0.17], ['declined', 0.05]],
  sms: [['granted', 0.6], ['unknown', 0.25], ['declined', 0.15]],
  email: [['granted', 0.62], ['unknown', 0.3], ['declined', 0.08]],
};

/** Office staff who take consent on enrolment calls; not sign-ins of the demo. */
const INTAKE_STAFF: readonly string[] = ['Linda Nguyen', 'Tom Reilly', 'Grace Mwangi'];

/** A weekday-agnostic daytime moment 3 days to ~2.5 years before today. */
function consentMoment(today: Day, rng: Rng): IsoDateTime {
  return bostonDateTime(today - rng.int(3, 900), rng.int(9 * 60, 17 * 60));
}

function consentRecorder(ctx: ContactContext, s: ContactSubject): string {
  return ctx.consentRng.chance(0.6) ? s.specialist : ctx.consentRng.pick(INTAKE_STAFF);
}

/** 1 to 3 contact points; there is always at least one phone to call. */
export function buildContacts(ctx: ContactContext, s: ContactSubject): ContactPoint[] {
  const { rng } = ctx;
  const points: ContactPoint[] = [];
  const add = (channel: ContactChannel, use: ContactUse, value: string, consent?: ConsentStatus): void => {
    const status = consent ?? rng.weighted(CONSENT[channel]);
    const consentAt =
      status === 'granted' ? consentMoment(ctx.today, rng) : status === 'declined' ? consentMoment(ctx.today, ctx.consentRng) : null;
    points.push({
      id: `cp_${s.key}_${points.length + 1}` as ContactPointId,
      patientId: s.patientId,
      channel,
      use,
      value,
      consent: status,
      consentAt,
      consentBy: status === 'unknown' ? null : consentRecorder(ctx, s),
      removed: false,
    });
  };

  if (s.facilityPhone !== null) {
    // The facility line is how staff expect outreach to arrive; it was agreed at admission.
    add('phone', 'facility', s.facilityPhone, 'granted');
    if (rng.chance(0.35)) add('phone', 'mobile', mobilePhone(s.areaCode, rng));
    if (rng.chance(0.1)) add('email', 'home', emailFor(s.name, rng));
    return points;
  }

  // The oldest patients more often still rely on a landline.
  const landlineFirst = rng.chance(s.age >= 80 ? 0.6 : 0.35);
  if (landlineFirst) {
    add('phone', 'home', homePhone(s.areaCode, rng));
    if (rng.chance(0.35)) add('phone', 'mobile', mobilePhone(s.areaCode, rng));
  } else {
    const mobile = mobilePhone(s.areaCode, rng);
    add('phone', 'mobile', mobile);
    if (rng.chance(0.55)) add('sms', 'mobile', mobile);
  }
  if (points.length < 3 && rng.chance(s.age < 75 ? 0.56 : 0.32)) add('email', 'home', emailFor(s.name, rng));
  return points;
}

const opposite = (sex: NameSex): NameSex => (sex === 'female' ? 'male' : 'female');

/** The caregiver's sex follows from the relationship where it can (daughter, son, spouse). */
function caregiverName(ctx: ContactContext, s: ContactSubject, rel: Relationship): string {
  const { rng, names } = ctx;
  const sex: NameSex =
    rel === 'daughter' ? 'female' : rel === 'son' ? 'male' : rel === 'spouse' ? opposite(s.sex) : rng.pick(['female', 'male'] as const);
  const sharesSurname =
    rel === 'spouse' || (rel === 'son' && rng.chance(0.9)) || (rel === 'daughter' && rng.chance(0.5)) || (rel === 'sibling' && rng.chance(0.6));
  const given = names.givenName(s.language, sex);
  const family = sharesSurname ? s.name.family : names.familyName(s.language);
  return `${given} ${family}`;
}

/** About 40% of patients have one or two caregivers (more among facility residents). */
export function buildCaregivers(ctx: ContactContext, s: ContactSubject): Caregiver[] {
  const { rng } = ctx;
  if (!rng.chance(s.facilityPhone !== null ? 0.6 : 0.36)) return [];
  const count = rng.chance(0.7) ? 1 : 2;
  const result: Caregiver[] = [];
  const used = new Set<Relationship>();
  for (let i = 0; i < count; i++) {
    const rel = rng.weighted<Relationship>([
      ['daughter', 0.32],
      ['son', 0.2],
      // Spouses are rarer at the oldest ages and there is only ever one.
      ['spouse', used.has('spouse') ? 0 : s.age < 85 ? 0.22 : 0.06],
      ['sibling', 0.08],
      ['friend', 0.06],
      ['neighbor', 0.06],
      ['other', 0.06],
    ]);
    used.add(rel);
    result.push({
      id: `cg_${s.key}_${i + 1}` as CaregiverId,
      patientId: s.patientId,
      name: caregiverName(ctx, s, rel),
      relationship: rel,
      phone: rng.chance(0.92) ? mobilePhone(s.areaCode, rng) : null,
      primary: i === 0,
      removed: false,
      shareInfo: null,
    });
  }
  return result;
}
