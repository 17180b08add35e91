/**
 * When the next contact is due, by what happened at this one. A reached patient is next seen
 * on their programme's cadence; an attempt that found nobody is retried soon; a refusal waits
 * longer; a patient who moved or died gets no next contact (the office decides). The note
 * carries the date (prefilled with this default, editable) and signing writes it onto the
 * patient, where the roster and Today read "due" and "overdue". Pure: dates are arguments.
 */
import type { Outcome } from './contactNote';
import type { IsoDate } from './ids';
import type { Patient } from './patient';
import { addDays } from './withinReason';

/** What the patient is followed for, derived from their record. */
export type Programme = 'care_management' | 'remote_monitoring' | 'long_term_care';

/** Days between reached contacts, per programme. */
export const PROGRAMME_CADENCE_DAYS: Readonly<Record<Programme, number>> = {
  // Monthly contact is the usual rhythm of chronic care management.
  care_management: 30,
  // Readings and devices need a closer eye; a fortnightly check catches a silent cuff.
  remote_monitoring: 14,
  // Residents are seen daily by facility staff; the specialist checks in every two months.
  long_term_care: 60,
};

/**
 * Days until the next attempt, per outcome: 'cadence' follows the programme, null means no
 * next contact is due.
 */
export const NEXT_CONTACT_DAYS: Readonly<Record<Outcome, number | 'cadence' | null>> = {
  reached: 'cadence',
  not_home: 2,
  no_answer: 2,
  // A number to find first: through the care team, a caregiver or a visit.
  wrong_number: 7,
  // Respect the refusal; ask again next quarter.
  refused: 90,
  // Check in after discharge.
  hospitalised: 7,
  moved: null,
  deceased: null,
  other: 7,
};

export function programmeOf(patient: Pick<Patient, 'facilityId' | 'rpm'>): Programme {
  if (patient.facilityId !== null) return 'long_term_care';
  return patient.rpm === 'active' ? 'remote_monitoring' : 'care_management';
}

/** The default next contact for a note with `outcome` made on `contactDate` (local day). */
export function defaultNextContact(
  outcome: Outcome | null,
  patient: Pick<Patient, 'facilityId' | 'rpm'>,
  contactDate: IsoDate,
): IsoDate | null {
  if (outcome === null) return null;
  const days = NEXT_CONTACT_DAYS[outcome];
  if (days === null) return null;
  return addDays(contactDate, days === 'cadence' ? PROGRAMME_CADENCE_DAYS[programmeOf(patient)] : days);
}
