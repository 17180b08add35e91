/**
 * A small hand-made organisation for server tests: two territories (North, South) with a few
 * patients each, their care gaps and appointments, a few records of each patient-owned kind
 * (contact points, caregivers, barriers, goals, devices, tasks), two facilities, a specialist
 * per territory, two supervisors and an admin; plus a second organisation that nobody in the
 * first may see.
 *
 * Teams: Sol supervises Ana (North) and Ben (South), and also works North himself (covering
 * it); Sue supervises no one here and works no territory, as supervisors usually do not. Ada,
 * the admin, works none.
 */
import type {
  AppointmentId,
  BarrierId,
  CareGapId,
  CaregiverId,
  ContactPointId,
  FacilityId,
  GoalId,
  IsoDate,
  IsoDateTime,
  OrgId,
  PatientId,
  RpmDeviceId,
  TaskId,
  TerritoryId,
  UserId,
} from '../../src/domain/ids';
import type { Appointment } from '../../src/domain/appointment';
import type { CareGap } from '../../src/domain/careGap';
import type { Facility } from '../../src/domain/facility';
import type { ContactPoint, Patient } from '../../src/domain/patient';
import type { Barrier, Caregiver, Goal, RpmDevice } from '../../src/domain/supportSystem';
import type { Task } from '../../src/domain/task';
import type { Role } from '../../src/domain/user';
import type { Dataset, SeedUser } from '../src/seed/dataset';

export const PASSWORD = 'correct horse battery';
export const DEVICE = 'device-test-0001';

export const ORG = 'org-1' as OrgId;
export const NORTH = 'ter-north' as TerritoryId;
export const SOUTH = 'ter-south' as TerritoryId;

export const NORTH_PATIENTS = ['pat-n1', 'pat-n2', 'pat-n3'] as PatientId[];
export const SOUTH_PATIENTS = ['pat-s1', 'pat-s2'] as PatientId[];

