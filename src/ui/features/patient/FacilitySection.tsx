/** The facility a patient lives in: kind, room, phone and visiting hours (read-only). */
import type { Facility } from '../../../domain/facility';
import { formatMinuteOfDay } from '../../../domain/facility';
import { formatPhone } from '../../../domain/patient';
import { useI18n } from '../../i18n/I18n';

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
