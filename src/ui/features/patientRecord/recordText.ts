/**
 * The words of the patient-record editors in both UI languages. Kept beside the feature
 * rather than in i18n/en.ts and es.ts; `RecordText` (the English table's type) makes the
 * compiler hold Spanish to exactly the same keys. Labels the app already has (channel,
 * consent, gap, relationship...) come from `useI18n().t` instead.
 */
import type { AppointmentStatus } from '../../../domain/appointment';
import type { BarrierKind, BarrierStatus, GoalStatus, RpmDeviceKind, RpmDeviceStage } from '../../../domain/supportSystem';
import type { PortalSteps } from '../../../domain/patient';
import { MAX_YEARS_AHEAD } from '../../../domain/withinReason';
import { useI18n, type Locale } from '../../i18n/I18n';
import type { ContactValueProblem } from './contactValue';

const en = {
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  remove: 'Remove',
  notSynced: 'Not yet synced',
  saveFailed: 'Could not save on this device. Try again.',
  notRecorded: 'Not recorded',
  noInterpreter: 'No interpreter needed',
  bestTimeToCall: 'Best time to call',
  languageNotACode: (code: string) => `Choose a language (“${code}” is not a language code)`,

  addContact: 'Add contact',
  channelLabel: 'Channel',
  useLabel: 'Use',
  contactValue: 'Number or email address',
  change: 'Change',
  changeValue: (shown: string) => `Change ${shown}`,
  newValue: 'New number or address',
  consentLabel: 'Consent',
  consentRecorded: (when: string, by: string) => `recorded ${when} by ${by}`,
  grant: 'Granted',
  decline: 'Declined',
  removeContactConfirm: (what: string) => `Remove ${what}? It stays in the history but is no longer offered.`,
  valueProblem: {
    empty: 'Enter a phone number or email address.',
    invalid_characters: 'The number has letters or symbols in it. Use digits only, for example (617) 555-0123.',
    not_north_american: 'Only US numbers (+1) can be saved; this number has another country code.',
    too_few_digits: 'The number is missing digits: a US number has 10 digits with the area code.',
    too_many_digits: 'The number has too many digits: a US number has 10 digits with the area code.',
    bad_area_code: 'The area code cannot start with 0 or 1.',
    bad_exchange: 'The 3 digits after the area code cannot start with 0 or 1.',
    unrecognised_format: 'The number is not written in a usual way. Type it like (617) 555-0123.',
    bad_email: 'The email address is incomplete: it needs a name, an @ and a domain, like ana@example.org.',
  } satisfies Record<ContactValueProblem, string>,
  duplicateContact: 'This patient already has that number or address on file.',

  addCaregiver: 'Add caregiver',
  caregiverName: 'Name',
  relationshipLabel: 'Relationship',
  phoneOptional: 'Phone (optional)',
  primaryCaregiver: 'Primary caregiver',
  nameRequired: 'Enter the caregiver’s name.',
  removeCaregiverConfirm: (name: string) => `Remove ${name} from the support system?`,

  barriersGoalsTitle: 'Barriers and goals',
  barriersTitle: 'Barriers',
  goalsTitle: 'Goals',
  noBarriers: 'No barriers recorded.',
  noGoals: 'No goals set.',
  barrierKind: {
    transport: 'Transport', cost: 'Cost', language: 'Language', technology: 'Technology', trust: 'Trust',
    health_literacy: 'Health literacy', caregiving: 'Caregiving duties', housing: 'Housing', food: 'Food', other: 'Other',
  } satisfies Record<BarrierKind, string>,
  barrierStatus: { open: 'Open', resolved: 'Resolved' } satisfies Record<BarrierStatus, string>,
  identifiedOn: (date: string) => `identified ${date}`,
  resolvedOn: (date: string) => `resolved ${date}`,
  markResolved: 'Mark resolved',
  addBarrier: 'Add barrier',
  barrierKindLabel: 'Barrier',
  detailLabel: 'Detail',
  detailRequired: 'Describe the barrier when you choose “Other”.',
  goalStatus: { active: 'Active', met: 'Met', dropped: 'Dropped' } satisfies Record<GoalStatus, string>,
  setOn: (date: string) => `set ${date}`,
  targetOn: (date: string) => `target ${date}`,
  addGoal: 'Add goal',
  goalText: 'Goal',
  targetDateOptional: 'Target date (optional)',
  goalRequired: 'Describe the goal.',

  portalRpmTitle: 'Portal and remote monitoring',
  portalSteps: 'Portal set-up steps',
  portalStep: {
    emailCreated: 'Email created',
    accountActivated: 'Account activated',
    firstLoginTaught: 'First login taught',
  } satisfies Record<keyof PortalSteps, string>,
  devicesTitle: 'Monitoring devices',
  noDevices: 'No devices set up.',
  deviceKind: {
    bp_cuff: 'Blood pressure cuff',
    glucometer: 'Glucometer',
    scale: 'Scale',
    pulse_oximeter: 'Pulse oximeter',
  } satisfies Record<RpmDeviceKind, string>,
  deviceStage: { set_up: 'Set up', taught: 'Patient taught', transmitting: 'Transmitting' } satisfies Record<RpmDeviceStage, string>,
  stageOf: (device: string) => `${device}: stage`,
  since: (date: string) => `since ${date}`,
  addDevice: 'Add device',
  deviceKindLabel: 'Device',

  statusLabel: 'Status',
  evidenceLabel: 'Evidence (what was done, when, where)',
  evidenceRequired: 'A closed gap needs evidence: write what was done, when and where.',
  closedOn: (date: string) => `closed ${date}`,

  addAppointment: 'Add appointment',
  providerLabel: 'Provider',
  reasonLabel: 'Reason',
  whenLabel: 'Date and time',
  modeLabel: 'Mode',
  providerRequired: 'Enter the provider.',
  whenRequired: 'Choose the date and time.',
  whenInPast: 'Date and time: a new appointment cannot be in the past.',
  whenTooFar: `Date and time: choose a date within ${MAX_YEARS_AHEAD} years.`,
  confirmStatus: {
    no_show: 'Mark this appointment as a no-show? A follow-up task will be added.',
    cancelled: 'Mark this appointment as cancelled? A follow-up task will be added.',
  } satisfies Partial<Record<AppointmentStatus, string>>,
  followUpAdded: 'A follow-up task was added.',
  statusError: {
    not_found: 'This appointment is no longer on this device.',
    signed_out: 'Sign in again to change appointments.',
  },

  // The question and the go-ahead button of each confirmation dialog (the message is above).
  confirmTitle: {
    removeContact: 'Remove this contact?',
    removeCaregiver: 'Remove this person?',
    no_show: 'Mark as a no-show?',
    cancelled: 'Mark as cancelled?',
  },
  confirmStatusButton: { no_show: 'Mark as no-show', cancelled: 'Mark as cancelled' },
};

