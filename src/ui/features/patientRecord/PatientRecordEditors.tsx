/**
 * Every record editor for one patient, in the order a visit goes, wired to a PatientView.
 * A convenience for the patient screen; each editor can also be placed on its own.
 */
import type { PatientView } from '../patient/usePatient';
import { AppointmentsEditor } from './AppointmentsEditor';
import { BarriersGoalsEditor } from './BarriersGoalsEditor';
import { CareGapsEditor } from './CareGapsEditor';
import { CaregiversEditor } from './CaregiversEditor';
import { ContactsEditor } from './ContactsEditor';
import { DemographicsEditor } from './DemographicsEditor';
import { PortalRpmEditor } from './PortalRpmEditor';
import { ReferralsList } from './ReferralsList';

export function PatientRecordEditors({ view }: { view: PatientView }) {
  const { patient, records, pendingKeys } = view;
  return (
    <>
      <DemographicsEditor patient={patient} pendingKeys={pendingKeys} />
      <ContactsEditor patient={patient} contacts={records.contactPoint} consentEvents={records.consentEvent} pendingKeys={pendingKeys} />
      <CaregiversEditor patientId={patient.id} caregivers={records.caregiver} pendingKeys={pendingKeys} />
      <BarriersGoalsEditor patientId={patient.id} barriers={records.barrier} goals={records.goal} pendingKeys={pendingKeys} />
      <CareGapsEditor gaps={records.careGap} pendingKeys={pendingKeys} />
      <AppointmentsEditor patientId={patient.id} appointments={records.appointment} pendingKeys={pendingKeys} />
      <ReferralsList referrals={records.referral} pendingKeys={pendingKeys} />
      <PortalRpmEditor patient={patient} devices={records.rpmDevice} pendingKeys={pendingKeys} />
    </>
  );
}
