/**
 * A patient's record: who they are and how to reach them (age, language, phone, address and
 * the latest health risk check first, before the history), urgent escalations with what the
 * office did about them, their contact history and new
 * notes, support system, barriers and goals, care gaps, appointments, portal and monitoring,
 * and their facility. Every section edits offline through the worker.
 */
import { hrefFor } from '../../app/useHashRoute';
import { useLeaving } from '../../data/hooks';
import { useI18n } from '../../i18n/I18n';
import { EscalationList } from '../escalations/EscalationList';
import { NoteTimeline } from '../note/NoteTimeline';
import { PatientRecordEditors } from '../patientRecord';
import { DueSummary } from './DueSummary';
import { FacilitySection } from './FacilitySection';
import { latestResult } from './latestResult';
import { PatientSummary } from './PatientSummary';
import { usePatient } from './usePatient';

export function PatientScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const view = usePatient(id);
  const leaving = useLeaving(id);
  if (view === undefined) return null;
  const back = (
    <a className="button button--link" href={hrefFor({ name: 'roster' })}>
      ← {t.back}
    </a>
  );
  if (view === null) {
    return (
      <section>
        {back}
        <p role="alert">{t.patientNotFound}</p>
      </section>
    );
  }
  const { patient: p, facility, records, pendingKeys } = view;
  return (
    <article aria-labelledby="patient-name" className="patient">
      {back}
      <h1 id="patient-name">
        {p.givenName} {p.familyName}
      </h1>
      {leaving && (
        <p role="status" className="banner">
          {t.patientLeaving}
        </p>
      )}
      <PatientSummary
        patient={p}
        contacts={records.contactPoint}
        address
        hra={latestResult('hra', records.questionnaireResponse, records.note)}
      />
      <DueSummary patient={p} records={records} />
      <EscalationList escalations={records.escalation} />
      <NoteTimeline patientId={p.id} notes={records.note} pendingKeys={pendingKeys} addenda={records.addendum} />
      <PatientRecordEditors view={view} />
      {facility && <FacilitySection facility={facility} room={p.room} />}
    </article>
  );
}
