/**
 * Words of the office's Overview and engagement funnel (the date range, headline figures,
 * tables, chart summaries) in English and Spanish. Sentences with numbers take them already
 * written for the reader's locale ("1,250", "48%" / "1250", "48 %").
 */
import type { FunnelDimension, FunnelStage, TallyColumn } from '../../../../worker/client';
import type { Locale } from '../../../i18n/I18n';
import type { RangePreset, RangeProblem } from './dateRange';

/** Which way a weekly series went from its first week to its last. */
export type Trend = 'rose' | 'fell' | 'same';

/** The weekly series a chart summarises. */
export type TrendMetric = 'reachRate' | 'contactsAttempted' | 'contactsReached';

const en = {
  overviewTitle: 'Overview',
  funnelTitle: 'Engagement funnel',

  range: 'Date range',
  from: 'From',
  to: 'To',
  show: 'Show',
  presets: 'Quick ranges',
  preset: { thisWeek: 'This week', last4Weeks: 'Last 4 weeks', thisQuarter: 'This quarter' } satisfies Record<RangePreset, string>,
  rangeProblem: {
    missing: 'Enter both dates.',
    fromAfterTo: 'The start date is after the end date. Choose a start on or before the end.',
    tooLong: (max: number) => `The range is too long: choose at most ${max} days.`,
  } satisfies Record<RangeProblem, string | ((max: number) => string)>,
  rangeShown: (from: string, to: string) => `Showing ${from} to ${to} (days in UTC).`,
  followUpDays: 'No-show follow-up within (days)',
  followUpProblem: 'Enter a whole number of days from 1 to 60.',

  headlines: 'Headline figures',
  contactsAttempted: 'Contacts attempted',
  patientsReached: 'Patients reached',
  reachOf: (attempted: string, rate: string) => `of ${attempted} patients attempted (reach rate ${rate})`,
  visitsCompleted: 'Visits completed',
  appointments: 'Appointments',
  appointmentsSetKept: (set: string, kept: string) => `${set} set, ${kept} kept`,
  noShows: 'No-shows',
  noShowsFollowedUp: (followed: string, noShows: string, days: number) => `${followed} of ${noShows} followed up within ${days} ${days === 1 ? 'day' : 'days'}`,
  portalEnrollments: 'Portal enrollments',
  rpmSetups: 'Monitoring devices set up',
  hrasCompleted: 'Health risk assessments completed',
  satisfaction: 'Satisfaction',
  satisfactionOf: (responses: string) => `average from ${responses} ${responses === '1' ? 'response' : 'responses'}`,
  noResponses: 'No responses yet',
  gapsClosed: 'Care gaps closed',
  noRate: 'No data',

  column: {
    contactsAttempted: 'Contacts attempted',
    contactsReached: 'Contacts reached',
    patientsAttempted: 'Patients attempted',
    patientsReached: 'Patients reached',
    reachRate: 'Reach rate',
    visitsCompleted: 'Visits completed',
    appointmentsSet: 'Appointments set',
    portalEnrollments: 'Portal enrollments',
    rpmSetups: 'Monitoring devices set up',
    hrasCompleted: 'HRAs completed',
    surveysCompleted: 'Surveys completed',
    referrals: 'Referrals',
    teachBackConfirmed: 'Teach-back confirmed',
    gapsClosedInContact: 'Gaps closed in a contact',
  } satisfies Record<TallyColumn, string>,
  specialist: 'Specialist',
  territory: 'Territory',
  weekOf: 'Week of',
  outcome: 'Outcome',
  contacts: 'Contacts',
  share: 'Share',
  measure: 'Measure',
  closed: 'Closed',
  noOutcome: 'No outcome recorded',

  outcomesCaption: 'Contacts by outcome',
  gapsCaption: 'Care gaps closed by measure',
  specialistsCaption: 'Numbers per specialist',
  territoriesCaption: 'Numbers per territory',
  weeklyCaption: 'Numbers per week (weeks start on Monday)',
  weeklyTitle: 'Weekly trends',
  contactsChart: 'Contacts attempted and reached per week',
  reachChart: 'Reach rate per week',
  tableScroll: (caption: string) => `${caption} (scrolls sideways)`,
  empty: 'Nothing in this range.',
  exportCsv: 'Export CSV',
  exportCsvOf: (caption: string) => `Export CSV: ${caption}`,
  csvReady: (caption: string) => `“${caption}” was saved as a CSV file.`,
  fileName: {
    outcomes: 'outcomes', gaps: 'gaps-closed', specialists: 'by-specialist', territories: 'by-territory', weekly: 'weekly',
    funnel: 'funnel', dropOff: 'funnel-drop-off',
  },
  chartLoading: 'Loading the chart…',
  chartFailed: 'The chart could not be shown; the numbers are in the table below.',

  stage: {
    attempted: 'Attempted',
    reached: 'Reached',
    appointmentSet: 'Appointment set',
    appointmentKept: 'Appointment kept',
    gapClosed: 'Gap closed',
  } satisfies Record<FunnelStage, string>,
  stageColumn: 'Stage',
  patients: 'Patients',
  ofPrevious: '% of previous stage',
  ofAttempted: '% of attempted',
  ofPreviousStage: (stage: string) => `${stage}: % of previous stage`,
  funnelCaption: 'Patients at each stage',
  funnelChart: 'Patients at each stage of the funnel',
  dimension: 'Drop-off by',
  dimensions: { language: 'Language', ageBand: 'Age band', channel: 'Channel', territory: 'Territory' } satisfies Record<FunnelDimension, string>,
  dropOffCaption: (dimension: string) => `Drop-off by ${dimension.toLowerCase()} (each stage as a % of the one before)`,
  dropOffChart: (dimension: string) => `Share reached by ${dimension.toLowerCase()}`,
  funnelNote: 'Each patient is counted once, in the group of their first contact in the range.',
  channel: { call: 'Call', visit: 'Visit', message: 'Message' } as Record<string, string>,
  ageBand: (band: string) => (band === 'unknown' ? 'Age unknown' : band.endsWith('+') ? `${band.slice(0, -1)} and over` : `${band.replace('-', '–')} years`),
  languageUnknown: 'Language unknown',

  // Chart summaries (summaries.ts).
  trendName: { reachRate: 'Reach rate', contactsAttempted: 'Contacts attempted per week', contactsReached: 'Contacts reached per week' } satisfies Record<TrendMetric, string>,
  trend: (name: string, trend: Trend, first: string, last: string, weeks: number) =>
    trend === 'same' ? `${name} stayed at ${first} over ${weeks} weeks.` : `${name} ${trend} from ${first} to ${last} over ${weeks} weeks.`,
  trendOneWeek: (name: string, value: string) => `${name} was ${value} in the only week with contacts.`,
  trendNone: 'No contacts in this range, so there is no trend to show.',
  funnelSummary: (attempted: string, reached: string, reachedShare: string, set: string, kept: string, closed: string, closedShare: string) =>
    `Of ${attempted} patients attempted, ${reached} were reached (${reachedShare}), ${set} had an appointment set, ${kept} kept it, and ${closed} had a care gap closed (${closedShare} of those attempted).`,
  funnelNone: 'No patients were attempted in this range.',
  dropOffSummary: (dimension: string, high: string, highShare: string, low: string, lowShare: string) =>
    `By ${dimension.toLowerCase()}, the share reached was highest for ${high} (${highShare}) and lowest for ${low} (${lowShare}).`,
  dropOffOne: (dimension: string, only: string, share: string) => `By ${dimension.toLowerCase()}, every patient attempted is in one group, ${only}: ${share} reached.`,
};

