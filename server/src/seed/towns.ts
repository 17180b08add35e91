/**
 * The places the demo organisation serves: three Greater Boston territories, their towns and
 * neighbourhoods with approximate centres, real ZIP codes, real street names and a rough
 * language mix. Coordinates are approximate; centres sit a little inland of the coast and the
 * scatter radius is kept small where water is close, so scattered homes rarely land at sea.
 */
import type { LatLng } from '../../../src/domain/ids';
import type { Rng } from './random';

/** Preferred languages other than English and Spanish that the demo represents. */
export type OtherLanguage = 'pt' | 'ht' | 'vi' | 'zh';

export interface Town {
  /** City as written on a postal address (USPS accepts Boston neighbourhood names). */
  readonly name: string;
  readonly zips: readonly string[];
  readonly center: LatLng;
  readonly radiusKm: number;
  /** Relative share of the territory's patients living here. */
  readonly weight: number;
  /** Landline area code; mobiles also use its overlay (617/857, 781/339). */
  readonly areaCode: '617' | '781';
  /** Share of patients preferring Spanish. */
  readonly spanish: number;
  /** Shares of patients preferring other non-English languages. */
  readonly other: readonly (readonly [OtherLanguage, number])[];
  readonly streets: readonly string[];
}

export type TerritoryKey = 'north' | 'central' | 'southwest';

export interface TerritoryPlan {
  readonly key: TerritoryKey;
  readonly id: string;
  readonly name: string;
  readonly towns: readonly Town[];
}

const town = (t: Omit<Town, 'center'> & { lat: number; lng: number }): Town => {
  const { lat, lng, ...rest } = t;
  return { ...rest, center: { lat, lng } };
};

const NORTH_SHORE: readonly Town[] = [
  town({ name: 'Lynn', zips: ['01901', '01902', '01904', '01905'], lat: 42.4735, lng: -70.962, radiusKm: 1.8, weight: 3, areaCode: '781', spanish: 0.4, other: [['pt', 0.01]],
    streets: ['Union St', 'Western Ave', 'Boston St', 'Essex St', 'Summer St', 'Chestnut St', 'Broadway', 'Lewis St'] }),
  town({ name: 'Revere', zips: ['02151'], lat: 42.4145, lng: -71.016, radiusKm: 1.5, weight: 2, areaCode: '781', spanish: 0.35, other: [['pt', 0.03]],
    streets: ['Broadway', 'Shirley Ave', 'Park Ave', 'Washington Ave', 'Beach St', 'Malden St', 'Proctor Ave'] }),
  town({ name: 'Chelsea', zips: ['02150'], lat: 42.3925, lng: -71.034, radiusKm: 1.0, weight: 2, areaCode: '617', spanish: 0.6, other: [],
    streets: ['Broadway', 'Washington Ave', 'Hawthorn St', 'Park St', 'Spruce St', 'Chestnut St', 'Shurtleff St', 'Bellingham St'] }),
  town({ name: 'Everett', zips: ['02149'], lat: 42.408, lng: -71.054, radiusKm: 1.3, weight: 2, areaCode: '617', spanish: 0.3, other: [['ht', 0.06], ['pt', 0.06]],
    streets: ['Broadway', 'Ferry St', 'Main St', 'Chelsea St', 'Elm St', 'Hancock St', 'Vine St'] }),
  town({ name: 'Malden', zips: ['02148'], lat: 42.4265, lng: -71.0662, radiusKm: 1.8, weight: 2, areaCode: '781', spanish: 0.12, other: [['ht', 0.05], ['zh', 0.08], ['vi', 0.02]],
    streets: ['Main St', 'Pleasant St', 'Salem St', 'Highland Ave', 'Eastern Ave', 'Ferry St', 'Maple St'] }),
  town({ name: 'Medford', zips: ['02155'], lat: 42.418, lng: -71.106, radiusKm: 2.0, weight: 1, areaCode: '781', spanish: 0.08, other: [['ht', 0.03], ['pt', 0.02]],
    streets: ['Main St', 'Salem St', 'High St', 'Fulton St', 'Boston Ave', 'Riverside Ave', 'Winthrop St'] }),
  town({ name: 'Saugus', zips: ['01906'], lat: 42.4646, lng: -71.01, radiusKm: 2.2, weight: 1, areaCode: '781', spanish: 0.06, other: [],
    streets: ['Central St', 'Lincoln Ave', 'Essex St', 'Main St', 'Winter St', 'Walnut St', 'Hamilton St'] }),
];

