/**
 * The Team table: one row per specialist of the supervisor's team, from the server
 * (`GET /api/office/team`), "as of" the server's time. Caseload and overdue are the server's
 * counts; the unsynced changes a device reported are a column of their own, labelled so. A
 * specialist with no sync for the server's number of days is marked in words (and a style),
 * never by colour alone. The table scrolls sideways on a narrow screen and can be saved as CSV,
 * built here from the same data. Contacts and visits this week are shown against the
 * organisation's weekly targets; below target is said in words with a mark, not colour alone.
 */
import { useCallback, useState } from 'react';
import type { TeamResponse } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { saveTextFile } from '../admin/saveTextFile';
import { OfficeLoaded } from './OfficeProblem';
import { OFFICE_TEXT } from './officeText';
import { dateTimeIn, isBelowTarget, isStale, lastSyncOf, relativeTo, rowText, TEAM_COLUMNS, teamCsv, weekCountIn } from './teamTable';
import { useOfficeLoad } from './useOfficeLoad';

export function TeamSection() {
  const { worker } = useServices();
  const { locale } = useI18n();
  const text = OFFICE_TEXT[locale];
  const team = useOfficeLoad(useCallback(() => worker.officeTeam(), [worker]));
  const [saved, setSaved] = useState(false);

  function exportCsv(value: TeamResponse) {
    saveTextFile(teamCsv(value, locale), text.csvFileName(value.dataAsOf.slice(0, 10)), 'text/csv;charset=utf-8');
    setSaved(true);
  }

  return (
    <section aria-labelledby="office-team-title">
      <h1 id="office-team-title">{text.teamTitle}</h1>
      <OfficeLoaded data={team.data} onRetry={team.reload}>
        {(value) => (
          <>
            <p>{text.dataAsOf(dateTimeIn(locale, value.dataAsOf))}</p>
            <div className="escalation-queue__controls">
              <button type="button" className="button" onClick={() => { setSaved(false); team.reload(); }}>
                {text.refresh}
              </button>
              <button type="button" className="button" disabled={value.members.length === 0} onClick={() => exportCsv(value)}>
                {text.exportCsv}
              </button>
            </div>
            {saved && (
              <p role="status" className="admin-notice">
                {text.csvReady}
              </p>
            )}
            {value.members.length === 0 ? (
              <p className="muted">{text.teamEmpty}</p>
            ) : (
              <div className="admin-table-wrap" role="region" aria-label={text.teamScroll} tabIndex={0}>
                <table className="admin-table team-table">
                  <caption>{text.teamCaption}</caption>
                  <thead>
                    <tr>
                      {TEAM_COLUMNS.map((c) => (
                        <th key={c} scope="col">
                          {text.column[c]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {value.members.map((m) => {
                      const row = rowText(m, value, locale, (at) => relativeTo(at, value.dataAsOf, locale));
                      const stale = isStale(m, value);
                      return (
                        <tr key={m.id} className={stale ? 'team-table__stale' : undefined}>
                          <th scope="row">{row.name}</th>
                          <td>{row.territories}</td>
                          <td>{row.caseload}</td>
                          <td>{row.overdue}</td>
                          <WeekCell done={m.contactsThisWeek} target={m.contactTarget} />
                          <WeekCell done={m.visitsThisWeek} target={m.visitTarget} />
                          <td>{m.lastPushAt ? <time dateTime={m.lastPushAt} title={dateTimeIn(locale, m.lastPushAt)}>{row.lastPush}</time> : row.lastPush}</td>
                          <td>{m.lastPullAt ? <time dateTime={m.lastPullAt} title={dateTimeIn(locale, m.lastPullAt)}>{row.lastPull}</time> : row.lastPull}</td>
                          <td>{row.pending}</td>
                          <td>{row.appVersion}</td>
                          <td>{row.clockSkew}</td>
                          <td>{stale || lastSyncOf(m) === null ? <strong>{row.syncState}</strong> : row.syncState}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <p className="muted">{text.teamCountsNote}</p>
            <p className="muted">{text.overdueDefinition}</p>
            <p className="muted">{text.weekDefinition(dateIn(locale, value.weekStart))}</p>
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}

/** A date the reader's way ("Dec 7, 2026"), of a UTC calendar day. */
function dateIn(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** "12 / 40", and below the target a mark and the words, so it never rests on colour alone. */
function WeekCell({ done, target }: { done: number; target: number }) {
  const { locale } = useI18n();
  const below = isBelowTarget(done, target);
  return (
    <td className={below ? 'team-table__below' : undefined}>
      {weekCountIn(locale, done, target)}
      {below && (
        <>
          {' '}
          <strong>
            <span aria-hidden="true">▼ </span>
            {OFFICE_TEXT[locale].belowTarget}
          </strong>
        </>
      )}
    </td>
  );
}
