/**
 * Appointments with providers, all within two weeks before to thirty days after `today`, on
 * weekdays in clinic hours. They are derived from the patient's other facts so the record
 * reads consistently: every scheduled care gap has its upcoming visit, every patient flagged
 * for no-show follow-up has the missed visit from the last two weeks, and a gap closed by a
 * recent visit shows that visit as completed. Each patient with appointments has one or two.
 */
import type { Appointment, AppointmentMode, AppointmentStatus } from '../../../src/domain/appointment';
import type { CareGapMeasure } from '../../../src/domain/careGap';
import type { AppointmentId } from '../../../src/domain/ids';
import type { Day } from './calendar';
import { bostonDateTime, toWeekday } from './calendar';
import type { GapDraft } from './careGaps';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';
import type { Rng } from './random';

export interface AppointmentContext {
  readonly rng: Rng;
  readonly today: Day;
}

interface Visit {
  /** `null` means the patient's own primary care provider. */
  readonly provider: string | null;
  readonly reason: string;
  /** Share of these visits held by video or phone. */
  readonly telehealth: number;
}

/** Each patient keeps one PCP; the index decides which, so all their visits agree. */
const PRIMARY_CARE: readonly string[] = [
  'Dr. Elena Vasquez, Internal Medicine',
  'Dr. Michael Chen, Family Medicine',
  'Dr. Rachel Goldberg, Geriatrics',
  'Dr. Kwame Asante, Internal Medicine',
  'Dr. Siobhan Doherty, Family Medicine',
  'Dr. Luis Ortega, Internal Medicine',
];

const MEASURE_VISITS: Record<CareGapMeasure, readonly Visit[]> = {
  BCS: [{ provider: 'Harborside Imaging Center', reason: 'Screening mammogram', telehealth: 0 }],
  COL: [
    { provider: 'Dr. Samuel Okafor, Gastroenterology', reason: 'Screening colonoscopy', telehealth: 0 },
    { provider: 'Dr. Samuel Okafor, Gastroenterology', reason: 'Pre-colonoscopy consult', telehealth: 0.5 },
  ],
  CBP: [
    { provider: null, reason: 'Blood pressure follow-up', telehealth: 0.2 },
    { provider: 'Dr. Priya Raman, Cardiology', reason: 'Hypertension follow-up', telehealth: 0.3 },
  ],
  HBD: [
    { provider: 'Harbor Community Health Lab', reason: 'HbA1c lab draw', telehealth: 0 },
    { provider: null, reason: 'Diabetes follow-up', telehealth: 0.3 },
  ],
  EED: [
    { provider: 'Boston Eye Associates', reason: 'Diabetic eye exam', telehealth: 0 },
    { provider: 'Fenway Retina Group', reason: 'Diabetic retinal exam', telehealth: 0 },
  ],
  FLU: [{ provider: 'Harbor Community Health Immunization Clinic', reason: 'Flu vaccine', telehealth: 0 }],
  AWV: [{ provider: null, reason: 'Annual wellness visit', telehealth: 0.25 }],
};

const OTHER_VISITS: readonly Visit[] = [
  { provider: 'Dr. Priya Raman, Cardiology', reason: 'Cardiology follow-up', telehealth: 0.3 },
  { provider: null, reason: 'Post-discharge follow-up', telehealth: 0.3 },
  { provider: null, reason: 'Medication review', telehealth: 0.5 },
  { provider: 'Dr. Lucia Ferreira, Endocrinology', reason: 'Endocrinology consult', telehealth: 0.25 },
  { provider: 'Dr. Aisha Mensah, Nephrology', reason: 'Chronic kidney disease follow-up', telehealth: 0.2 },
  { provider: 'Dr. Thomas Brennan, Podiatry', reason: 'Routine foot care', telehealth: 0 },
  { provider: 'Greater Boston Audiology', reason: 'Hearing evaluation', telehealth: 0 },
  { provider: 'Dr. Nadia Haddad, Pulmonology', reason: 'COPD follow-up', telehealth: 0.3 },
];

interface Planned {
  readonly day: Day;
  readonly visit: Visit;
  readonly status: AppointmentStatus;
}

/** In-person clinics book 08:00-16:00, telehealth 09:00-17:00, both on quarter hours. */
function startMinute(mode: AppointmentMode, rng: Rng): number {
  return (mode === 'telehealth' ? 9 * 60 : 8 * 60) + 15 * rng.int(0, 32);
}

/** Closer visits have more often been confirmed by the reminder call. */
function upcomingStatus(daysAway: number, rng: Rng): AppointmentStatus {
  return rng.chance(daysAway <= 3 ? 0.7 : 0.25) ? 'confirmed' : 'scheduled';
}

export function buildAppointments(ctx: AppointmentContext, d: PatientDraft, gaps: readonly GapDraft[]): Appointment[] {
  const { rng, today } = ctx;
  const planned: Planned[] = [];
  const visitFor = (measure: CareGapMeasure): Visit => rng.pick(MEASURE_VISITS[measure]);

  if (d.patient.noShowFollowUp) {
    const open = gaps.find((g) => g.gap.status === 'open');
    const visit = open ? visitFor(open.gap.measure) : rng.pick(OTHER_VISITS);
    // At most 12 days back, so the Friday a weekend moves it to is still inside two weeks.
    planned.push({ day: toWeekday(today - rng.int(1, 12), 'backward'), visit, status: 'no_show' });
  }

  const scheduled = gaps.find((g) => g.gap.status === 'scheduled');
  if (scheduled && scheduled.visitDay !== null) {
    const day = scheduled.visitDay;
    planned.push({ day, visit: visitFor(scheduled.gap.measure), status: upcomingStatus(day - today, rng) });
  }

  for (const g of gaps) {
    if (planned.length >= 2) break;
    if (g.gap.status === 'closed' && g.visitDay !== null) {
      planned.push({ day: g.visitDay, visit: visitFor(g.gap.measure), status: 'completed' });
    }
  }

  if (planned.length === 0 && rng.chance(0.015)) {
    const visit = rng.pick(OTHER_VISITS);
    const offset = rng.int(-12, 28);
    if (offset < 0) {
      const day = toWeekday(today + offset, 'backward');
      const cancelled = rng.chance(0.15);
      planned.push({ day, visit, status: cancelled ? 'cancelled' : 'completed' });
      // A cancellation the office already rebooked, so it needs no chasing.
      if (cancelled) {
        const again = toWeekday(today + rng.int(3, 28), 'forward');
        planned.push({ day: again, visit, status: upcomingStatus(again - today, rng) });
      }
    } else {
      const day = toWeekday(today + offset, 'forward');
      planned.push({ day, visit, status: upcomingStatus(day - today, rng) });
    }
  }

  const pcp = PRIMARY_CARE[d.index % PRIMARY_CARE.length] as string;
  const key = patientKey(d.index);
  return planned
    .map((p) => {
      const mode: AppointmentMode = rng.chance(p.visit.telehealth) ? 'telehealth' : 'in_person';
      return {
        patientId: d.patient.id,
        provider: p.visit.provider ?? pcp,
        reason: p.visit.reason,
        mode,
        startsAt: bostonDateTime(p.day, startMinute(mode, rng)),
        status: p.status,
      };
    })
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .map((a, i) => ({ id: `apt_${key}_${i + 1}` as AppointmentId, ...a }));
}