const BOSTON_CENTRAL: readonly Town[] = [
  town({ name: 'Dorchester', zips: ['02121', '02122', '02124', '02125'], lat: 42.297, lng: -71.072, radiusKm: 1.8, weight: 3, areaCode: '617', spanish: 0.28, other: [['vi', 0.07], ['ht', 0.04], ['pt', 0.04]],
    streets: ['Dorchester Ave', 'Adams St', 'Bowdoin St', 'Columbia Rd', 'Talbot Ave', 'Washington St', 'Neponset Ave', 'Geneva Ave'] }),
  town({ name: 'Roxbury', zips: ['02119', '02120'], lat: 42.315, lng: -71.088, radiusKm: 1.3, weight: 2, areaCode: '617', spanish: 0.35, other: [['pt', 0.02]],
    streets: ['Blue Hill Ave', 'Warren St', 'Dudley St', 'Washington St', 'Columbus Ave', 'Humboldt Ave', 'Walnut Ave'] }),
  town({ name: 'East Boston', zips: ['02128'], lat: 42.3755, lng: -71.035, radiusKm: 1.0, weight: 2, areaCode: '617', spanish: 0.58, other: [],
    streets: ['Meridian St', 'Bennington St', 'Saratoga St', 'Border St', 'Chelsea St', 'Maverick St', 'Princeton St'] }),
  town({ name: 'Jamaica Plain', zips: ['02130'], lat: 42.31, lng: -71.113, radiusKm: 1.4, weight: 2, areaCode: '617', spanish: 0.35, other: [],
    streets: ['Centre St', 'South St', 'Washington St', 'Green St', 'Lamartine St', 'Boylston St', 'Forest Hills St'] }),
  town({ name: 'South Boston', zips: ['02127'], lat: 42.334, lng: -71.045, radiusKm: 1.0, weight: 1, areaCode: '617', spanish: 0.1, other: [],
    streets: ['East Broadway', 'West Broadway', 'Dorchester St', 'L St', 'Old Colony Ave', 'East 8th St', 'K St'] }),
  town({ name: 'Mattapan', zips: ['02126'], lat: 42.272, lng: -71.089, radiusKm: 1.2, weight: 2, areaCode: '617', spanish: 0.1, other: [['ht', 0.15]],
    streets: ['Blue Hill Ave', 'River St', 'Cummins Hwy', 'Morton St', 'Norfolk St', 'Babson St', 'Oakland St'] }),
  town({ name: 'Charlestown', zips: ['02129'], lat: 42.378, lng: -71.062, radiusKm: 0.7, weight: 1, areaCode: '617', spanish: 0.15, other: [],
    streets: ['Bunker Hill St', 'Main St', 'Medford St', 'Warren St', 'Monument Ave', 'Elm St', 'High St'] }),
];

const SOUTH_AND_WEST: readonly Town[] = [
  town({ name: 'Quincy', zips: ['02169', '02170', '02171'], lat: 42.249, lng: -71.016, radiusKm: 1.6, weight: 3, areaCode: '617', spanish: 0.12, other: [['zh', 0.12], ['vi', 0.05]],
    streets: ['Hancock St', 'Washington St', 'Beale St', 'Sea St', 'Copeland St', 'Newport Ave', 'Adams St', 'Water St'] }),
  town({ name: 'Milton', zips: ['02186'], lat: 42.25, lng: -71.07, radiusKm: 2.2, weight: 1, areaCode: '617', spanish: 0.06, other: [['ht', 0.04]],
    streets: ['Adams St', 'Canton Ave', 'Brook Rd', 'Randolph Ave', 'Blue Hill Ave', 'Central Ave', 'Reedsdale Rd'] }),
  town({ name: 'Dedham', zips: ['02026'], lat: 42.245, lng: -71.17, radiusKm: 2.2, weight: 1, areaCode: '781', spanish: 0.18, other: [],
    streets: ['Washington St', 'High St', 'East St', 'Bussey St', 'Sprague St', 'Common St', 'Whiting Ave'] }),
  town({ name: 'Newton', zips: ['02458', '02459', '02460', '02461', '02465'], lat: 42.337, lng: -71.209, radiusKm: 2.8, weight: 2, areaCode: '617', spanish: 0.1, other: [['zh', 0.04]],
    streets: ['Washington St', 'Commonwealth Ave', 'Beacon St', 'Walnut St', 'Centre St', 'Watertown St', 'Chestnut St'] }),
  town({ name: 'Waltham', zips: ['02451', '02453'], lat: 42.376, lng: -71.236, radiusKm: 2.5, weight: 2, areaCode: '781', spanish: 0.4, other: [['pt', 0.02]],
    streets: ['Main St', 'Moody St', 'Lexington St', 'Prospect St', 'Crescent St', 'Beaver St', 'Trapelo Rd'] }),
  town({ name: 'Brookline', zips: ['02445', '02446'], lat: 42.3318, lng: -71.1212, radiusKm: 1.4, weight: 1, areaCode: '617', spanish: 0.12, other: [['zh', 0.05]],
    streets: ['Beacon St', 'Harvard St', 'Washington St', 'Boylston St', 'Cypress St', 'Longwood Ave', 'Winchester St'] }),
  town({ name: 'Braintree', zips: ['02184'], lat: 42.21, lng: -71.0, radiusKm: 2.2, weight: 1, areaCode: '781', spanish: 0.1, other: [['zh', 0.02]],
    streets: ['Washington St', 'Pond St', 'Union St', 'Quincy Ave', 'Elm St', 'Liberty St', 'Middle St'] }),
];

/** In the order a caller's `patientsPerTerritory` refers to them. */
export const TERRITORY_PLANS: readonly TerritoryPlan[] = [
  { key: 'north', id: 'ter_north', name: 'North Shore', towns: NORTH_SHORE },
  { key: 'central', id: 'ter_central', name: 'Boston Central', towns: BOSTON_CENTRAL },
  { key: 'southwest', id: 'ter_southwest', name: 'South & West', towns: SOUTH_AND_WEST },
];

export function findTown(name: string): Town {
  for (const plan of TERRITORY_PLANS) {
    const found = plan.towns.find((t) => t.name === name);
    if (found) return found;
  }
  throw new RangeError(`unknown town: ${name}`);
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LNG_AT_EQUATOR = 111.32;

/** A point uniformly spread over the town's disc (sqrt keeps the density even, not centred). */
export function scatterAround(t: Town, rng: Rng): LatLng {
  const r = t.radiusKm * Math.sqrt(rng.next());
  const theta = 2 * Math.PI * rng.next();
  const dLat = (r * Math.sin(theta)) / KM_PER_DEGREE_LAT;
  const dLng = (r * Math.cos(theta)) / (KM_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((t.center.lat * Math.PI) / 180));
  // Five decimals is about a metre: plenty for routing, and keeps the JSON compact.
  const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
  return { lat: round5(t.center.lat + dLat), lng: round5(t.center.lng + dLng) };
}
