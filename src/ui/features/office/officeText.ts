/** Words of the supervisor's office (the escalation queue, the Team table) in English and Spanish. */
import type { EscalationSeverity } from '../../../domain/contactNote';
import type { EscalationStatus } from '../../../domain/escalation';
import type { EscalationFilter, OfficeErrorCode } from '../../../worker/client';
import type { TeamRowText } from './teamTable';
import type { Locale } from '../../i18n/I18n';
import { pluralIn, type Plural } from '../../i18n/plural';

/** The office's sections. */
export type OfficeSection = 'escalations' | 'alerts' | 'review' | 'team' | 'assignments' | 'overview' | 'funnel';

/** What the office says after a step went through. */
export type OfficeStepDone = 'acknowledged' | 'assigned' | 'resolved';

/**
 * A span of whole minutes, short and relative ("5 min", "2 h", "3 days"): minutes under an
 * hour, hours under two days, then days, always rounded down.
 */
function spanIn(plural: Plural, days: { one: string; other: string }): (minutes: number) => string {
  return (minutes) => {
    if (minutes < 60) return plural(minutes, { one: '# min', other: '# min' });
    if (minutes < 48 * 60) return plural(Math.floor(minutes / 60), { one: '# h', other: '# h' });
    return plural(Math.floor(minutes / (24 * 60)), days);
  };
}

const enSpan = spanIn(pluralIn('en'), { one: '# day', other: '# days' });
const esSpan = spanIn(pluralIn('es'), { one: '# día', other: '# días' });

