import { describe, expect, it } from 'vitest';
import { buildFacility, buildGap, buildPatient } from '../../tests/support/builders';
import type { Appointment } from './appointment';
import { rankDayCandidates, reasonsFor, unplacedCandidates, territoryCentre, type CandidateReason, type DaySpan } from './dayCandidates';
import { asIsoDate, asIsoDateTime, type AppointmentId, type PatientId, type RpmDeviceId, type TaskId } from './ids';
import type { Patient } from './patient';
import type { Task } from './task';

const day: DaySpan = {
  date: asIsoDate('2026-11-23'),
  from: asIsoDateTime('2026-11-23T05:00:00.000Z'),
  to: asIsoDateTime('2026-11-24T05:00:00.000Z'),
};
const here = { lat: 42.36, lng: -71.06 };
const recent = asIsoDateTime('2026-11-20T15:00:00.000Z');
const patient = (id: string, over: Partial<Patient> = {}) =>
  buildPatient(id, { lastContactAt: recent, address: { ...buildPatient(id).address, location: here }, ...over });

const none: Parameters<typeof reasonsFor>[1] = { appointmentAt: null, tasksDue: 0, openGaps: 0 };

describe('reasonsFor: one row per reason', () => {
  const rows: { name: string; p: Partial<Patient>; facts?: Partial<typeof none>; reasons: CandidateReason[]; score: number }[] = [
    { name: 'nothing to do', p: {}, reasons: [], score: 0 },
    {
      name: 'booked appointment that day',
      p: {},
      facts: { appointmentAt: asIsoDateTime('2026-11-23T15:30:00.000Z') },
      reasons: [{ code: 'appointment', startsAt: asIsoDateTime('2026-11-23T15:30:00.000Z') }],
      score: 10,
    },
    { name: 'due today is not overdue', p: { nextDueDate: asIsoDate('2026-11-23') }, reasons: [], score: 0 },
    { name: 'overdue by a day', p: { nextDueDate: asIsoDate('2026-11-22') }, reasons: [{ code: 'overdue', days: 1 }], score: 6 },
    { name: 'overdue by a month counts more', p: { nextDueDate: asIsoDate('2026-10-23') }, reasons: [{ code: 'overdue', days: 31 }], score: 8 },
    { name: 'overdue extra is capped', p: { nextDueDate: asIsoDate('2025-01-01') }, reasons: [{ code: 'overdue', days: 691 }], score: 10 },
    { name: 'follow-up tasks due (capped at two)', p: {}, facts: { tasksDue: 3 }, reasons: [{ code: 'tasks_due', count: 3 }], score: 6 },
    { name: 'open care gaps (capped at three)', p: {}, facts: { openGaps: 4 }, reasons: [{ code: 'care_gaps', count: 4 }], score: 6 },
    { name: 'no-show to chase', p: { noShowFollowUp: true }, reasons: [{ code: 'no_show' }], score: 5 },
    { name: 'never contacted', p: { lastContactAt: null }, reasons: [{ code: 'never_contacted' }], score: 4 },
    { name: 'contact four weeks ago does not count yet', p: { lastContactAt: asIsoDateTime('2026-10-25T06:00:00.000Z') }, reasons: [], score: 0 },
    {
      name: 'contact 95 days ago',
      p: { lastContactAt: asIsoDateTime('2026-08-20T05:00:00.000Z') },
      reasons: [{ code: 'since_contact', days: 95 }],
      score: 3,
    },
    {
      name: 'reasons add up, strongest first',
      p: { noShowFollowUp: true, nextDueDate: asIsoDate('2026-11-01') },
      facts: { openGaps: 1 },
      reasons: [{ code: 'overdue', days: 22 }, { code: 'no_show' }, { code: 'care_gaps', count: 1 }],
      score: 7 + 5 + 2,
    },
  ];
  it.each(rows)('$name', ({ p, facts, reasons, score }) => {
    expect(reasonsFor(patient('pat_1', p), { ...none, ...facts }, day)).toEqual({ reasons, score });
  });
});

const appt = (id: string, patientId: string, startsAt: string, status: Appointment['status'] = 'scheduled'): Appointment => ({
  id: id as AppointmentId,
  patientId: patientId as PatientId,
  provider: 'Dr. Lee',
  reason: 'Check-up',
  mode: 'in_person',
  startsAt: asIsoDateTime(startsAt),
  status,
});

