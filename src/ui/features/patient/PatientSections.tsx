/** The read-only sections of the patient record, one component each. */
import type { Appointment } from '../../../domain/appointment';
import type { CareGap } from '../../../domain/careGap';
import type { Facility } from '../../../domain/facility';
import { formatMinuteOfDay } from '../../../domain/facility';
import { formatPhone, type Patient } from '../../../domain/patient';
import { useI18n } from '../../i18n/I18n';

export function ContactsSection({ patient }: { patient: Patient }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t.contactsTitle}</h2>
      {patient.contacts.length === 0 && <p className="muted">{t.noContacts}</p>}
      <ul className="plain-list">
        {patient.contacts.map((c) => (
          <li key={c.id} className="contact">
            <span>
              <strong>{t.channel[c.channel]}</strong> ({t.contactUse[c.use]}): {c.channel === 'email' ? c.value : formatPhone(c.value)}
            </span>
            <span className={`badge badge--consent-${c.consent}`}>{t.consent[c.consent]}</span>
            {c.channel === 'phone' && (
              <a className="button" href={`tel:${c.value}`} aria-label={`${t.call(`${patient.givenName} ${patient.familyName}`)}, ${formatPhone(c.value)}`}
              >
                {t.callShort}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CaregiversSection({ patient }: { patient: Patient }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="caregivers-title">
      <h2 id="caregivers-title">{t.caregiversTitle}</h2>
      {patient.caregivers.length === 0 && <p className="muted">{t.noCaregivers}</p>}
      <ul className="plain-list">
        {patient.caregivers.map((c) => (
          <li key={c.id} className="contact">
            <span>
              <strong>{c.name}</strong> · {t.relationship[c.relationship] ?? c.relationship}
              {c.primary ? ` · ${t.primaryCaregiver}` : ''}
            </span>
            {c.phone && (
              <a className="button" href={`tel:${c.phone}`} aria-label={`${t.call(c.name)}, ${formatPhone(c.phone)}`}>
                {formatPhone(c.phone)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CareGapsSection({ gaps }: { gaps: readonly CareGap[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="card" aria-labelledby="gaps-title">
      <h2 id="gaps-title">{t.careGapsTitle}</h2>
      {gaps.length === 0 && <p className="muted">{t.noCareGaps}</p>}
      <ul className="plain-list">
        {gaps.map((g) => (
          <li key={g.id} className="gap">
            <strong>{t.gap[g.measure]}</strong>
            <span className={`badge badge--gap-${g.status}`}>{t.gapStatus[g.status]}</span>
            {g.dueDate && g.status !== 'closed' && <span className="muted">{t.dueOn(formatDate(g.dueDate))}</span>}
            {g.evidence && <span className="muted">{g.evidence}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FacilitySection({ facility, room }: { facility: Facility; room: string | null }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="facility-title">
      <h2 id="facility-title">{t.facilityTitle}</h2>
      <p>
        <strong>{facility.name}</strong> · {t.facilityKind[facility.kind]}
        {room ? ` · ${t.room} ${room}` : ''}
      </p>
      <p>
        {facility.address.line1}, {facility.address.city}
      </p>
      <p>
        <a className="button" href={`tel:${facility.phone}`} aria-label={`${t.call(facility.name)}, ${formatPhone(facility.phone)}`}>
          {formatPhone(facility.phone)}
        </a>
      </p>
      <h3>{t.visitingHours}</h3>
      <ul className="plain-list hours">
        {facility.visitingHours.map((h, i) => (
          <li key={i}>
            {t.weekdayShort[h.weekday]} {formatMinuteOfDay(h.open)}–{formatMinuteOfDay(h.close)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AppointmentsSection({ appointments }: { appointments: readonly Appointment[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="appointments-title">
      <h2 id="appointments-title">{t.appointmentsTitle}</h2>
      {appointments.length === 0 && <p className="muted">{t.noAppointments}</p>}
      <ul className="plain-list">
        {appointments.map((a) => (
          <li key={a.id} className="appointment">
            <strong>{formatDateTime(a.startsAt)}</strong> · {a.provider} · {a.reason} · {t.appointmentMode[a.mode]}
            <span className={`badge badge--appt-${a.status}`}>{t.appointmentStatus[a.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