const en = {
  title: 'Office',
  sectionsLabel: 'Office sections',
  section: { escalations: 'Escalations', alerts: 'Alerts', review: 'Review', team: 'Team', assignments: 'Assignments', overview: 'Overview', funnel: 'Funnel' } satisfies Record<OfficeSection, string>,
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  needsConnection: 'The office needs a connection to the server. You are offline: the queue and the team table cannot be shown or changed until you reconnect.',
  error: {
    offline: 'The office needs a connection to the server. Connect to the internet and try again.',
    unauthorized: 'Your session has ended. Sign out and sign in again.',
    device_revoked: 'This device has been revoked. Contact an administrator.',
    forbidden: 'Only a supervisor can do this.',
    not_found: 'This escalation no longer exists or is not in your team. The list has been refreshed.',
    conflict: 'This escalation is already resolved: nothing changed. The list has been refreshed.',
    invalid: 'Not saved: the server did not accept this.',
    server_error: 'The server had a problem. Try again in a few minutes.',
    bad_response: 'The server sent something unexpected. Try again; if it keeps happening, tell support.',
  } satisfies Record<OfficeErrorCode, string>,

  teamTitle: 'Team',
  teamCaption: 'Specialists of your team',
  teamScroll: 'Team table (scrolls sideways)',
  dataAsOf: (when: string) => `Data as of ${when} (server time).`,
  teamCountsNote:
    'Caseload and overdue patients are counted by the server from the changes it has accepted. Unsynced changes are what each device reported at its last sync, shown apart.',
  overdueDefinition: 'Overdue: the next contact was due before today.',
  belowTarget: 'below target',
  weekDefinition: (monday: string) => `This week: signed contacts since Monday ${monday} (UTC), against the organisation's weekly targets.`,
  teamEmpty: 'No specialists in your team.',
  column: {
    name: 'Specialist',
    territories: 'Territories',
    caseload: 'Caseload',
    overdue: 'Overdue patients',
    contactsWeek: 'Contacts this week / target',
    visitsWeek: 'Visits this week / target',
    lastPush: 'Last push',
    lastPull: 'Last pull',
    pending: 'Unsynced changes (reported by the device)',
    appVersion: 'App version',
    clockSkew: 'Device clock',
    syncState: 'Sync',
  } satisfies Record<keyof TeamRowText, string>,
  never: 'Never',
  notReported: 'Not reported',
  noTerritory: 'None',
  neverSynced: 'Never synced',
  syncing: 'Syncing',
  stale: (days: number) => `Not syncing: no sync for more than ${enSpan(days * 24 * 60)}`,
  skewInStep: 'On time',
  skewAhead: (span: string) => `${span} ahead`,
  skewBehind: (span: string) => `${span} behind`,
  exportCsv: 'Export CSV',
  csvReady: 'The team table was saved as a CSV file.',
  csvFileName: (date: string) => `team-${date}.csv`,

  escalationsTitle: 'Escalations',
  filter: 'Show',
  refresh: 'Refresh the list',
  filters: {
    unresolved: 'Not yet resolved',
    open: 'Open',
    acknowledged: 'Acknowledged',
    resolved: 'Resolved',
    all: 'All',
  } satisfies Record<EscalationFilter, string>,
  queueLabel: 'Escalation queue',
  empty: 'No escalations to show.',
  hasMore: 'Only the most recent escalations are shown; older ones were left out.',
  reason: 'What is urgent',
  severity: 'Severity',
  severities: { urgent: 'Urgent (today)', emergency: 'Emergency (now)' } satisfies Record<EscalationSeverity, string>,
  raisedBy: 'Raised by',
  raised: 'Raised',
  age: (minutes: number) => (minutes < 1 ? 'just now' : `${enSpan(minutes)} ago`),
  status: 'Status',
  statuses: { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' } satisfies Record<EscalationStatus, string>,
  overdue: (ackMinutes: number) => `Overdue: not acknowledged within ${enSpan(ackMinutes)}`,
  acknowledgedBy: 'Acknowledged by',
  assignedTo: 'Assigned to',
  resolvedBy: 'Resolved by',
  resolution: 'What was done',
  acknowledge: 'Acknowledge',
  acknowledgeFor: (patient: string) => `Acknowledge escalation for ${patient}`,
  assignTo: 'Assign to',
  me: (name: string) => `Me (${name})`,
  assign: 'Assign',
  assignFor: (patient: string) => `Assign escalation for ${patient}`,
  resolve: 'Resolve',
  resolveFor: (patient: string) => `Resolve escalation for ${patient}`,
  resolveForm: (patient: string) => `Resolve the escalation for ${patient}`,
  resolveNote: 'What was done (required)',
  resolveNoteMissing: 'Write what was done before resolving.',
  working: 'Working…',
  done: {
    acknowledged: (patient: string) => `Escalation for ${patient} acknowledged.`,
    assigned: (patient: string) => `Escalation for ${patient} assigned.`,
    resolved: (patient: string) => `Escalation for ${patient} resolved.`,
  } satisfies Record<OfficeStepDone, (patient: string) => string>,
};

export type OfficeText = typeof en;

const es: OfficeText = {
  title: 'Oficina',
  sectionsLabel: 'Secciones de la oficina',
  section: { escalations: 'Escalamientos', alerts: 'Avisos', review: 'Revisión', team: 'Equipo', assignments: 'Asignaciones', overview: 'Resumen', funnel: 'Embudo' },
  loading: 'Cargando…',
  retry: 'Reintentar',
  cancel: 'Cancelar',
  needsConnection: 'La oficina necesita conexión con el servidor. No hay conexión: la cola y la tabla del equipo no se pueden ver ni cambiar hasta que vuelva a conectarse.',
  error: {
    offline: 'La oficina necesita conexión con el servidor. Conéctese a internet y vuelva a intentarlo.',
    unauthorized: 'Su sesión ha terminado. Cierre sesión y vuelva a iniciarla.',
    device_revoked: 'Este dispositivo ha sido revocado. Contacte a un administrador.',
    forbidden: 'Solo un supervisor puede hacer esto.',
    not_found: 'Este escalamiento ya no existe o no es de su equipo. La lista se ha actualizado.',
    conflict: 'Este escalamiento ya está resuelto: no cambió nada. La lista se ha actualizado.',
    invalid: 'No se guardó: el servidor no lo aceptó.',
    server_error: 'El servidor tuvo un problema. Inténtelo de nuevo en unos minutos.',
    bad_response: 'El servidor envió algo inesperado. Inténtelo de nuevo; si sigue pasando, avise a soporte.',
  },

  teamTitle: 'Equipo',
  teamCaption: 'Especialistas de su equipo',
  teamScroll: 'Tabla del equipo (se desplaza de lado)',
  dataAsOf: (when) => `Datos a las ${when} (hora del servidor).`,
  teamCountsNote:
    'La carga de casos y los pacientes atrasados los cuenta el servidor con los cambios que ha aceptado. Los cambios sin sincronizar son lo que cada dispositivo informó en su última sincronización, y se muestran aparte.',
  overdueDefinition: 'Atrasado: el próximo contacto debía hacerse antes de hoy.',
  belowTarget: 'por debajo de la meta',
  weekDefinition: (monday) => `Esta semana: contactos firmados desde el lunes ${monday} (UTC), frente a las metas semanales de la organización.`,
  teamEmpty: 'No hay especialistas en su equipo.',
  column: {
    name: 'Especialista',
    territories: 'Territorios',
    caseload: 'Carga de casos',
    overdue: 'Pacientes atrasados',
    contactsWeek: 'Contactos esta semana / meta',
    visitsWeek: 'Visitas esta semana / meta',
    lastPush: 'Último envío',
    lastPull: 'Última descarga',
    pending: 'Cambios sin sincronizar (informados por el dispositivo)',
    appVersion: 'Versión de la app',
    clockSkew: 'Reloj del dispositivo',
    syncState: 'Sincronización',
  },
  never: 'Nunca',
  notReported: 'No informado',
  noTerritory: 'Ninguno',
  neverSynced: 'Nunca sincronizó',
  syncing: 'Sincroniza',
  stale: (days) => `Sin sincronizar: más de ${esSpan(days * 24 * 60)} sin sincronizar`,
  skewInStep: 'En hora',
  skewAhead: (span) => `${span} adelantado`,
  skewBehind: (span) => `${span} atrasado`,
  exportCsv: 'Exportar CSV',
  csvReady: 'La tabla del equipo se guardó como archivo CSV.',
  csvFileName: (date) => `equipo-${date}.csv`,

  escalationsTitle: 'Escalamientos',
  filter: 'Mostrar',
  refresh: 'Actualizar la lista',
  filters: {
    unresolved: 'Sin resolver',
    open: 'Abiertos',
    acknowledged: 'Recibidos',
    resolved: 'Resueltos',
    all: 'Todos',
  },
  queueLabel: 'Cola de escalamientos',
  empty: 'No hay escalamientos que mostrar.',
  hasMore: 'Solo se muestran los escalamientos más recientes; los más antiguos quedaron fuera.',
  reason: 'Qué es urgente',
  severity: 'Gravedad',
  severities: { urgent: 'Urgente (hoy)', emergency: 'Emergencia (ahora)' },
  raisedBy: 'Escalado por',
  raised: 'Escalado',
  age: (minutes) => (minutes < 1 ? 'ahora mismo' : `hace ${esSpan(minutes)}`),
  status: 'Estado',
  statuses: { open: 'Abierto', acknowledged: 'Recibido', resolved: 'Resuelto' },
  overdue: (ackMinutes) => `Atrasado: nadie lo recibió en ${esSpan(ackMinutes)}`,
  acknowledgedBy: 'Recibido por',
  assignedTo: 'Asignado a',
  resolvedBy: 'Resuelto por',
  resolution: 'Qué se hizo',
  acknowledge: 'Marcar como recibido',
  acknowledgeFor: (patient) => `Marcar como recibido el escalamiento de ${patient}`,
  assignTo: 'Asignar a',
  me: (name) => `Yo (${name})`,
  assign: 'Asignar',
  assignFor: (patient) => `Asignar el escalamiento de ${patient}`,
  resolve: 'Resolver',
  resolveFor: (patient) => `Resolver el escalamiento de ${patient}`,
  resolveForm: (patient) => `Resolver el escalamiento de ${patient}`,
  resolveNote: 'Qué se hizo (obligatorio)',
  resolveNoteMissing: 'Escriba qué se hizo antes de resolver.',
  working: 'Procesando…',
  done: {
    acknowledged: (patient) => `Escalamiento de ${patient} marcado como recibido.`,
    assigned: (patient) => `Escalamiento de ${patient} asignado.`,
    resolved: (patient) => `Escalamiento de ${patient} resuelto.`,
  },
};

export const OFFICE_TEXT: Record<Locale, OfficeText> = { en, es };
