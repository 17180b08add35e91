/**
 * One patient record with everything on it except care gaps, appointments and the support
 * records built later: who they are, where they live (a home in a territory town, or a
 * facility), how to reach them (contact points and caregivers, returned beside the patient as
 * records of their own), and where they stand in outreach. Also rolls the two conditions that
 * care gaps and remote monitoring depend on, so that a diabetic patient gets both diabetes
 * measures and is likelier on RPM.
 */
import type { FacilityId, IsoDate, IsoDateTime, PatientId, TerritoryId } from '../../../src/domain/ids';
import type { Address, ContactPoint, Patient, PortalStatus, RpmStatus } from '../../../src/domain/patient';
import type { Caregiver } from '../../../src/domain/supportSystem';
import type { Day } from './calendar';
import { bostonDateTime, formatIsoDate } from './calendar';
import type { ContactContext } from './contacts';
import { buildCaregivers, buildContacts } from './contacts';
import type { SeedFacility } from './facilities';
import { residentAccessNote, residentRoom } from './facilities';
import { bestTimeToCall, portalStepsFor } from './outreachPrefs';
import type { Language, NameSex, NameSource } from './people';
import type { Rng } from './random';
import type { TerritoryPlan, Town } from './towns';
import { findTown, scatterAround } from './towns';

export interface PatientContext {
  readonly rng: Rng;
  readonly names: NameSource;
  readonly contacts: ContactContext;
  /** Best time to call and portal steps: added later, so on a stream of their own. */
  readonly prefsRng: Rng;
  readonly today: Day;
  /** Mixed into MRNs so that different seeds do not share MRNs for the same index. */
  readonly mrnOffset: number;
}

/** Where a patient is placed: their territory, its care homes, and who works it. */
export interface TerritorySite {
  readonly plan: TerritoryPlan;
  /** Long-term care and assisted living only: residents never live in the hospital. */
  readonly homes: readonly SeedFacility[];
  /** The territory's specialist, by name. */
  readonly specialist: string;
}

/** A patient plus the facts later stages need that the record does not carry. */
export interface PatientDraft {
  readonly patient: Patient;
  readonly contactPoints: readonly ContactPoint[];
  readonly caregivers: readonly Caregiver[];
  readonly specialist: string;
  readonly index: number;
  readonly age: number;
  readonly sex: NameSex;
  readonly resident: SeedFacility | null;
  readonly hypertensive: boolean;
  readonly diabetic: boolean;
}

/** Community patients are mostly Medicare age; the under-65s are there through disability. */
const COMMUNITY_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[50, 64], 0.18],
  [[65, 74], 0.4],
  [[75, 84], 0.28],
  [[85, 95], 0.14],
];
const RESIDENT_AGES: readonly (readonly [readonly [number, number], number])[] = [
  [[50, 64], 0.03],
  [[65, 74], 0.15],
  [[75, 84], 0.37],
  [[85, 95], 0.45],
];

const HOME_ACCESS_NOTES: readonly string[] = [
  'Call before arriving; patient is hard of hearing, let it ring',
  'Dog in yard; knock at the side door',
  'Ring bell for 2nd floor; stairs only, no elevator',
  'Street parking only; resident-permit spaces on weekdays',
  'Daughter home afternoons; patient prefers visits after 1 pm',
  'Use back entrance; front steps under repair',
  'Intercom unreliable; call from the lobby',
  'Patient uses a walker; allow time to answer the door',
  '3rd-floor walk-up; patient rarely leaves the apartment',
  'Building entrance on the side street, not the main road',
  'Cat in the home; patient asks visitors to keep the door closed',
  'Patient works mornings at church; best reached after 2 pm',
];

export const patientKey = (index: number): string => String(index).padStart(6, '0');

/**
 * The birthday falls on a uniformly chosen day of the last year, so `ageOn(birthDate, today)`
 * is exactly `age`. A 29 February birthday becomes the 28th to stay a real date every year.
 */
function birthDateFor(age: number, today: Day, rng: Rng): IsoDate {
  const lastBirthday = formatIsoDate(today - rng.int(0, 364));
  const monthDay = lastBirthday.slice(5) === '02-29' ? '02-28' : lastBirthday.slice(5);
  const year = Number(lastBirthday.slice(0, 4)) - age;
  return `${String(year).padStart(4, '0')}-${monthDay}` as IsoDate;
}

function languageIn(town: Town, rng: Rng): Language {
  let roll = rng.next();
  if ((roll -= town.spanish) < 0) return 'es';
  for (const [language, share] of town.other) {
    if ((roll -= share) < 0) return language;
  }
  return 'en';
}

function homeAddress(town: Town, rng: Rng): Address {
  // Triple-deckers and apartment blocks: a fair number of homes have a unit.
  const line2 = rng.chance(0.22) ? rng.pick([`Apt ${rng.int(1, 24)}`, `Unit ${rng.int(1, 3)}`, `#${rng.int(1, 6)}${rng.pick(['A', 'B', 'C'])}`]) : null;
  return {
    line1: `${rng.int(2, 420)} ${rng.pick(town.streets)}`,
    line2,
    city: town.name,
    state: 'MA',
    postalCode: rng.pick(town.zips),
    location: scatterAround(town, rng),
  };
}

