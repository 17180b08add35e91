/** Small hand-made records for client tests; each builder takes overrides. */
import type { Conflict } from '../../src/domain/conflict';
import type { CareGap } from '../../src/domain/careGap';
import type { Facility } from '../../src/domain/facility';
import { asIsoDate, type CareGapId, type ContactPointId, type FacilityId, type OrgId, type PatientId, type TerritoryId } from '../../src/domain/ids';
import type { ContactPoint, Patient } from '../../src/domain/patient';
import type { EntityRecord } from '../../src/protocol/entities';

export function buildPatient(id: string, over: Partial<Patient> = {}): Patient {
  return {
    id: id as PatientId,
    territoryId: 'ter_a' as TerritoryId,
    mrn: `MRN${id.replace(/\D/g, '').padStart(7, '0')}`,
    givenName: 'Ana',
    familyName: 'Pérez',
    birthDate: asIsoDate('1950-06-01'),
    sex: 'female',
    language: 'es',
    interpreterNeeded: false,
    address: { line1: '1 Main St', line2: null, city: 'Chelsea', state: 'MA', postalCode: '02150', location: null },
    facilityId: null,
    room: null,
    accessNotes: null,
    bestTimeToCall: null,
    portal: 'not_enrolled',
    portalSteps: { emailCreated: false, accountActivated: false, firstLoginTaught: false },
    rpm: 'none',
    lastContactAt: null,
    nextDueDate: null,
    noShowFollowUp: false,
    ...over,
  };
}

export function buildFacility(id: string, over: Partial<Facility> = {}): Facility {
  return {
    id: id as FacilityId,
    orgId: 'org_1' as OrgId,
    name: 'Maple Court Nursing',
    kind: 'ltc',
    address: { line1: '9 Elm St', line2: null, city: 'Lynn', state: 'MA', postalCode: '01901', location: null },
    phone: '+17815550100',
    visitingHours: [{ weekday: 1, open: 600, close: 720 }],
    ...over,
  };
}

export function buildGap(id: string, patientId: string, over: Partial<CareGap> = {}): CareGap {
  return {
    id: id as CareGapId,
    patientId: patientId as PatientId,
    measure: 'COL',
    status: 'open',
    dueDate: asIsoDate('2026-12-31'),
    closedAt: null,
    evidence: null,
    ...over,
  };
}

let version = 0;
export function buildContactPoint(id: string, patientId: string, over: Partial<ContactPoint> = {}): ContactPoint {
  return {
    id: id as ContactPointId,
    patientId: patientId as PatientId,
    channel: 'phone',
    use: 'mobile',
    value: '+16175550123',
    consent: 'granted',
    consentAt: null,
    consentBy: null,
    removed: false,
    ...over,
  };
}

export function asRecord(
  kind: EntityRecord['kind'],
  data: Patient | Facility | CareGap | ContactPoint | Conflict,
): EntityRecord {
  version += 1;
  return { kind, id: data.id, version, deleted: false, data } as EntityRecord;
}
