/** A patient's record, read-only for now: demographics, contacts, support, gaps, facility. */
import { format } from 'date-fns';
import { asIsoDate } from '../../../domain/ids';
import { ageOn } from '../../../domain/patient';
import { hrefFor } from '../../app/useHashRoute';
import { useI18n } from '../../i18n/I18n';
import {
  AppointmentsSection,
  CareGapsSection,
  CaregiversSection,
  ContactsSection,
  FacilitySection,
} from './PatientSections';
import { usePatient } from './usePatient';

export function PatientScreen({ id }: { id: string }) {
  const { t, formatDate, formatDateTime, languageName } = useI18n();
  const view = usePatient(id);
  if (view === undefined) return null;
  if (view === null) {
    return (
      <section>
        <a className="button button--link" href={hrefFor({ name: 'roster' })}>
          ← {t.back}
        </a>
        <p role="alert">{t.patientNotFound}</p>
      </section>
    );
  }
  const { patient: p, facility, careGaps, appointments } = view;
  const age = ageOn(p.birthDate, asIsoDate(format(new Date(), 'yyyy-MM-dd')));

  return (
    <article aria-labelledby="patient-name" className="patient">
      <a className="button button--link" href={hrefFor({ name: 'roster' })}>
        ← {t.back}
      </a>
      <h1 id="patient-name">
        {p.givenName} {p.familyName}
      </h1>
      <section className="card" aria-labelledby="demo-title">
        <h2 id="demo-title">{t.demographics}</h2>
        <dl className="facts">
          <dt>{t.born}</dt>
          <dd>
            {formatDate(p.birthDate)} ({t.ageLong(age)})
          </dd>
          <dt>{t.sexLabel}</dt>
          <dd>{t.sex[p.sex]}</dd>
          <dt>{t.preferredLanguage}</dt>
          <dd>
            {languageName(p.language)}
            {p.interpreterNeeded ? ` · ${t.interpreterNeeded}` : ''}
          </dd>
          <dt>{t.mrn}</dt>
          <dd>{p.mrn}</dd>
          <dt>{t.addressTitle}</dt>
          <dd>
            {p.address.line1}
            {p.address.line2 ? `, ${p.address.line2}` : ''}, {p.address.city}, {p.address.state} {p.address.postalCode}
          </dd>
          {p.accessNotes && (
            <>
              <dt>{t.accessNotes}</dt>
              <dd>{p.accessNotes}</dd>
            </>
          )}
          <dt>{t.lastContact}</dt>
          <dd>{p.lastContactAt ? formatDateTime(p.lastContactAt) : t.never}</dd>
          <dt>{t.nextDue}</dt>
          <dd>{p.nextDueDate ? formatDate(p.nextDueDate) : t.dueState.none}</dd>
          <dt>{t.portal}</dt>
          <dd>{t.portalStatus[p.portal]}</dd>
          <dt>{t.rpm}</dt>
          <dd>{t.rpmStatus[p.rpm]}</dd>
        </dl>
      </section>
      <ContactsSection patient={p} />
      <CaregiversSection patient={p} />
      <CareGapsSection gaps={careGaps} />
      {facility && <FacilitySection facility={facility} room={p.room} />}
      <AppointmentsSection appointments={appointments} />
    </article>
  );
}
