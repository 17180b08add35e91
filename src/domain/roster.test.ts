import { describe, expect, it } from 'vitest';
import type { Appointment } from './appointment';
import type { CareGap } from './careGap';
import type { Facility } from './facility';
import { asIsoDate, asIsoDateTime, type AppointmentId, type CareGapId, type ContactPointId, type FacilityId, type PatientId } from './ids';
import type { Patient } from './patient';
import { buildFacility, buildPatient } from '../../tests/support/builders';
import { buildRoster, dueStateOf, EMPTY_FILTER, filterRoster, languagesIn, normalizeForSearch } from './roster';

const today = asIsoDate('2026-11-22');
const now = asIsoDateTime('2026-11-22T15:00:00.000Z');

const patient = (id: string, over: Partial<Patient> = {}) => buildPatient(id, { mrn: `MRN${id}`, ...over });

const facility: Facility = buildFacility('fac_1', { name: 'Maple Court', visitingHours: [] });

const gap = (id: string, patientId: string, status: CareGap['status']): CareGap => ({
  id: id as CareGapId,
  patientId: patientId as PatientId,
  measure: 'COL',
  status,
  dueDate: null,
  closedAt: null,
  evidence: null,
  exclusionReason: null,
});

const appt = (id: string, patientId: string, startsAt: string, status: Appointment['status']): Appointment => ({
  id: id as AppointmentId,
  patientId: patientId as PatientId,
  provider: 'Dr. Lee',
  reason: 'Follow-up',
  mode: 'in_person',
  startsAt: asIsoDateTime(startsAt),
  status,
});

const patients = [
  patient('p1', { givenName: 'José', familyName: 'Núñez', nextDueDate: asIsoDate('2026-11-01') }),
  patient('p2', {
    givenName: 'Mary',
    familyName: 'OBrien',
    language: 'en',
    address: { line1: '2 Oak', line2: null, city: 'Lynn', state: 'MA', postalCode: '01901', location: null },
    facilityId: facility.id,
    nextDueDate: asIsoDate('2026-11-25'),
  }),
  patient('p3', { givenName: 'Li', familyName: 'Chen', language: 'en', noShowFollowUp: true }),
];

const rows = buildRoster(
  {
    patients,
    facilities: [facility],
    careGaps: [gap('g1', 'p1', 'open'), gap('g2', 'p1', 'closed'), gap('g3', 'p3', 'scheduled')],
    appointments: [appt('a1', 'p3', '2026-12-01T14:00:00.000Z', 'scheduled'), appt('a2', 'p3', '2026-11-30T14:00:00.000Z', 'cancelled')],
    contactPoints: [
      {
        id: 'c1' as ContactPointId,
        patientId: 'p2' as PatientId,
        channel: 'phone',
        use: 'mobile',
        value: '+16175550123',
        consent: 'granted',
        consentAt: null,
        consentBy: null,
        removed: false,
      },
    ],
  },
  today,
  now,
);

describe('due state', () => {
  it.each([
    [null, 'none'],
    ['2026-11-21', 'overdue'],
    ['2026-11-22', 'due_soon'],
    ['2026-11-29', 'due_soon'],
    ['2026-11-30', 'later'],
  ] as const)('%s -> %s', (due, expected) => {
    expect(dueStateOf(due === null ? null : asIsoDate(due), today)).toBe(expected);
  });
});

describe('buildRoster', () => {
  it('orders overdue first, then due soon, then patients without a due date', () => {
    expect(rows.map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
  });
  it('counts only open and scheduled gaps as outstanding', () => {
    expect(rows.find((r) => r.id === 'p1')?.openGaps).toEqual(['COL']);
    expect(rows.find((r) => r.id === 'p3')?.openGaps).toEqual(['COL']);
  });
  it('shows the facility name and the earliest upcoming appointment that is not cancelled', () => {
    expect(rows.find((r) => r.id === 'p2')?.facilityName).toBe('Maple Court');
    expect(rows.find((r) => r.id === 'p3')?.nextAppointment?.id).toBe('a1');
  });
  it('computes the age on the given day', () => {
    expect(rows[0]?.age).toBe(76);
  });
});

describe('filterRoster', () => {
  const q = (query: string) => filterRoster(rows, { ...EMPTY_FILTER, query }).map((r) => r.id);
  it('finds names without accents and in any case', () => {
    expect(q('jose nunez')).toEqual(['p1']);
    expect(q('NÚÑ')).toEqual(['p1']);
  });
  it('finds by town and by facility name', () => {
    expect(q('lynn')).toEqual(['p2']);
    expect(q('maple')).toEqual(['p2']);
  });
  it('finds by phone digits whatever the punctuation', () => {
    expect(q('(617) 555-01')).toEqual(['p2']);
    expect(q('555-0123')).toEqual(['p2']);
  });
  it('requires every term to match', () => {
    expect(q('mary chelsea')).toEqual([]);
  });
  it.each([
    [{ overdueOnly: true }, ['p1']],
    [{ openGapOnly: true }, ['p1', 'p3']],
    [{ noShowOnly: true }, ['p3']],
    [{ language: 'es' }, ['p1']],
    [{ facility: { kind: 'in_facility' } as const }, ['p2']],
    [{ facility: { kind: 'facility', id: 'fac_1' as FacilityId } as const }, ['p2']],
  ])('filter %j', (f, expected) => {
    expect(filterRoster(rows, { ...EMPTY_FILTER, ...f }).map((r) => r.id)).toEqual(expected);
  });
  it('lists languages most common first', () => {
    expect(languagesIn(rows)).toEqual(['en', 'es']);
  });
  it('normalises accents away', () => {
    expect(normalizeForSearch('Éva Ñandú')).toBe('eva nandu');
  });
});
