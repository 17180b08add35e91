/**
 * The office's alerts as a supervisor's tasks (`GET /api/office/alerts`): grouped by kind, each
 * in plain words with "since when", and two steps: mark done, or snooze for a day. After a step
 * the list is fetched again, and the open count goes up to the section tab (`onCount`). An
 * alert that cleared meanwhile (not found) is said so and the list refreshed. The list can be
 * saved as CSV with the office's one CSV writer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AlertsResponse, OfficeAlert } from '../../../../worker/client';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { saveTextFile } from '../../admin/saveTextFile';
import { OfficeLoaded, OfficeProblem } from '../OfficeProblem';
import { dateTimeIn } from '../teamTable';
import { useOfficeAction, useOfficeLoad, type OfficeFailure } from '../useOfficeLoad';
import { alertsCsv, alertWords, byKind } from './alertWords';
import { ALERTS_TEXT } from './alertsText';

const DAY_MS = 24 * 60 * 60 * 1000;

type Notice = { readonly kind: 'done' | 'snoozed' | 'cleared'; readonly what: string } | { readonly kind: 'failed'; readonly failure: OfficeFailure };

export function AlertsSection({ onCount }: { onCount?: (open: number) => void }) {
  const { worker } = useServices();
  const { locale } = useI18n();
  const text = ALERTS_TEXT[locale];
  const list = useOfficeLoad(useCallback(() => worker.officeAlerts(), [worker]));
  const action = useOfficeAction();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saved, setSaved] = useState(false);

  const open = list.data.state === 'ready' ? list.data.value.openTotal : null;
  useEffect(() => {
    if (open !== null) onCount?.(open);
  }, [open, onCount]);

  async function step(alert: OfficeAlert, kind: 'done' | 'snoozed') {
    setNotice(null);
    setSaved(false);
    const what = alertWords(alert, locale).headline;
    // The server checks `until` against its own clock (in the future, at most 30 days ahead).
    const res = await action.run(() =>
      kind === 'done' ? worker.officeAlertDone(alert.key) : worker.officeAlertSnooze(alert.key, new Date(Date.now() + DAY_MS).toISOString()),
    );
    if (res.ok) {
      setNotice({ kind, what });
      list.reload();
    } else if (res.failure.code === 'not_found') {
      setNotice({ kind: 'cleared', what });
      list.reload();
    } else {
      setNotice({ kind: 'failed', failure: res.failure });
    }
  }

  function exportCsv(value: AlertsResponse) {
    saveTextFile(alertsCsv(value, locale), text.csvFileName(value.dataAsOf.slice(0, 10)), 'text/csv;charset=utf-8');
    setSaved(true);
  }

  return (
    <section aria-labelledby="office-alerts-title">
      <h1 id="office-alerts-title">{text.title}</h1>
      <p className="muted">{text.intro}</p>
      {notice?.kind === 'done' && <p role="status" className="admin-notice">{text.doneNotice(notice.what)}</p>}
      {notice?.kind === 'snoozed' && <p role="status" className="admin-notice">{text.snoozedNotice(notice.what)}</p>}
      {notice?.kind === 'cleared' && <p role="status" className="admin-notice">{text.cleared}</p>}
      {notice?.kind === 'failed' && <OfficeProblem failure={notice.failure} />}
      <OfficeLoaded data={list.data} onRetry={list.reload}>
        {(value) => (
          <>
            <div className="escalation-queue__controls">
              <button type="button" className="button" onClick={() => { setSaved(false); list.reload(); }}>
                {text.refresh}
              </button>
              <button type="button" className="button" disabled={value.alerts.length === 0} onClick={() => exportCsv(value)}>
                {text.exportCsv}
              </button>
            </div>
            {saved && <p role="status" className="admin-notice">{text.csvReady}</p>}
            {value.alerts.length === 0 && <p className="muted">{text.empty}</p>}
            {byKind(value.alerts).map((group) => (
              <section key={group.kind} aria-labelledby={`office-alerts-${group.kind}`}>
                <h2 id={`office-alerts-${group.kind}`}>
                  {text.kinds[group.kind]} ({group.kind === 'patient_unreached' ? value.unreachedTotal : group.alerts.length})
                </h2>
                {group.kind === 'patient_unreached' && value.unreachedTotal > group.alerts.length && (
                  <p className="muted">{text.unreachedCapped(group.alerts.length, value.unreachedTotal)}</p>
                )}
                <ul className="escalation-queue" aria-label={text.listLabel(text.kinds[group.kind], group.alerts.length)}>
                  {group.alerts.map((alert) => {
                    const words = alertWords(alert, locale);
                    return (
                      <li key={alert.key} className="card escalation-item">
                        <p><strong>{words.headline}</strong></p>
                        {words.detail && <p>{words.detail}</p>}
                        {alert.since && (
                          <p className="muted">
                            <time dateTime={alert.since}>{text.since(dateTimeIn(locale, alert.since))}</time>
                          </p>
                        )}
                        <div className="escalation-queue__controls">
                          <button type="button" className="button" disabled={action.busy} aria-label={text.markDoneFor(words.headline)} onClick={() => void step(alert, 'done')}>
                            {text.markDone}
                          </button>
                          <button type="button" className="button" disabled={action.busy} aria-label={text.snoozeFor(words.headline)} onClick={() => void step(alert, 'snoozed')}>
                            {text.snooze}
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </>
        )}
      </OfficeLoaded>
    </section>
  );
}
