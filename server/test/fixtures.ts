/**
 * A small hand-made organisation for server tests: two territories (North, South) with a few
 * patients each, their care gaps and appointments, two facilities, a specialist per territory,
 * a supervisor and an admin; plus a second organisation that nobody in the first may see.
 */
import type {
  AppointmentId,
  CareGapId,
  FacilityId,
  IsoDate,
  IsoDateTime,
  OrgId,
  PatientId,
  TerritoryId,
  UserId,
} from '../../src/domain/ids';
import type { Appointment } from '../../src/domain/appointment';
import type { CareGap } from '../../src/domain/careGap';
import type { Facility } from '../../src/domain/facility';
import type { Patient } from '../../src/domain/patient';
import type { Role } from '../../src/domain/user';
import type { Dataset, SeedUser } from '../src/seed/dataset';

export const PASSWORD = 'correct horse battery';
export const DEVICE = 'device-test-0001';

export const ORG = 'org-1' as OrgId;
export const NORTH = 'ter-north' as TerritoryId;
export const SOUTH = 'ter-south' as TerritoryId;

export const NORTH_PATIENTS = ['pat-n1', 'pat-n2', 'pat-n3'] as PatientId[];
export const SOUTH_PATIENTS = ['pat-s1', 'pat-s2'] as PatientId[];

function user(id: string, username: string, role: Role, territoryIds: TerritoryId[], orgId: OrgId = ORG): SeedUser {
  const name = `${username[0]?.toUpperCase()}${username.slice(1)} Tester`;
  return { id: id as UserId, orgId, username, name, role, password: PASSWORD, territoryIds };
}

function facility(id: string, orgId: OrgId = ORG): Facility {
  return {
    id: id as FacilityId,
    orgId,
    name: `Facility ${id}`,
    kind: 'ltc',
    address: {
      line1: '1 Main St',
      line2: null,
      city: 'Salem',
      state: 'MA',
      postalCode: '01970',
      location: { lat: 42.52, lng: -70.9 },
    },
    phone: '+19785550100',
    visitingHours: [{ weekday: 1, open: 540, close: 1020 }],
  };
}

export function patient(id: PatientId, territoryId: TerritoryId, overrides: Partial<Patient> = {}): Patient {
  return {
    id,
    territoryId,
    mrn: `MRN-${id}`,
    givenName: 'Given',
    familyName: id,
    birthDate: '1950-04-02' as IsoDate,
    sex: 'female',
    language: 'en',
    interpreterNeeded: false,
    address: { line1: '2 Elm St', line2: null, city: 'Lynn', state: 'MA', postalCode: '01901', location: null },
    facilityId: null,
    room: null,
    accessNotes: null,
    contacts: [],
    caregivers: [],
    portal: 'not_enrolled',
    rpm: 'none',
    lastContactAt: null,
    nextDueDate: '2026-12-01' as IsoDate,
    noShowFollowUp: false,
    ...overrides,
  };
}

function gap(patientId: PatientId, measure: CareGap['measure']): CareGap {
  return {
    id: `gap-${patientId}-${measure}` as CareGapId,
    patientId,
    measure,
    status: 'open',
    dueDate: '2026-12-31' as IsoDate,
    closedAt: null,
    evidence: null,
  };
}

function appointment(patientId: PatientId): Appointment {
  return {
    id: `appt-${patientId}` as AppointmentId,
    patientId,
    provider: 'Dr. Osei',
    reason: 'Annual wellness visit',
    mode: 'in_person',
    startsAt: '2026-12-03T15:00:00.000Z' as IsoDateTime,
    status: 'scheduled',
  };
}

export function fixtureDataset(): Dataset {
  const patients = [
    ...NORTH_PATIENTS.map((id) => patient(id, NORTH)),
    ...SOUTH_PATIENTS.map((id) => patient(id, SOUTH, { language: 'es' })),
  ];
  return {
    org: { id: ORG, name: 'Test Health' },
    territories: [
      { id: NORTH, orgId: ORG, name: 'North' },
      { id: SOUTH, orgId: ORG, name: 'South' },
    ],
    users: [
      user('user-ana', 'ana', 'specialist', [NORTH]),
      user('user-ben', 'ben', 'specialist', [SOUTH]),
      user('user-sol', 'sol', 'supervisor', []),
      user('user-ada', 'ada', 'admin', []),
    ],
    facilities: [facility('fac-1'), facility('fac-2')],
    patients,
    careGaps: patients.flatMap((p) => [gap(p.id, 'CBP'), gap(p.id, 'EED')]),
    appointments: patients.filter((_, i) => i % 2 === 0).map((p) => appointment(p.id)),
  };
}

export const OTHER_ORG = 'org-2' as OrgId;
const EAST = 'ter-east' as TerritoryId;

/** A second organisation, to show that scope never crosses organisations. */
export function otherOrgDataset(): Dataset {
  const p = patient('pat-e1' as PatientId, EAST);
  return {
    org: { id: OTHER_ORG, name: 'Other Health' },
    territories: [{ id: EAST, orgId: OTHER_ORG, name: 'East' }],
    users: [user('user-cam', 'cam', 'supervisor', [], OTHER_ORG)],
    facilities: [facility('fac-e1', OTHER_ORG)],
    patients: [p],
    careGaps: [gap(p.id, 'COL')],
    appointments: [appointment(p.id)],
  };
}

/** Every entity id of `dataset` that the given territories can see (facilities: the whole org). */
export function idsInScope(dataset: Dataset, territoryIds: readonly TerritoryId[]): string[] {
  const patients = dataset.patients.filter((p) => territoryIds.includes(p.territoryId));
  const patientIds = new Set<string>(patients.map((p) => p.id));
  return [
    ...dataset.facilities.map((f) => f.id),
    ...patients.map((p) => p.id),
    ...dataset.careGaps.filter((g) => patientIds.has(g.patientId)).map((g) => g.id),
    ...dataset.appointments.filter((a) => patientIds.has(a.patientId)).map((a) => a.id),
  ].sort();
}
