/** One patient in the roster list: a single large link to the patient's record. */
import { memo } from 'react';
import type { RosterRow } from '../../../domain/roster';
import { hrefFor } from '../../app/useHashRoute';
import { useI18n } from '../../i18n/I18n';

export const RosterItem = memo(function RosterItem({ row, pending }: { row: RosterRow; pending: boolean }) {
  const { t, formatDate, formatDateTime, languageName } = useI18n();
  return (
    <li className="roster-item">
      <a href={hrefFor({ name: 'patient', id: row.id })} className="roster-item__link">
        <span className="roster-item__name">{row.name}</span>
        <span className="roster-item__meta">
          <span aria-label={t.ageLong(row.age)}>{t.age(row.age)}</span>
          <span>{row.facilityName ?? row.town}</span>
          <span>{languageName(row.language)}</span>
        </span>
        <span className="roster-item__badges">
          {row.dueState !== 'none' && (
            <span className={`badge badge--${row.dueState}`}>
              {t.dueState[row.dueState]}
              {row.nextDueDate ? ` · ${formatDate(row.nextDueDate)}` : ''}
            </span>
          )}
          {row.openGaps.length > 0 && (
            <span className="badge badge--gap" title={row.openGaps.map((g) => t.gap[g]).join(', ')}>
              {t.openGaps(row.openGaps.length)}
            </span>
          )}
          {row.noShowFollowUp && <span className="badge badge--noshow">{t.noShow}</span>}
          {pending && <span className="badge badge--pending">{t.notYetSynced}</span>}
          {row.nextAppointment && (
            <span className="badge">
              {t.nextAppointment}: {formatDateTime(row.nextAppointment.startsAt)}
            </span>
          )}
        </span>
      </a>
    </li>
  );
});
