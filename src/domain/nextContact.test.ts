import { describe, expect, it } from 'vitest';
import type { FacilityId, IsoDate } from './ids';
import { defaultNextContact, programmeOf } from './nextContact';

const community = { facilityId: null, rpm: 'none' } as const;
const monitored = { facilityId: null, rpm: 'active' } as const;
const resident = { facilityId: 'fac_1' as FacilityId, rpm: 'none' } as const;
const CONTACT = '2026-12-02' as IsoDate;

describe('next contact due by outcome and programme', () => {
  it.each([
    [community, 'care_management'],
    [monitored, 'remote_monitoring'],
    [resident, 'long_term_care'],
    [{ facilityId: 'fac_1' as FacilityId, rpm: 'active' } as const, 'long_term_care'],
  ] as const)('programme of %o is %s', (patient, programme) => {
    expect(programmeOf(patient)).toBe(programme);
  });

  it.each([
    ['reached', community, '2027-01-01'],
    ['reached', monitored, '2026-12-16'],
    ['reached', resident, '2027-01-31'],
    ['not_home', community, '2026-12-04'],
    ['no_answer', monitored, '2026-12-04'],
    ['wrong_number', community, '2026-12-09'],
    ['refused', community, '2027-03-02'],
    ['hospitalised', resident, '2026-12-09'],
    ['other', community, '2026-12-09'],
    ['moved', community, null],
    ['deceased', community, null],
    [null, community, null],
  ] as const)('%s for %o: %s', (outcome, patient, expected) => {
    expect(defaultNextContact(outcome, patient, CONTACT)).toBe(expected);
  });
});