/** Residents share the facility's address by value, never by reference. */
function copyAddress(a: Address): Address {
  return { ...a, location: a.location ? { ...a.location } : null };
}

function portalStatus(resident: boolean, interpreterNeeded: boolean, rng: Rng): PortalStatus {
  const active = resident ? 0.05 : interpreterNeeded ? 0.12 : 0.23;
  return rng.weighted<PortalStatus>([['active', active], ['invited', 0.16], ['not_enrolled', 1 - active - 0.16]]);
}

/** Remote monitoring is offered to people with a condition to monitor, and not in facilities. */
function rpmStatus(eligible: boolean, rng: Rng): RpmStatus {
  if (eligible) return rng.weighted<RpmStatus>([['active', 0.2], ['offered', 0.12], ['none', 0.68]]);
  return rng.weighted<RpmStatus>([['active', 0.02], ['offered', 0.06], ['none', 0.92]]);
}

function lastContact(today: Day, rng: Rng): IsoDateTime | null {
  if (rng.chance(0.15)) return null;
  return bostonDateTime(today - rng.int(1, 120), rng.int(8 * 60 + 30, 18 * 60 + 30));
}

/** A no-show still being chased is always due now or already late. */
function nextDue(today: Day, noShow: boolean, rng: Rng): IsoDate | null {
  if (noShow) return formatIsoDate(today + rng.int(-10, 2));
  const bucket = rng.weighted([['overdue', 0.2], ['soon', 0.15], ['later', 0.5], ['none', 0.15]] as const);
  if (bucket === 'none') return null;
  const offset = bucket === 'overdue' ? -rng.int(1, 45) : bucket === 'soon' ? rng.int(0, 7) : rng.int(8, 90);
  return formatIsoDate(today + offset);
}

export function buildPatient(ctx: PatientContext, site: TerritorySite, index: number): PatientDraft {
  const { rng, today } = ctx;
  const { plan, homes: facilities } = site;
  const resident = facilities.length > 0 && rng.chance(0.1) ? rng.pick(facilities) : null;
  const town = resident ? findTown(resident.facility.address.city) : rng.weighted(plan.towns.map((t) => [t, t.weight] as const));
  const sex: NameSex = rng.chance(0.56) ? 'female' : 'male';
  const [minAge, maxAge] = rng.weighted(resident ? RESIDENT_AGES : COMMUNITY_AGES);
  const age = rng.int(minAge, maxAge);
  const language = languageIn(town, rng);
  const interpreterNeeded = language === 'en' ? false : rng.chance(language === 'es' ? 0.5 : 0.65);
  const name = ctx.names.personName(language, sex);
  const key = patientKey(index);
  const id = `pat_${key}` as PatientId;

  // Diabetes raises the odds of hypertension, as it does in life.
  const diabetic = rng.chance(0.3);
  const hypertensive = rng.chance(diabetic ? 0.65 : 0.28);
  const noShow = rng.chance(0.06);

  const subject = {
    patientId: id,
    key,
    name,
    sex,
    age,
    language,
    areaCode: town.areaCode,
    facilityPhone: resident ? resident.facility.phone : null,
    specialist: site.specialist,
  };
  // Drawn in this order, the order of the record's fields before contacts moved out, so the
  // patients stream gives every patient the same values as before.
  const birthDate = birthDateFor(age, today, rng);
  const address = resident ? copyAddress(resident.facility.address) : homeAddress(town, rng);
  const room = resident ? residentRoom(resident.facility.kind, rng) : null;
  const accessNotes = resident ? residentAccessNote(resident, rng) : rng.chance(0.15) ? rng.pick(HOME_ACCESS_NOTES) : null;
  const contactPoints = buildContacts(ctx.contacts, subject);
  const caregivers = buildCaregivers(ctx.contacts, subject);
  const portal = portalStatus(resident !== null, interpreterNeeded, rng);
  const patient: Patient = {
    id,
    territoryId: plan.id as TerritoryId,
    mrn: `MRN${1_000_000 + ((index * 7919 + ctx.mrnOffset) % 9_000_000)}`,
    givenName: name.given,
    familyName: name.family,
    birthDate,
    sex,
    language,
    interpreterNeeded,
    address,
    facilityId: resident ? (resident.facility.id as FacilityId) : null,
    room,
    accessNotes,
    bestTimeToCall: bestTimeToCall(ctx.prefsRng, { age, resident: resident !== null }),
    portal,
    portalSteps: portalStepsFor(portal, ctx.prefsRng),
    rpm: rpmStatus(resident === null && (diabetic || hypertensive), rng),
    lastContactAt: lastContact(today, rng),
    nextDueDate: nextDue(today, noShow, rng),
    noShowFollowUp: noShow,
  };
  return { patient, contactPoints, caregivers, specialist: site.specialist, index, age, sex, resident, hypertensive, diabetic };
}
