/**
 * Who the patient is, at a glance, at the top of the patient and note screens: name, age,
 * language (in words), the phone to call (one tap, unless the patient declined calls on it),
 * and on the patient screen the address and the latest health risk check. Reads nothing
 * itself; the screen passes what it has.
 */
import { localIsoDate } from '../../../domain/calendar';
import { addressOneLine, ageOn, formatPhone, fullName, primaryPhone, type ContactPoint, type Patient } from '../../../domain/patient';
import { useI18n } from '../../i18n/I18n';
import type { LatestResult } from './latestResult';

interface Props {
  readonly patient: Patient;
  readonly contacts: readonly ContactPoint[];
  /** Shown on the patient screen; the note screen leaves it out. */
  readonly address?: boolean;
  /** The latest health risk check; `undefined` leaves the line out, `null` says it is not done. */
  readonly hra?: LatestResult | null;
}

export function PatientSummary({ patient: p, contacts, address = false, hra }: Props) {
  const { t, locale, formatDate, languageName } = useI18n();
  const name = fullName(p);
  const phone = primaryPhone(contacts);
  const shownPhone = phone ? formatPhone(phone.value) : null;
  return (
    <section className="patient-summary" aria-label={t.summaryLabel(name)}>
      <dl className="patient-summary__facts">
        <div>
          <dt>{t.ageLabel}</dt>
          <dd>{t.ageLong(ageOn(p.birthDate, localIsoDate(new Date())))}</dd>
        </div>
        <div>
          <dt>{t.preferredLanguage}</dt>
          <dd>
            {languageName(p.language)}
            {p.interpreterNeeded && <span className="badge">{t.interpreterNeeded}</span>}
          </dd>
        </div>
        <div>
          <dt>{t.phoneLabel}</dt>
          <dd>
            {!phone || !shownPhone ? (
              <span className="muted">{t.noPhone}</span>
            ) : phone.consent === 'declined' ? (
              <>
                {shownPhone} <span className="badge badge--consent-declined">{t.phoneDeclined}</span>
              </>
            ) : (
              <a className="button" href={`tel:${phone.value}`} aria-label={`${t.call(name)}, ${shownPhone}`}>
                {shownPhone}
              </a>
            )}
          </dd>
        </div>
        {address && (
          <div className="patient-summary__wide">
            <dt>{t.addressTitle}</dt>
            <dd>
              {addressOneLine(p.address)}
            </dd>
          </div>
        )}
        {hra !== undefined && (
          <div className="patient-summary__wide">
            <dt>{t.latestHra}</dt>
            <dd data-testid="latest-hra">
              {hra ? t.hraTaken(hra.level?.[locale] ?? t.hraNoLevel, formatDate(localIsoDate(new Date(hra.at)))) : t.noHra}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
