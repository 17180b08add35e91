/**
 * One alert in the reader's language: its headline and details, and the alerts as a CSV file
 * (through the office's one CSV writer, teamTable's `csvFile`). Grouped by kind in the order a
 * supervisor acts: urgent escalations first, then people, then patients.
 */
import type { AlertKind, AlertsResponse, OfficeAlert } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { csvFile } from '../csv';
import { dateTimeIn } from '../teamTable';
import { ALERTS_TEXT } from './alertsText';

export const KIND_ORDER = ['escalation_unacknowledged', 'no_sync', 'contact_drop', 'patient_unreached'] as const satisfies readonly AlertKind[];

export interface AlertWords {
  readonly headline: string;
  readonly detail: string;
}

export function alertWords(alert: OfficeAlert, locale: Locale): AlertWords {
  const text = ALERTS_TEXT[locale];
  switch (alert.kind) {
    case 'no_sync':
      return { headline: text.noSync(alert.specialist.name, alert.days), detail: '' };
    case 'contact_drop':
      return { headline: text.contactDrop(alert.specialist.name, alert.contactsThisWeek, alert.expected), detail: text.contactDropDetail(alert.usualWeek, alert.thresholdPercent) };
    case 'escalation_unacknowledged':
      return { headline: text.escalation(alert.patient.name, alert.ageMinutes), detail: text.escalationDetail(alert.raisedByName) };
    case 'patient_unreached':
      return { headline: text.unreached(alert.patient.name, alert.days, alert.lastReachedAt !== null), detail: text.unreachedDetail(alert.attemptsSince) };
  }
}

/** The open alerts of each kind, in KIND_ORDER, keeping the server's order (newest first) within a kind. */
export function byKind(alerts: readonly OfficeAlert[]): { kind: AlertKind; alerts: OfficeAlert[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, alerts: alerts.filter((a) => a.kind === kind) })).filter((g) => g.alerts.length > 0);
}

/** The alerts as a CSV file: kind, the alert in words, its details, since when (local date and time). */
export function alertsCsv(value: AlertsResponse, locale: Locale): string {
  const text = ALERTS_TEXT[locale];
  return csvFile([
    text.csvColumns,
    ...byKind(value.alerts).flatMap((group) =>
      group.alerts.map((a) => {
        const words = alertWords(a, locale);
        return [text.kinds[a.kind], words.headline, words.detail, a.since === null ? '' : dateTimeIn(locale, a.since)];
      }),
    ),
  ]);
}
