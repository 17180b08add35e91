/**
 * Long-term care facilities and hospitals where patients reside or stay, with visiting hours
 * that constrain when a specialist may visit.
 */
import type { FacilityId, OrgId } from './ids';
import type { Address } from './patient';

export const FACILITY_KINDS = ['ltc', 'assisted_living', 'hospital'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Minutes since local midnight, 0..1440. */
export type MinuteOfDay = number;

export interface VisitingHours {
  /** 0 = Sunday .. 6 = Saturday, as Date.getDay(). */
  readonly weekday: number;
  readonly open: MinuteOfDay;
  readonly close: MinuteOfDay;
}

export interface Facility {
  readonly id: FacilityId;
  readonly orgId: OrgId;
  readonly name: string;
  readonly kind: FacilityKind;
  readonly address: Address;
  readonly phone: string;
  readonly visitingHours: readonly VisitingHours[];
}

export function visitingHoursOn(f: Pick<Facility, 'visitingHours'>, weekday: number): VisitingHours[] {
  return f.visitingHours.filter((h) => h.weekday === weekday);
}

export function formatMinuteOfDay(m: MinuteOfDay): string {
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}
