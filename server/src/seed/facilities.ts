/**
 * The organisation's facilities: five long-term care and assisted living homes spread over the
 * territories (so every territory has residents to visit), and one hospital. Names are
 * invented; streets and ZIP codes are real. Also owns what a resident's record takes from
 * their home: room numbers and the sign-in notes a specialist needs at the door.
 */
import type { Facility, FacilityKind, VisitingHours } from '../../../src/domain/facility';
import type { FacilityId, OrgId } from '../../../src/domain/ids';
import { facilityPhone } from './people';
import type { Rng } from './random';
import type { TerritoryKey } from './towns';
import { findTown } from './towns';

export interface SeedFacility {
  readonly facility: Facility;
  readonly territory: TerritoryKey;
  /** Notes a resident's record may carry; the first is true of every visit. */
  readonly accessNotes: readonly string[];
}

interface FacilityPlan {
  readonly id: string;
  readonly name: string;
  readonly kind: FacilityKind;
  readonly territory: TerritoryKey;
  readonly town: string;
  readonly line1: string;
  readonly zip: string;
  readonly lat: number;
  readonly lng: number;
  readonly accessNotes: readonly string[];
}

const h = (hour: number, minute = 0): number => hour * 60 + minute;
const everyDay = (weekdays: readonly number[], windows: readonly (readonly [number, number])[]): VisitingHours[] =>
  weekdays.flatMap((weekday) => windows.map(([open, close]) => ({ weekday, open, close })));
const MON_FRI = [1, 2, 3, 4, 5];
const SAT_SUN = [6, 0];

/**
 * Nursing homes keep mornings for care and close the floor over lunch; assisted living is
 * closer to a private home; hospitals keep one long afternoon window. Every weekday (0..6) has
 * at least one window, so "when can I visit" always has an answer.
 */
const VISITING_HOURS: Record<FacilityKind, readonly VisitingHours[]> = {
  ltc: [
    ...everyDay(MON_FRI, [[h(10), h(12)], [h(14), h(19)]]),
    ...everyDay(SAT_SUN, [[h(13), h(17)]]),
  ].sort((a, b) => a.weekday - b.weekday || a.open - b.open),
  assisted_living: [
    ...everyDay(MON_FRI, [[h(9), h(20)]]),
    ...everyDay(SAT_SUN, [[h(10), h(18)]]),
  ].sort((a, b) => a.weekday - b.weekday || a.open - b.open),
  hospital: everyDay([0, 1, 2, 3, 4, 5, 6], [[h(11), h(20)]]),
};

const PLANS: readonly FacilityPlan[] = [
  {
    id: 'fac_maple_court', name: 'Maple Court Rehabilitation & Nursing', kind: 'ltc', territory: 'north',
    town: 'Lynn', line1: '85 Chestnut St', zip: '01902', lat: 42.4712, lng: -70.9561,
    accessNotes: ['Sign in at front desk', 'Check in with the charge nurse before the visit', 'Visitor parking behind the building off Lewis St'],
  },
  {
    id: 'fac_highland_terrace', name: 'Highland Terrace Assisted Living', kind: 'assisted_living', territory: 'north',
    town: 'Malden', line1: '410 Highland Ave', zip: '02148', lat: 42.4327, lng: -71.0589,
    accessNotes: ['Sign in at front desk', 'Concierge calls up; resident meets visitors in the library', 'Side door locks at 6 pm; use main entrance'],
  },
  {
    id: 'fac_elmhurst_gardens', name: 'Elmhurst Gardens Nursing & Rehabilitation', kind: 'ltc', territory: 'central',
    town: 'Dorchester', line1: '1290 Adams St', zip: '02124', lat: 42.2781, lng: -71.0687,
    accessNotes: ['Sign in at front desk', 'Memory care on 2nd floor: ask the nurses station for the door code', 'Bring photo ID; visitor badge required'],
  },
  {
    id: 'fac_neponset_harbor', name: 'Neponset Harbor Assisted Living', kind: 'assisted_living', territory: 'southwest',
    town: 'Quincy', line1: '55 Newport Ave', zip: '02171', lat: 42.2742, lng: -71.0241,
    accessNotes: ['Sign in at front desk', 'Resident often in the activity room after lunch', 'Buzz reception; lobby door is locked after 7 pm'],
  },
  {
    id: 'fac_cedar_hill', name: 'Cedar Hill Skilled Nursing & Rehabilitation', kind: 'ltc', territory: 'southwest',
    town: 'Waltham', line1: '820 Lexington St', zip: '02452', lat: 42.3924, lng: -71.2412,
    accessNotes: ['Sign in at front desk', 'Check in with the unit secretary on the resident floor', 'Masks required on the rehab unit'],
  },
  {
    id: 'fac_bayside_hospital', name: 'Bayside Community Hospital', kind: 'hospital', territory: 'central',
    town: 'South Boston', line1: '700 East Broadway', zip: '02127', lat: 42.3353, lng: -71.0331,
    accessNotes: ['Visitor desk in main lobby; ask for the patient by name'],
  },
];

/** Facilities whose territory is in use, plus the hospital, which serves everyone. */
export function buildFacilities(orgId: OrgId, territories: readonly TerritoryKey[]): SeedFacility[] {
  return PLANS.filter((p) => p.kind === 'hospital' || territories.includes(p.territory)).map((p, i) => {
    const town = findTown(p.town);
    return {
      territory: p.territory,
      accessNotes: p.accessNotes,
      facility: {
        id: p.id as FacilityId,
        orgId,
        name: p.name,
        kind: p.kind,
        address: {
          line1: p.line1,
          line2: null,
          city: town.name,
          state: 'MA',
          postalCode: p.zip,
          location: { lat: p.lat, lng: p.lng },
        },
        phone: facilityPhone(town.areaCode, 10 + i * 11),
        visitingHours: VISITING_HOURS[p.kind].map((w) => ({ ...w })),
      },
    };
  });
}

/** Nursing homes number beds within rooms ("214B"); assisted living has apartments ("Apt 307"). */
export function residentRoom(kind: FacilityKind, rng: Rng): string {
  const floor = rng.int(1, 3);
  const room = rng.int(1, 36);
  if (kind === 'assisted_living') return `Apt ${floor}${String(room).padStart(2, '0')}`;
  return `${floor}${String(room).padStart(2, '0')}${rng.pick(['A', 'B'] as const)}`;
}

export function residentAccessNote(f: SeedFacility, rng: Rng): string {
  const [always, ...sometimes] = f.accessNotes;
  if (sometimes.length === 0 || rng.chance(0.5)) return always ?? 'Sign in at front desk';
  return `${always}. ${rng.pick(sometimes)}`;
}
