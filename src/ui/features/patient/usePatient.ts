/** Everything the patient screen shows about one patient, read from the local territory. */
import { useMemo } from 'react';
import type { Appointment } from '../../../domain/appointment';
import type { CareGap } from '../../../domain/careGap';
import type { Facility } from '../../../domain/facility';
import type { Patient } from '../../../domain/patient';
import { useTerritory } from '../../data/hooks';

export interface PatientView {
  readonly patient: Patient;
  readonly facility: Facility | null;
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
}

/** `undefined` while loading, `null` when the patient is not on this device. */
export function usePatient(id: string): PatientView | null | undefined {
  const territory = useTerritory();
  return useMemo(() => {
    if (!territory) return undefined;
    const patient = territory.patients.find((p) => p.id === id);
    if (!patient) return null;
    return {
      patient,
      facility: territory.facilities.find((f) => f.id === patient.facilityId) ?? null,
      careGaps: territory.careGaps.filter((g) => g.patientId === id),
      appointments: territory.appointments
        .filter((a) => a.patientId === id)
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    };
  }, [territory, id]);
}
