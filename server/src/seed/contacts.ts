/**
 * How to reach a patient and who supports them: contact points with consent recorded per
 * channel, and caregivers. Consent is per channel because a patient may welcome calls but
 * refuse texts to the same number; `consentAt` is set exactly when consent is granted and is
 * always before `today`.
 */
import type { CaregiverId, ContactPointId, IsoDateTime } from '../../../src/domain/ids';
import type { Caregiver, ConsentStatus, ContactChannel, ContactPoint, ContactUse } from '../../../src/domain/patient';
import type { Day } from './calendar';
import { bostonDateTime } from './calendar';
import type { Language, NameSex, NameSource, PersonName } from './people';
import { emailFor, homePhone, mobilePhone } from './people';
import type { Rng } from './random';

export interface ContactContext {
  readonly rng: Rng;
  readonly names: NameSource;
  readonly today: Day;
}

export interface ContactSubject {
  /** The numeric part of the patient id, reused so child ids stay unique and readable. */
  readonly key: string;
  readonly name: PersonName;
  readonly sex: NameSex;
  readonly age: number;
  readonly language: Language;
  readonly areaCode: '617' | '781';
  /** Main line of the facility the patient lives in, if any. */
  readonly facilityPhone: string | null;
}

/** Channels differ: texts are refused more often than calls, and many never answer about email. */
const CONSENT: Record<ContactChannel, readonly (readonly [ConsentStatus, number])[]> = {
  phone: [['granted', 0.78], ['unknown', 0.17], ['declined', 0.05]],
  sms: [['granted', 0.6], ['unknown', 0.25], ['declined', 0.15]],
  email: [['granted', 0.62], ['unknown', 0.3], ['declined', 0.08]],
};

/** A weekday-agnostic daytime moment 3 days to ~2.5 years before today. */
function consentMoment(ctx: ContactContext): IsoDateTime {
  return bostonDateTime(ctx.today - ctx.rng.int(3, 900), ctx.rng.int(9 * 60, 17 * 60));
}

/** 1 to 3 contact points; there is always at least one phone to call. */
export function buildContacts(ctx: ContactContext, s: ContactSubject): ContactPoint[] {
  const { rng } = ctx;
  const points: ContactPoint[] = [];
  const add = (channel: ContactChannel, use: ContactUse, value: string, consent?: ConsentStatus): void => {
    const status = consent ?? rng.weighted(CONSENT[channel]);
    points.push({
      id: `cp_${s.key}_${points.length + 1}` as ContactPointId,
      channel,
      use,
      value,
      consent: status,
      consentAt: status === 'granted' ? consentMoment(ctx) : null,
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

export const CAREGIVER_RELATIONSHIPS = ['daughter', 'son', 'spouse', 'sibling', 'friend', 'neighbor', 'other'] as const;
type Relationship = (typeof CAREGIVER_RELATIONSHIPS)[number];

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
      name: caregiverName(ctx, s, rel),
      relationship: rel,
      phone: rng.chance(0.92) ? mobilePhone(s.areaCode, rng) : null,
      primary: i === 0,
    });
  }
  return result;
}
