/**
 * Quality-measure care gaps, one record per measure a patient is eligible for, following the
 * HEDIS denominators closely enough to convince a quality nurse: BCS women 50-74, COL 50-75,
 * CBP hypertensives up to 85, HBD and EED together for diabetics up to 75, FLU for about 30%,
 * AWV for about a quarter of the 65+. Open and scheduled gaps carry a due date inside the
 * measurement year (the calendar year of `today`); closed gaps carry the evidence that closed
 * them and a closedAt before today; excluded gaps say why.
 */
import type { CareGap, CareGapMeasure, CareGapStatus } from '../../../src/domain/careGap';
import type { CareGapId, IsoDate } from '../../../src/domain/ids';
import type { Day } from './calendar';
import { bostonDateTime, dayOf, formatIsoDate, toWeekday, yearOf } from './calendar';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';
import type { Rng } from './random';

export interface GapDraft {
  readonly gap: CareGap;
  /**
   * The day of the visit behind the gap's status, when there is one: upcoming for a scheduled
   * gap (an appointment must exist), recent for a closure that a completed appointment explains.
   */
  readonly visitDay: Day | null;
}

export interface GapContext {
  readonly rng: Rng;
  readonly today: Day;
}

/** HEDIS removes these measures for people 66+ living in long-term institutional care. */
const INSTITUTIONAL_EXCLUSION: ReadonlySet<CareGapMeasure> = new Set(['BCS', 'COL', 'CBP', 'HBD', 'EED']);

const MEASURE_EXCLUSIONS: Record<CareGapMeasure, readonly string[]> = {
  BCS: ['Exclusion: bilateral mastectomy (history)'],
  COL: ['Exclusion: total colectomy (history)', 'Exclusion: colorectal cancer (history)'],
  CBP: ['Exclusion: ESRD on dialysis'],
  HBD: [],
  EED: [],
  FLU: ['Exclusion: documented anaphylaxis to influenza vaccine'],
  AWV: [],
};

function eligibleMeasures(d: PatientDraft, rng: Rng): CareGapMeasure[] {
  const m: CareGapMeasure[] = [];
  if (d.sex === 'female' && d.age >= 50 && d.age <= 74) m.push('BCS');
  if (d.age >= 50 && d.age <= 75) m.push('COL');
  if (d.hypertensive && d.age <= 85) m.push('CBP');
  if (d.diabetic && d.age <= 75) m.push('HBD', 'EED');
  if (rng.chance(0.3)) m.push('FLU');
  if (d.age >= 65 && rng.chance(0.25)) m.push('AWV');
  return m;
}

interface Window {
  readonly from: Day;
  readonly to: Day;
}

/**
 * Service dates for this year's measures: since 1 January (at most ~11 months), before today.
 * On 1 January nothing has happened yet in the new measurement year.
 */
function measurementWindow(today: Day): Window | null {
  const from = Math.max(dayOf(yearOf(today), 1, 1), today - 330);
  return from <= today - 1 ? { from, to: today - 1 } : null;
}

/**
 * Gaps reopen on 1 January and close as the year goes on, so the share already closed grows
 * with the time elapsed (flu shots with the season instead).
 */
function closedShare(measure: CareGapMeasure, today: Day): number {
  const window = measure === 'FLU' ? fluWindow(today) : measurementWindow(today);
  if (!window) return 0;
  const elapsed = window.to - window.from + 1;
  return 0.32 * Math.min(1, (elapsed + 15) / (measure === 'FLU' ? 75 : 240));
}

/** Flu shots count from 1 September of the current season to the end of March. */
function fluWindow(today: Day): Window | null {
  const year = yearOf(today);
  const seasonStart = today >= dayOf(year, 9, 1) ? dayOf(year, 9, 1) : dayOf(year - 1, 9, 1);
  const to = Math.min(today - 1, seasonStart + 211);
  return seasonStart <= to ? { from: seasonStart, to } : null;
}

/** A weekday inside the window if the window has one. */
function serviceDayIn(w: Window, rng: Rng): Day {
  const day = rng.int(w.from, w.to);
  const back = toWeekday(day, 'backward');
  if (back >= w.from) return back;
  const forward = toWeekday(day, 'forward');
  return forward <= w.to ? forward : day;
}

interface Closure {
  readonly serviceDay: Day;
  readonly evidence: string;
  /** Whether the service was a visit someone booked (a stool kit mailed home is not). */
  readonly visit: boolean;
}

