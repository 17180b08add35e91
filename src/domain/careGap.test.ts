import { describe, expect, it } from 'vitest';
import { careGapProblem, type CareGapStatus } from './careGap';

describe('careGapProblem: an excluded gap needs its reason', () => {
  it.each<[CareGapStatus, string | null | undefined, string | null]>([
    ['excluded', null, 'exclusion_reason_missing'],
    ['excluded', undefined, 'exclusion_reason_missing'],
    ['excluded', '  ', 'exclusion_reason_missing'],
    ['excluded', 'Hospice enrollment', null],
    ['open', null, null],
    ['closed', null, null],
  ])('%s with reason %j -> %s', (status, exclusionReason, problem) => {
    expect(careGapProblem({ status, exclusionReason })).toBe(problem);
  });
});
