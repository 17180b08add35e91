/** Words of the office's Alerts section (supervisor tasks) in English and Spanish. */
import type { AlertKind } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import { pluralIn } from '../../../i18n/plural';

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

const enDays = (n: number) => enPlural(n, { one: '# day', other: '# days' });
const esDays = (n: number) => esPlural(n, { one: '# día', other: '# días' });

/** Whole minutes as "45 min", "3 h", "2 days". */
const enSpan = (minutes: number) => (minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.floor(minutes / 60)} h` : enDays(Math.floor(minutes / (24 * 60))));
const esSpan = (minutes: number) => (minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.floor(minutes / 60)} h` : esDays(Math.floor(minutes / (24 * 60))));

const en = {
  title: 'Alerts',
  intro: 'Tasks the server found in your team. Mark one done when it is handled, or snooze it for a day.',
  kinds: {
    escalation_unacknowledged: 'Escalations not acknowledged in time',
    no_sync: 'Specialists not syncing',
    contact_drop: 'Drops in contacts',
    patient_unreached: 'Patients not reached',
  } satisfies Record<AlertKind, string>,
  listLabel: (kind: string, n: number) => `${kind}: ${enPlural(n, { one: '# alert', other: '# alerts' })}`,
  noSync: (name: string, days: number | null) => (days === null ? `${name} has never synced` : `${name} has not synced for ${enDays(days)}`),
  contactDrop: (name: string, contacts: number, expected: number) => `${name}: contacts dropped: ${contacts} this week vs ${expected} expected`,
  contactDropDetail: (usual: number, percent: number) => `Usual week ${usual} contacts; an alert below ${percent}% of what was expected by now.`,
  escalation: (patient: string, minutes: number) => `Escalation for ${patient} not acknowledged after ${enSpan(minutes)}`,
  escalationDetail: (raisedBy: string) => `Raised by ${raisedBy}. Acknowledge it in Escalations.`,
  unreached: (patient: string, days: number, everReached: boolean) =>
    everReached ? `${patient} has not been reached for ${enDays(days)}` : `${patient} has never been reached (first attempt ${enDays(days)} ago)`,
  unreachedDetail: (attempts: number) => enPlural(attempts, { one: '# attempt since the last reach', other: '# attempts since the last reach' }),
  since: (when: string) => `Since ${when}`,
  markDone: 'Mark done',
  markDoneFor: (what: string) => `Mark done: ${what}`,
  snooze: 'Snooze 1 day',
  snoozeFor: (what: string) => `Snooze for 1 day: ${what}`,
  doneNotice: (what: string) => `Done: ${what}.`,
  snoozedNotice: (what: string) => `Snoozed for a day: ${what}.`,
  cleared: 'This alert has cleared or was already handled. The list has been refreshed.',
  empty: 'No open alerts. Nothing needs your attention.',
  unreachedCapped: (shown: number, total: number) => `Showing the ${shown} patients unreached the longest, of ${total}.`,
  refresh: 'Refresh',
  exportCsv: 'Export CSV',
  csvReady: 'The alerts were saved as a CSV file.',
  csvFileName: (date: string) => `alerts-${date}.csv`,
  csvColumns: ['Kind', 'Alert', 'Details', 'Since'] as readonly string[],
  tab: (name: string, open: number) => `${name} (${open})`,
};

export type AlertsText = typeof en;

const es: AlertsText = {
  title: 'Avisos',
  intro: 'Tareas que el servidor encontró en su equipo. Márquela como hecha cuando esté atendida, o pospóngala un día.',
  kinds: {
    escalation_unacknowledged: 'Escalamientos no recibidos a tiempo',
    no_sync: 'Especialistas sin sincronizar',
    contact_drop: 'Caídas de contactos',
    patient_unreached: 'Pacientes no localizados',
  },
  listLabel: (kind, n) => `${kind}: ${esPlural(n, { one: '# aviso', other: '# avisos' })}`,
  noSync: (name, days) => (days === null ? `${name} nunca ha sincronizado` : `${name} lleva ${esDays(days)} sin sincronizar`),
  contactDrop: (name, contacts, expected) => `${name}: bajaron los contactos: ${contacts} esta semana frente a ${expected} esperados`,
  contactDropDetail: (usual, percent) => `Semana habitual: ${usual} contactos; aviso por debajo del ${percent}% de lo esperado hasta ahora.`,
  escalation: (patient, minutes) => `Escalamiento de ${patient} sin recibir tras ${esSpan(minutes)}`,
  escalationDetail: (raisedBy) => `Escalado por ${raisedBy}. Márquelo como recibido en Escalamientos.`,
  unreached: (patient, days, everReached) =>
    everReached ? `${patient} lleva ${esDays(days)} sin ser localizado` : `${patient} nunca ha sido localizado (primer intento hace ${esDays(days)})`,
  unreachedDetail: (attempts) => esPlural(attempts, { one: '# intento desde la última vez que se le localizó', other: '# intentos desde la última vez que se le localizó' }),
  since: (when) => `Desde ${when}`,
  markDone: 'Marcar como hecho',
  markDoneFor: (what) => `Marcar como hecho: ${what}`,
  snooze: 'Posponer 1 día',
  snoozeFor: (what) => `Posponer 1 día: ${what}`,
  doneNotice: (what) => `Hecho: ${what}.`,
  snoozedNotice: (what) => `Pospuesto un día: ${what}.`,
  cleared: 'Este aviso ya no aplica o ya fue atendido. La lista se ha actualizado.',
  empty: 'No hay avisos abiertos. Nada requiere su atención.',
  unreachedCapped: (shown, total) => `Se muestran los ${shown} pacientes que llevan más tiempo sin ser localizados, de ${total}.`,
  refresh: 'Actualizar',
  exportCsv: 'Exportar CSV',
  csvReady: 'Los avisos se guardaron como archivo CSV.',
  csvFileName: (date) => `avisos-${date}.csv`,
  csvColumns: ['Tipo', 'Aviso', 'Detalles', 'Desde'],
  tab: (name, open) => `${name} (${open})`,
};

export const ALERTS_TEXT: Record<Locale, AlertsText> = { en, es };