function user(id: string, username: string, role: Role, territoryIds: TerritoryId[], orgId: OrgId = ORG, supervisorId: string | null = null): SeedUser {
  const name = `${username[0]?.toUpperCase()}${username.slice(1)} Tester`;
  return { id: id as UserId, orgId, username, name, role, password: PASSWORD, territoryIds, supervisorId: supervisorId as UserId | null };
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
    bestTimeToCall: null,
    portal: 'not_enrolled',
    portalSteps: { emailCreated: false, accountActivated: false, firstLoginTaught: false },
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
    exclusionReason: null,
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

function phone(patientId: PatientId, n: number, consent: ContactPoint['consent'] = 'granted'): ContactPoint {
  const asked = consent !== 'unknown';
  return {
    id: `cp-${patientId}-${n}` as ContactPointId,
    patientId,
    channel: 'phone',
    use: 'mobile',
    value: `+1781555010${n}`,
    consent,
    consentAt: asked ? ('2026-05-04T14:00:00.000Z' as IsoDateTime) : null,
    consentBy: asked ? 'Ana Tester' : null,
    removed: false,
  };
}

function caregiver(patientId: PatientId): Caregiver {
  const id = `cg-${patientId}` as CaregiverId;
  return { id, patientId, name: 'Rosa Lima', relationship: 'daughter', phone: '+17815550199', primary: true, removed: false, shareInfo: null };
}

function barrier(patientId: PatientId): Barrier {
  return {
    id: `bar-${patientId}` as BarrierId,
    patientId,
    kind: 'transport',
    detail: 'No ride to appointments in Lynn',
    status: 'open',
    identifiedOn: '2026-09-14' as IsoDate,
    resolvedOn: null,
  };
}

function goal(patientId: PatientId): Goal {
  const setOn = '2026-10-01' as IsoDate;
  return { id: `goal-${patientId}` as GoalId, patientId, text: 'Walk 15 minutes 5 days a week', status: 'active', setOn, targetDate: null };
}

function rpmDevice(patientId: PatientId): RpmDevice {
  return { id: `rpm-${patientId}` as RpmDeviceId, patientId, kind: 'bp_cuff', stage: 'transmitting', since: '2026-08-20' as IsoDate };
}

function task(patientId: PatientId): Task {
  return {
    id: `task-${patientId}` as TaskId,
    patientId,
    kind: 'follow_up',
    title: 'Call back about colonoscopy prep',
    dueDate: '2026-11-24' as IsoDate,
    ownerName: 'Ana Tester',
    status: 'open',
    sourceNoteId: null,
    sourceAppointmentId: null,
    createdAt: '2026-11-18T15:00:00.000Z' as IsoDateTime,
    completedAt: null,
    completedByNoteId: null,
  };
}

const [N1, N2, N3] = NORTH_PATIENTS as [PatientId, PatientId, PatientId];
const [S1, S2] = SOUTH_PATIENTS as [PatientId, PatientId];

export function fixtureDataset(): Dataset {
  const patients = [
    ...NORTH_PATIENTS.map((id) => patient(id, NORTH)),
    ...SOUTH_PATIENTS.map((id) => patient(id, SOUTH, { language: 'es' })),
  ];
  return {
    org: { id: ORG, name: 'Test Health', careTeamPhone: '+16175550100' },
    territories: [
      { id: NORTH, orgId: ORG, name: 'North' },
      { id: SOUTH, orgId: ORG, name: 'South' },
    ],
    users: [
      user('user-ana', 'ana', 'specialist', [NORTH], ORG, 'user-sol'),
      user('user-ben', 'ben', 'specialist', [SOUTH], ORG, 'user-sol'),
      user('user-sol', 'sol', 'supervisor', [NORTH]),
      user('user-sue', 'sue', 'supervisor', []),
      user('user-ada', 'ada', 'admin', []),
    ],
    facilities: [facility('fac-1'), facility('fac-2')],
    patients,
    careGaps: patients.flatMap((p) => [gap(p.id, 'CBP'), gap(p.id, 'EED')]),
    appointments: patients.filter((_, i) => i % 2 === 0).map((p) => appointment(p.id)),
    contactPoints: [phone(N1, 1), phone(N1, 2, 'unknown'), phone(S1, 1)],
    caregivers: [caregiver(N2)],
    barriers: [barrier(N1), barrier(S1)],
    goals: [goal(N3)],
    rpmDevices: [rpmDevice(S2)],
    tasks: [task(N1), task(S2)],
  };
}

export const OTHER_ORG = 'org-2' as OrgId;
const EAST = 'ter-east' as TerritoryId;

/** A second organisation, to show that scope never crosses organisations. */
export function otherOrgDataset(): Dataset {
  const p = patient('pat-e1' as PatientId, EAST);
  return {
    org: { id: OTHER_ORG, name: 'Other Health', careTeamPhone: null },
    territories: [{ id: EAST, orgId: OTHER_ORG, name: 'East' }],
    users: [user('user-cam', 'cam', 'supervisor', [], OTHER_ORG)],
    facilities: [facility('fac-e1', OTHER_ORG)],
    patients: [p],
    careGaps: [gap(p.id, 'COL')],
    appointments: [appointment(p.id)],
    contactPoints: [phone(p.id, 1)],
    caregivers: [caregiver(p.id)],
    barriers: [],
    goals: [],
    rpmDevices: [],
    tasks: [task(p.id)],
  };
}

/** Everything a patient owns, of every kind. */
export function patientOwned(dataset: Dataset): readonly { id: string; patientId: string }[] {
  return [
    ...dataset.careGaps,
    ...dataset.appointments,
    ...dataset.contactPoints,
    ...dataset.caregivers,
    ...dataset.barriers,
    ...dataset.goals,
    ...dataset.rpmDevices,
    ...dataset.tasks,
  ];
}

/**
 * Every entity id of `dataset` that the given territories can see: their patients and all
 * those patients own; facilities of the whole org.
 */
export function idsInScope(dataset: Dataset, territoryIds: readonly TerritoryId[]): string[] {
  const patients = dataset.patients.filter((p) => territoryIds.includes(p.territoryId));
  const patientIds = new Set<string>(patients.map((p) => p.id));
  return [
    ...dataset.facilities.map((f) => f.id),
    ...patients.map((p) => p.id),
    ...patientOwned(dataset)
      .filter((r) => patientIds.has(r.patientId))
      .map((r) => r.id),
  ].sort();
}