function closure(measure: CareGapMeasure, today: Day, rng: Rng): Closure | null {
  const iso = (d: Day): IsoDate => formatIsoDate(d);
  if (measure === 'FLU') {
    const fw = fluWindow(today);
    if (!fw) return null;
    const day = serviceDayIn(fw, rng);
    return { serviceDay: day, visit: true, evidence: `Influenza vaccine ${iso(day)} (${rng.pick(['pharmacy claim', 'MIIS immunization record', 'administered in clinic'])})` };
  }
  const w = measurementWindow(today);
  if (!w) return null;
  switch (measure) {
    case 'BCS': {
      const day = serviceDayIn(w, rng);
      return { serviceDay: day, visit: true, evidence: `Screening mammogram ${iso(day)}, BI-RADS ${rng.pick([1, 2])} (report on file)` };
    }
    case 'COL': {
      const method = rng.weighted([['colonoscopy', 0.5], ['fit', 0.35], ['fitDna', 0.15]] as const);
      if (method === 'colonoscopy') {
        // A colonoscopy counts for ten years, so the report found this year may be old.
        const day = rng.chance(0.2) ? serviceDayIn(w, rng) : toWeekday(today - rng.int(330, 9 * 365), 'backward');
        return { serviceDay: day, visit: true, evidence: `Colonoscopy ${iso(day)} (report on file)` };
      }
      if (method === 'fit') {
        const day = serviceDayIn(w, rng);
        return { serviceDay: day, visit: false, evidence: `FIT ${iso(day)}, negative (lab result)` };
      }
      const day = toWeekday(today - rng.int(30, 3 * 365 - 30), 'backward');
      return { serviceDay: day, visit: false, evidence: `FIT-DNA ${iso(day)}, negative (lab result)` };
    }
    case 'CBP': {
      const day = serviceDayIn(w, rng);
      return { serviceDay: day, visit: true, evidence: `BP ${rng.int(112, 138)}/${rng.int(64, 88)} on ${iso(day)} (most recent office reading)` };
    }
    case 'HBD': {
      const day = serviceDayIn(w, rng);
      const a1c = (rng.int(58, 79) / 10).toFixed(1);
      return { serviceDay: day, visit: true, evidence: `HbA1c ${a1c}% on ${iso(day)} (lab result)` };
    }
    case 'EED': {
      const day = serviceDayIn(w, rng);
      return { serviceDay: day, visit: true, evidence: `Retinal eye exam ${iso(day)}, no retinopathy (eye care professional)` };
    }
    case 'AWV': {
      const day = serviceDayIn(w, rng);
      return { serviceDay: day, visit: true, evidence: `Annual wellness visit ${iso(day)} (G0439)` };
    }
  }
  return null;
}

function gapId(d: PatientDraft, measure: CareGapMeasure): CareGapId {
  return `gap_${patientKey(d.index)}_${measure.toLowerCase()}` as CareGapId;
}

/**
 * Gaps for one patient. At most one gap per patient is `scheduled`, which keeps each patient to
 * at most one booked screening appointment besides any missed one.
 */
export function buildCareGaps(ctx: GapContext, d: PatientDraft): GapDraft[] {
  const { rng, today } = ctx;
  const yearEnd = dayOf(yearOf(today), 12, 31);
  const measures = eligibleMeasures(d, rng);
  const hospice = rng.chance(0.015);
  const institutional = d.resident !== null && d.resident.facility.kind !== 'hospital' && d.age >= 66;
  // Frailty removes both diabetes measures together, never just one.
  const frail = d.diabetic && d.age >= 66 && rng.chance(0.05);
  let scheduledTaken = false;

  const dueDate = (): IsoDate =>
    formatIsoDate(rng.chance(0.3) ? Math.min(yearEnd, today + rng.int(14, 90)) : yearEnd);
  const make = (measure: CareGapMeasure, status: CareGapStatus, rest: Partial<CareGap>, visitDay: Day | null = null): GapDraft => ({
    gap: { id: gapId(d, measure), patientId: d.patient.id, measure, status, dueDate: null, closedAt: null, evidence: null, exclusionReason: status === 'excluded' ? (rest.evidence ?? null) : null, ...rest },
    visitDay,
  });

  return measures.map((measure) => {
    if (hospice) return make(measure, 'excluded', { evidence: 'Exclusion: hospice enrollment' });
    if (institutional && INSTITUTIONAL_EXCLUSION.has(measure) && rng.chance(0.7)) {
      return make(measure, 'excluded', { evidence: 'Exclusion: long-term institutional residence, age 66+' });
    }
    if (frail && (measure === 'HBD' || measure === 'EED')) {
      return make(measure, 'excluded', { evidence: 'Exclusion: advanced illness and frailty' });
    }
    const specific = MEASURE_EXCLUSIONS[measure];
    const status = rng.weighted<CareGapStatus>([
      ['open', 0.56],
      ['closed', closedShare(measure, today)],
      ['scheduled', scheduledTaken ? 0 : 0.02],
      ['excluded', specific.length > 0 ? 0.03 : 0],
    ]);
    if (status === 'excluded') return make(measure, 'excluded', { evidence: rng.pick(specific) });
    if (status === 'scheduled') {
      scheduledTaken = true;
      const horizon = Math.max(1, Math.min(28, yearEnd - today));
      // The booked visit falls before the year-end due date whenever the calendar allows.
      return make(measure, 'scheduled', { dueDate: formatIsoDate(yearEnd) }, toWeekday(today + rng.int(1, horizon), 'forward'));
    }
    const closed = status === 'closed' ? closure(measure, today, rng) : null;
    if (!closed) return make(measure, 'open', { dueDate: dueDate() });
    // Results reach the chart a few days after the service, and always before today.
    const w = measurementWindow(today) ?? { from: today - 1, to: today - 1 };
    const closedDay = closed.serviceDay >= w.from ? Math.min(w.to, closed.serviceDay + rng.int(0, 10)) : rng.int(w.from, w.to);
    const recentVisit = closed.visit && closed.serviceDay >= today - 14 ? closed.serviceDay : null;
    return make(
      measure,
      'closed',
      { closedAt: bostonDateTime(closedDay, rng.int(8 * 60, 18 * 60)), evidence: closed.evidence },
      recentVisit,
    );
  });
}
