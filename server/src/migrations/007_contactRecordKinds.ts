/**
 * Migration 7: two more kinds of patient-owned record in `patient_records` (see migration 2
 * for why the kind list is checked): `consentEvent`, each decision about consent to be
 * reached on a contact point, written once (a history, domain/consent.ts), and `referral`, a
 * referral with its status, created when a note with a referral activity is signed.
 */
export const contactRecordKindsSchema = /* sql */ `
alter table patient_records drop constraint patient_records_kind_check;
alter table patient_records add constraint patient_records_kind_check check (kind in (
  'contactPoint', 'caregiver', 'barrier', 'goal', 'rpmDevice',
  'note', 'addendum', 'task', 'escalation', 'questionnaireResponse', 'conflict',
  'consentEvent', 'referral'
));
`;
