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
}

/** Open and scheduled gaps still count against the measure until closed or excluded. */
export function isGapOutstanding(g: Pick<CareGap, 'status'>): boolean {
  return g.status === 'open' || g.status === 'scheduled';
}