const task = (id: string, patientId: string, over: Partial<Task> = {}): Task => ({
  id: id as TaskId,
  patientId: patientId as PatientId,
  kind: 'follow_up',
  title: 'Call back',
  dueDate: asIsoDate('2026-11-23'),
  ownerName: 'Maria',
  status: 'open',
  sourceNoteId: null,
  sourceAppointmentId: null,
  createdAt: recent,
  completedAt: null,
  completedByNoteId: null,
  ...over,
});

describe('rankDayCandidates', () => {
  it('ranks by score, then name, and counts only what matters that day', () => {
    const facility = buildFacility('fac_1', { address: { ...buildFacility('fac_1').address, location: { lat: 42.46, lng: -70.95 } } });
    const src = {
      patients: [
        patient('pat_a', { givenName: 'Zoe' }),
        patient('pat_b', { givenName: 'Ana' }),
        patient('pat_c', { givenName: 'Bea', noShowFollowUp: true }),
        // A resident without an address location takes the care home's.
        patient('pat_d', { givenName: 'Dan', facilityId: facility.id, address: { ...buildPatient('x').address, location: null } }),
        // Nobody can route to a patient without any location.
        patient('pat_e', { givenName: 'Eve', noShowFollowUp: true, address: { ...buildPatient('x').address, location: null } }),
      ],
      facilities: [facility],
      careGaps: [buildGap('g1', 'pat_d'), buildGap('g2', 'pat_d', { status: 'scheduled' }), buildGap('g3', 'pat_a', { status: 'closed' })],
      appointments: [
        appt('apt_1', 'pat_a', '2026-11-23T15:00:00.000Z'),
        appt('apt_2', 'pat_b', '2026-11-23T15:00:00.000Z', 'cancelled'),
        appt('apt_3', 'pat_b', '2026-11-24T05:00:00.000Z'),
      ],
      tasks: [
        task('t1', 'pat_b'),
        task('t2', 'pat_b', { kind: 'reminder' }),
        task('t3', 'pat_c', { dueDate: asIsoDate('2026-11-24') }),
        task('t4', 'pat_c', { status: 'done' }),
      ],
    };
    const ranked = rankDayCandidates(src, day);
    expect(ranked.map((c) => [c.patient.id, c.score])).toEqual([
      ['pat_a', 10],
      ['pat_c', 5],
      ['pat_b', 3],
      ['pat_d', 2],
    ]);
    expect(ranked[3]).toMatchObject({ facility: { id: 'fac_1' }, location: { lat: 42.46, lng: -70.95 }, reasons: [{ code: 'care_gaps', count: 1 }] });
    // The one left off is named, so the person knows why (e.g. a move cleared the coordinates).
    expect(unplacedCandidates(src, day).map((p) => p.id)).toEqual(['pat_e']);
  });

  it('says what kind of visit each candidate needs and how long it takes', () => {
    const src = {
      patients: [
        patient('p1', { givenName: 'Al', noShowFollowUp: true }),
        patient('p2', { givenName: 'Bo', lastContactAt: null }),
        patient('p3', { givenName: 'Cy', noShowFollowUp: true, rpm: 'offered' }),
        patient('p4', { givenName: 'Di', facilityId: 'fac_1' as Patient['facilityId'] }),
      ],
      facilities: [],
      careGaps: [buildGap('g1', 'p4', { measure: 'AWV' })],
      appointments: [],
      tasks: [],
      rpmDevices: [{ id: 'rpm_1' as RpmDeviceId, patientId: 'p1' as PatientId, kind: 'bp_cuff' as const, stage: 'set_up' as const, since: asIsoDate('2026-11-01') }],
    };
    const visits = Object.fromEntries(rankDayCandidates(src, day).map((c) => [c.patient.id, [c.visit.kind, c.visit.minutes]]));
    expect(visits).toEqual({ p1: ['device_setup', 75], p2: ['first_visit', 60], p3: ['device_setup', 75], p4: ['hra', 60] });
  });

  it('breaks score ties by name', () => {
    const src = { patients: [patient('p2', { givenName: 'Bo', noShowFollowUp: true }), patient('p1', { givenName: 'Al', noShowFollowUp: true })], facilities: [], careGaps: [], appointments: [], tasks: [] };
    expect(rankDayCandidates(src, day).map((c) => c.patient.id)).toEqual(['p1', 'p2']);
  });
});

describe('territoryCentre', () => {
  it.each([
    { name: 'no locations', points: [null], centre: null },
    { name: 'mean of the known ones', points: [{ lat: 42, lng: -71 }, null, { lat: 43, lng: -70 }], centre: { lat: 42.5, lng: -70.5 } },
  ])('$name', ({ points, centre }) => {
    expect(territoryCentre(points)).toEqual(centre);
  });
});
