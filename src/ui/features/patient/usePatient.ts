/**
 * Everything the patient screen shows about one patient: the patient and facility from the
 * territory, and every record of theirs read live by patient id (so a territory of 5,000
 * patients with 50,000 notes never loads all notes).
 */
import { useMemo } from 'react';
import type { Facility } from '../../../domain/facility';
import type { Patient } from '../../../domain/patient';
import type { PatientRecords } from '../../../storage/readRecords';
import { useTerritory } from '../../data/hooks';
import { useWatch } from '../../data/useWatch';

export interface PatientView {
  readonly patient: Patient;
  readonly facility: Facility | null;
  readonly records: PatientRecords;
  /** `${kind}:${id}` of records with changes not yet confirmed by the server. */
  readonly pendingKeys: ReadonlySet<string>;
}

export function usePatientRecords(id: string): PatientRecords | undefined {
  return useWatch('patientRecords', [id]);
}

/** `undefined` while loading, `null` when the patient is not on this device. */
export function usePatient(id: string): PatientView | null | undefined {
  const territory = useTerritory();
  const records = usePatientRecords(id);
  return useMemo(() => {
    if (!territory || !records) return undefined;
    const patient = territory.patients.find((p) => p.id === id);
    if (!patient) return null;
    return {
      patient,
      facility: territory.facilities.find((f) => f.id === patient.facilityId) ?? null,
      records,
      pendingKeys: territory.pendingKeys,
    };
  }, [territory, records, id]);
}
