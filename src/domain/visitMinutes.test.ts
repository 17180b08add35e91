import { describe, expect, it } from 'vitest';
import { buildGap, buildPatient } from '../../tests/support/builders';
import { asIsoDateTime, type FacilityId } from './ids';
import type { Patient } from './patient';
import type { RpmDevice } from './supportSystem';
import { validVisitMinutes, VISIT_MINUTES, visitLengthOf, type VisitFacts } from './visitMinutes';

const contacted = asIsoDateTime('2026-11-20T15:00:00.000Z');
const facts = (p: Partial<Patient>, over: Partial<VisitFacts> = {}): VisitFacts => ({
  patient: buildPatient('pat_1', { lastContactAt: contacted, rpm: 'none', ...p }),
  careGaps: [],
  ...over,
});
const device = (patientId: string, stage: RpmDevice['stage']) => ({ patientId: patientId as RpmDevice['patientId'], stage });
const resident = { facilityId: 'fac_1' as FacilityId };

describe('visit length: one row per case, longest applicable kind wins', () => {
  const rows: { name: string; facts: VisitFacts; kinds: string[]; kind: string; minutes: number }[] = [
    { name: 'an ordinary home follow-up', facts: facts({}), kinds: ['follow_up'], kind: 'follow_up', minutes: 45 },
    { name: 'a care-home resident', facts: facts(resident), kinds: ['care_home'], kind: 'care_home', minutes: 30 },
    { name: 'never contacted: a first visit', facts: facts({ lastContactAt: null }), kinds: ['follow_up', 'first_visit'], kind: 'first_visit', minutes: 60 },
    {
      name: 'open annual wellness gap: HRA due',
      facts: facts({}, { careGaps: [buildGap('g1', 'pat_1', { measure: 'AWV' })] }),
      kinds: ['follow_up', 'hra'],
      kind: 'hra',
      minutes: 60,
    },
    { name: 'a closed AWV gap or another measure is no HRA', facts: facts({}, { careGaps: [buildGap('g1', 'pat_1', { measure: 'AWV', status: 'closed' }), buildGap('g2', 'pat_1')] }), kinds: ['follow_up'], kind: 'follow_up', minutes: 45 },
    { name: "another patient's gap does not count", facts: facts({}, { careGaps: [buildGap('g1', 'pat_9', { measure: 'AWV' })] }), kinds: ['follow_up'], kind: 'follow_up', minutes: 45 },
    { name: 'monitoring offered, not running: device setup', facts: facts({ rpm: 'offered' }), kinds: ['follow_up', 'device_setup'], kind: 'device_setup', minutes: 75 },
    { name: 'a device set up but not taught: training', facts: facts({ rpm: 'active' }, { rpmDevices: [device('pat_1', 'set_up')] }), kinds: ['follow_up', 'device_setup'], kind: 'device_setup', minutes: 75 },
    { name: 'devices transmitting need nothing', facts: facts({ rpm: 'active' }, { rpmDevices: [device('pat_1', 'transmitting'), device('pat_9', 'set_up')] }), kinds: ['follow_up'], kind: 'follow_up', minutes: 45 },
    {
      name: 'a resident never contacted, with HRA and device: the device setup is longest',
      facts: facts({ ...resident, lastContactAt: null, rpm: 'offered' }, { careGaps: [buildGap('g1', 'pat_1', { measure: 'AWV' })] }),
      kinds: ['care_home', 'first_visit', 'hra', 'device_setup'],
      kind: 'device_setup',
      minutes: 75,
    },
    {
      name: 'first visit and HRA tie: the first listed wins',
      facts: facts({ lastContactAt: null }, { careGaps: [buildGap('g1', 'pat_1', { measure: 'AWV' })] }),
      kinds: ['follow_up', 'first_visit', 'hra'],
      kind: 'first_visit',
      minutes: 60,
    },
  ];
  it.each(rows)('$name', ({ facts: given, kinds, kind, minutes }) => {
    expect(visitLengthOf(given)).toEqual({ kinds, kind, minutes });
  });

  it('the defaults', () => {
    expect(VISIT_MINUTES).toEqual({ follow_up: 45, care_home: 30, first_visit: 60, hra: 60, device_setup: 75 });
  });

  it.each([
    [5, true],
    [240, true],
    [60, true],
    [4, false],
    [241, false],
    [30.5, false],
    [Number.NaN, false],
  ])('a length of %s minutes set by hand is valid: %s', (minutes, ok) => {
    expect(validVisitMinutes(minutes)).toBe(ok);
  });
});
