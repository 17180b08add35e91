/**
 * How long a visit takes on site, from what the visit is for and who the patient is. A visit can
 * be several kinds at once (a first visit to a care-home resident who also needs a device set
 * up); the longest applicable kind sets the minutes, since its work bounds the visit. Pure data
 * and rules; the day planner (src/routing/dayProblem.ts) uses the minutes as service times.
 *
 * What the records say, and what they do not:
 * - first visit: nobody has reached the patient yet (`lastContactAt` is null);
 * - health risk assessment due: an open annual wellness visit care gap (AWV). The HRA is part
 *   of that visit. Completed HRA questionnaire responses are not part of the territory the
 *   Today screen reads, so a recent HRA does not clear it; the care gap closing does;
 * - device setup or training: the patient agreed to remote monitoring but it is not running
 *   yet (`rpm: 'offered'`), or a device is set up and the patient still has to be taught
 *   (stage 'set_up'). Device records are optional here because the Today screen's territory
 *   does not carry them; the patient's programme status is always there. There are no orders.
 */
import type { CareGap } from './careGap';
import type { Minutes } from './ids';
import type { Patient } from './patient';
import type { RpmDevice } from './supportSystem';

export const VISIT_KINDS = ['follow_up', 'care_home', 'first_visit', 'hra', 'device_setup'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

const m = (n: number) => n as Minutes;

/**
 * Minutes on site per kind of visit. Defaults a team can tune: a home follow-up includes
 * settling in; a care-home resident is seen on the ward; a first visit adds introductions and
 * consent; the HRA is a long questionnaire; a device is unpacked, paired and taught.
 */
export const VISIT_MINUTES: Readonly<Record<VisitKind, Minutes>> = {
  follow_up: m(45),
  care_home: m(30),
  first_visit: m(60),
  hra: m(60),
  device_setup: m(75),
};

/** Bounds of a visit length a person may set by hand: whole minutes, five minutes to four hours. */
export const VISIT_MINUTES_RANGE = { min: m(5), max: m(240) } as const;

export function validVisitMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= VISIT_MINUTES_RANGE.min && minutes <= VISIT_MINUTES_RANGE.max;
}

export interface VisitFacts {
  readonly patient: Pick<Patient, 'id' | 'lastContactAt' | 'rpm' | 'facilityId'>;
  /** Care gaps of the territory (or of this patient); others' gaps are ignored. */
  readonly careGaps: readonly Pick<CareGap, 'patientId' | 'measure' | 'status'>[];
  /** Monitoring devices, when the caller has them; others' devices are ignored. */
  readonly rpmDevices?: readonly Pick<RpmDevice, 'patientId' | 'stage'>[];
}

export interface VisitLength {
  /** The kind whose minutes were taken (the longest applicable). */
  readonly kind: VisitKind;
  readonly minutes: Minutes;
  /** Every kind that applies, the base kind (follow-up or care home) first. */
  readonly kinds: readonly VisitKind[];
}

/** Every kind of visit that applies, the base kind first. */
export function visitKindsOf(facts: VisitFacts): VisitKind[] {
  const p = facts.patient;
  const kinds: VisitKind[] = [p.facilityId ? 'care_home' : 'follow_up'];
  if (p.lastContactAt === null) kinds.push('first_visit');
  if (facts.careGaps.some((g) => g.patientId === p.id && g.measure === 'AWV' && g.status === 'open')) kinds.push('hra');
  const teachDevice = (facts.rpmDevices ?? []).some((d) => d.patientId === p.id && d.stage === 'set_up');
  if (p.rpm === 'offered' || teachDevice) kinds.push('device_setup');
  return kinds;
}

/** The visit's length: the longest applicable kind wins (ties go to the kind listed first). */
export function visitLengthOf(facts: VisitFacts): VisitLength {
  const kinds = visitKindsOf(facts);
  const kind = kinds.reduce((best, k) => (VISIT_MINUTES[k] > VISIT_MINUTES[best] ? k : best));
  return { kind, minutes: VISIT_MINUTES[kind], kinds };
}