export type ReportsText = typeof en;

const es: ReportsText = {
  overviewTitle: 'Resumen',
  funnelTitle: 'Embudo de participación',

  range: 'Periodo',
  from: 'Desde',
  to: 'Hasta',
  show: 'Mostrar',
  presets: 'Periodos rápidos',
  preset: { thisWeek: 'Esta semana', last4Weeks: 'Últimas 4 semanas', thisQuarter: 'Este trimestre' },
  rangeProblem: {
    missing: 'Escriba las dos fechas.',
    fromAfterTo: 'La fecha de inicio es posterior a la de fin. Elija un inicio igual o anterior al fin.',
    tooLong: (max) => `El periodo es demasiado largo: elija como máximo ${max} días.`,
  },
  rangeShown: (from, to) => `Del ${from} al ${to} (días en UTC).`,
  followUpDays: 'Seguimiento de inasistencias en (días)',
  followUpProblem: 'Escriba un número entero de días, de 1 a 60.',

  headlines: 'Cifras principales',
  contactsAttempted: 'Intentos de contacto',
  patientsReached: 'Pacientes contactados',
  reachOf: (attempted, rate) => `de ${attempted} pacientes con intento (tasa de contacto ${rate})`,
  visitsCompleted: 'Visitas realizadas',
  appointments: 'Citas',
  appointmentsSetKept: (set, kept) => `${set} programadas, ${kept} cumplidas`,
  noShows: 'Inasistencias',
  noShowsFollowedUp: (followed, noShows, days) => `${followed} de ${noShows} con seguimiento en ${days} ${days === 1 ? 'día' : 'días'}`,
  portalEnrollments: 'Inscripciones al portal',
  rpmSetups: 'Dispositivos de monitoreo instalados',
  hrasCompleted: 'Evaluaciones de riesgo de salud completadas',
  satisfaction: 'Satisfacción',
  satisfactionOf: (responses) => `media de ${responses} ${responses === '1' ? 'respuesta' : 'respuestas'}`,
  noResponses: 'Aún no hay respuestas',
  gapsClosed: 'Brechas de atención cerradas',
  noRate: 'Sin datos',

  column: {
    contactsAttempted: 'Intentos de contacto',
    contactsReached: 'Contactos logrados',
    patientsAttempted: 'Pacientes con intento',
    patientsReached: 'Pacientes contactados',
    reachRate: 'Tasa de contacto',
    visitsCompleted: 'Visitas realizadas',
    appointmentsSet: 'Citas programadas',
    portalEnrollments: 'Inscripciones al portal',
    rpmSetups: 'Dispositivos de monitoreo instalados',
    hrasCompleted: 'Evaluaciones de riesgo completadas',
    surveysCompleted: 'Encuestas completadas',
    referrals: 'Derivaciones',
    teachBackConfirmed: 'Comprensión confirmada',
    gapsClosedInContact: 'Brechas cerradas en un contacto',
  },
  specialist: 'Especialista',
  territory: 'Territorio',
  weekOf: 'Semana del',
  outcome: 'Resultado',
  contacts: 'Contactos',
  share: 'Proporción',
  measure: 'Indicador',
  closed: 'Cerradas',
  noOutcome: 'Sin resultado registrado',

  outcomesCaption: 'Contactos por resultado',
  gapsCaption: 'Brechas de atención cerradas por indicador',
  specialistsCaption: 'Cifras por especialista',
  territoriesCaption: 'Cifras por territorio',
  weeklyCaption: 'Cifras por semana (las semanas empiezan el lunes)',
  weeklyTitle: 'Tendencias semanales',
  contactsChart: 'Intentos de contacto y contactos logrados por semana',
  reachChart: 'Tasa de contacto por semana',
  tableScroll: (caption) => `${caption} (se desplaza de lado)`,
  empty: 'No hay nada en este periodo.',
  exportCsv: 'Exportar CSV',
  exportCsvOf: (caption) => `Exportar CSV: ${caption}`,
  csvReady: (caption) => `«${caption}» se guardó como archivo CSV.`,
  fileName: {
    outcomes: 'resultados', gaps: 'brechas-cerradas', specialists: 'por-especialista', territories: 'por-territorio', weekly: 'semanal',
    funnel: 'embudo', dropOff: 'embudo-perdidas',
  },
  chartLoading: 'Cargando el gráfico…',
  chartFailed: 'No se pudo mostrar el gráfico; las cifras están en la tabla de abajo.',

  stage: {
    attempted: 'Con intento',
    reached: 'Contactados',
    appointmentSet: 'Cita programada',
    appointmentKept: 'Cita cumplida',
    gapClosed: 'Brecha cerrada',
  },
  stageColumn: 'Etapa',
  patients: 'Pacientes',
  ofPrevious: '% de la etapa anterior',
  ofAttempted: '% de los intentados',
  ofPreviousStage: (stage) => `${stage}: % de la etapa anterior`,
  funnelCaption: 'Pacientes en cada etapa',
  funnelChart: 'Pacientes en cada etapa del embudo',
  dimension: 'Pérdidas por',
  dimensions: { language: 'Idioma', ageBand: 'Grupo de edad', channel: 'Canal', territory: 'Territorio' },
  dropOffCaption: (dimension) => `Pérdidas por ${dimension.toLowerCase()} (cada etapa como % de la anterior)`,
  dropOffChart: (dimension) => `Proporción contactada por ${dimension.toLowerCase()}`,
  funnelNote: 'Cada paciente cuenta una vez, en el grupo de su primer contacto del periodo.',
  channel: { call: 'Llamada', visit: 'Visita', message: 'Mensaje' },
  ageBand: (band) => (band === 'unknown' ? 'Edad desconocida' : band.endsWith('+') ? `${band.slice(0, -1)} o más años` : `${band.replace('-', '–')} años`),
  languageUnknown: 'Idioma desconocido',

  trendName: { reachRate: 'La tasa de contacto', contactsAttempted: 'El número de intentos de contacto por semana', contactsReached: 'El número de contactos logrados por semana' },
  trend: (name, trend, first, last, weeks) =>
    trend === 'same'
      ? `${name} se mantuvo en ${first} durante ${weeks} semanas.`
      : `${name} ${trend === 'rose' ? 'subió' : 'bajó'} de ${first} a ${last} en ${weeks} semanas.`,
  trendOneWeek: (name, value) => `${name} fue ${value} en la única semana con contactos.`,
  trendNone: 'No hubo contactos en este periodo, así que no hay tendencia que mostrar.',
  funnelSummary: (attempted, reached, reachedShare, set, kept, closed, closedShare) =>
    `De ${attempted} pacientes con intento, ${reached} fueron contactados (${reachedShare}), ${set} tuvieron una cita programada, ${kept} la cumplieron y ${closed} cerraron una brecha de atención (${closedShare} de los intentados).`,
  funnelNone: 'No hubo pacientes con intento de contacto en este periodo.',
  dropOffSummary: (dimension, high, highShare, low, lowShare) =>
    `Por ${dimension.toLowerCase()}, la proporción contactada fue más alta en ${high} (${highShare}) y más baja en ${low} (${lowShare}).`,
  dropOffOne: (dimension, only, share) => `Por ${dimension.toLowerCase()}, todos los pacientes con intento están en un grupo, ${only}: ${share} contactados.`,
};

export const REPORTS_TEXT: Record<Locale, ReportsText> = { en, es };