export type RecordText = typeof en;

const es: RecordText = {
  edit: 'Editar',
  save: 'Guardar',
  cancel: 'Cancelar',
  saving: 'Guardando…',
  remove: 'Quitar',
  notSynced: 'Aún no sincronizado',
  saveFailed: 'No se pudo guardar en este dispositivo. Inténtelo de nuevo.',
  notRecorded: 'Sin registrar',
  noInterpreter: 'No necesita intérprete',
  bestTimeToCall: 'Mejor hora para llamar',
  languageNotACode: (code: string) => `Elija un idioma («${code}» no es un código de idioma)`,

  addContact: 'Agregar contacto',
  channelLabel: 'Medio',
  useLabel: 'Uso',
  contactValue: 'Número o correo electrónico',
  change: 'Cambiar',
  changeValue: (shown) => `Cambiar ${shown}`,
  newValue: 'Nuevo número o dirección',
  consentLabel: 'Consentimiento',
  consentRecorded: (when, by) => `registrado ${when} por ${by}`,
  grant: 'Otorgado',
  decline: 'Rechazado',
  removeContactConfirm: (what) => `¿Quitar ${what}? Queda en el historial pero ya no se ofrece.`,
  valueProblem: {
    empty: 'Escriba un número de teléfono o un correo electrónico.',
    invalid_characters: 'El número tiene letras o símbolos. Use solo dígitos, por ejemplo (617) 555-0123.',
    not_north_american: 'Solo se pueden guardar números de EE. UU. (+1); este número tiene otro código de país.',
    too_few_digits: 'Faltan dígitos: un número de EE. UU. tiene 10 dígitos con el código de área.',
    too_many_digits: 'Sobran dígitos: un número de EE. UU. tiene 10 dígitos con el código de área.',
    bad_area_code: 'El código de área no puede empezar con 0 ni con 1.',
    bad_exchange: 'Los 3 dígitos después del código de área no pueden empezar con 0 ni con 1.',
    unrecognised_format: 'El número no está escrito de una forma habitual. Escríbalo como (617) 555-0123.',
    bad_email: 'El correo está incompleto: necesita un nombre, una @ y un dominio, como ana@ejemplo.org.',
  },
  duplicateContact: 'Este paciente ya tiene registrado ese número o correo.',

  addCaregiver: 'Agregar cuidador',
  caregiverName: 'Nombre',
  relationshipLabel: 'Parentesco',
  phoneOptional: 'Teléfono (opcional)',
  primaryCaregiver: 'Cuidador principal',
  nameRequired: 'Escriba el nombre del cuidador.',
  removeCaregiverConfirm: (name) => `¿Quitar a ${name} de la red de apoyo?`,

  barriersGoalsTitle: 'Barreras y metas',
  barriersTitle: 'Barreras',
  goalsTitle: 'Metas',
  noBarriers: 'No hay barreras registradas.',
  noGoals: 'No hay metas.',
  barrierKind: {
    transport: 'Transporte', cost: 'Costo', language: 'Idioma', technology: 'Tecnología', trust: 'Confianza',
    health_literacy: 'Conocimientos de salud', caregiving: 'Tareas de cuidado', housing: 'Vivienda', food: 'Alimentación', other: 'Otra',
  },
  barrierStatus: { open: 'Abierta', resolved: 'Resuelta' },
  identifiedOn: (date) => `detectada el ${date}`,
  resolvedOn: (date) => `resuelta el ${date}`,
  markResolved: 'Marcar resuelta',
  addBarrier: 'Agregar barrera',
  barrierKindLabel: 'Barrera',
  detailLabel: 'Detalle',
  detailRequired: 'Describa la barrera cuando elija “Otra”.',
  goalStatus: { active: 'Activa', met: 'Cumplida', dropped: 'Abandonada' },
  setOn: (date) => `fijada el ${date}`,
  targetOn: (date) => `plazo ${date}`,
  addGoal: 'Agregar meta',
  goalText: 'Meta',
  targetDateOptional: 'Fecha objetivo (opcional)',
  goalRequired: 'Describa la meta.',

  portalRpmTitle: 'Portal y monitoreo remoto',
  portalSteps: 'Pasos para el portal',
  portalStep: {
    emailCreated: 'Correo creado',
    accountActivated: 'Cuenta activada',
    firstLoginTaught: 'Primer ingreso enseñado',
  },
  devicesTitle: 'Dispositivos de monitoreo',
  noDevices: 'No hay dispositivos instalados.',
  deviceKind: {
    bp_cuff: 'Tensiómetro',
    glucometer: 'Glucómetro',
    scale: 'Báscula',
    pulse_oximeter: 'Oxímetro de pulso',
  },
  deviceStage: { set_up: 'Instalado', taught: 'Paciente capacitado', transmitting: 'Transmitiendo' },
  stageOf: (device) => `${device}: etapa`,
  since: (date) => `desde el ${date}`,
  addDevice: 'Agregar dispositivo',
  deviceKindLabel: 'Dispositivo',

  statusLabel: 'Estado',
  evidenceLabel: 'Evidencia (qué se hizo, cuándo, dónde)',
  evidenceRequired: 'Para cerrar la brecha hace falta evidencia: escriba qué se hizo, cuándo y dónde.',
  closedOn: (date) => `cerrada el ${date}`,

  addAppointment: 'Agregar cita',
  providerLabel: 'Proveedor',
  reasonLabel: 'Motivo',
  whenLabel: 'Fecha y hora',
  modeLabel: 'Modalidad',
  providerRequired: 'Escriba el proveedor.',
  whenRequired: 'Elija la fecha y la hora.',
  whenInPast: 'Fecha y hora: una cita nueva no puede ser en el pasado.',
  whenTooFar: `Fecha y hora: elija una fecha dentro de ${MAX_YEARS_AHEAD} años.`,
  confirmStatus: {
    no_show: '¿Marcar que el paciente no se presentó? Se agregará una tarea de seguimiento.',
    cancelled: '¿Marcar la cita como cancelada? Se agregará una tarea de seguimiento.',
  },
  followUpAdded: 'Se agregó una tarea de seguimiento.',
  statusError: {
    not_found: 'Esta cita ya no está en este dispositivo.',
    signed_out: 'Vuelva a iniciar sesión para cambiar citas.',
  },

  confirmTitle: {
    removeContact: '¿Quitar este contacto?',
    removeCaregiver: '¿Quitar a esta persona?',
    no_show: '¿Marcar como no se presentó?',
    cancelled: '¿Marcar como cancelada?',
  },
  confirmStatusButton: { no_show: 'Marcar que no se presentó', cancelled: 'Marcar como cancelada' },
};

export const RECORD_TEXT: Record<Locale, RecordText> = { en, es };

export function useRecordText(): RecordText {
  return RECORD_TEXT[useI18n().locale];
}
