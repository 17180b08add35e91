/**
 * The editable patient record: one section component per part of the record. Each takes the
 * live records it shows (from usePatient) and writes through the worker; none reads storage.
 */
export { AppointmentsEditor, type AppointmentsEditorProps } from './AppointmentsEditor';
export { BarriersGoalsEditor, type BarriersGoalsEditorProps } from './BarriersGoalsEditor';
export { CareGapsEditor, type CareGapsEditorProps } from './CareGapsEditor';
export { CaregiversEditor, type CaregiversEditorProps } from './CaregiversEditor';
export { ContactsEditor, type ContactsEditorProps } from './ContactsEditor';
export { DemographicsEditor, type DemographicsEditorProps } from './DemographicsEditor';
export { PortalRpmEditor, type PortalRpmEditorProps } from './PortalRpmEditor';
export { PatientRecordEditors } from './PatientRecordEditors';
