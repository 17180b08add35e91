/**
 * Quality-measure care gaps (HEDIS-style) and their status. A gap is its own record so that
 * its status can be changed independently of the patient's other fields.
 */
import type { CareGapId, IsoDate, IsoDateTime, PatientId } from './ids';

/** Measure codes follow common HEDIS abbreviations. */
export const CARE_GAP_MEASURES = ['BCS', 'COL', 'CBP', 'HBD', 'EED', 'FLU', 'AWV'] as const;
export type CareGapMeasure = (typeof CARE_GAP_MEASURES)[number];

export const CARE_GAP_STATUSES = ['open', 'scheduled', 'closed', 'excluded'] as const;
export type CareGapStatus = (typeof CARE_GAP_STATUSES)[number];

export interface CareGap {
  readonly id: CareGapId;
  readonly patientId: PatientId;
  readonly measure: CareGapMeasure;
  readonly status: CareGapStatus;
  readonly dueDate: IsoDate | null;
  readonly closedAt: IsoDateTime | null;
  readonly evidence: string | null;
  /**
   * Why the gap does not apply to this patient (e.g. "bilateral mastectomy", "hospice"):
   * required while the gap is excluded, since an exclusion takes it out of the measure.
   * Absent (read as null) on gaps stored before it existed.
   */
  readonly exclusionReason: string | null;
}

export type CareGapProblem = 'exclusion_reason_missing';

/**
 * What keeps a gap from being saved as it is. An excluded gap needs its reason; the device
 * checks it before writing and the server refuses a change that would leave it missing.
 */
export function careGapProblem(g: Pick<CareGap, 'status'> & { readonly exclusionReason?: string | null }): CareGapProblem | null {
  if (g.status === 'excluded' && (g.exclusionReason ?? '').trim() === '') return 'exclusion_reason_missing';
  return null;
}

/** Open and scheduled gaps still count against the measure until closed or excluded. */
export function isGapOutstanding(g: Pick<CareGap, 'status'>): boolean {
  return g.status === 'open' || g.status === 'scheduled';
}
