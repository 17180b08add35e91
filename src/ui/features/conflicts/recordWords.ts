/**
 * Records and their fields in words, for the conflict inbox and the refused changes: a person
 * reads "Home visit note, 2 Dec 2026, 1:03 PM · Notes", never `note · text`. Field names the
 * catalogue does not know are said as "other details", so no raw name reaches the screen.
 */
import type { EntityKind } from '../../../domain/entities';
import type { Locale } from '../../i18n/I18n';
import { NOTE_TEXT } from '../note/noteText';

const en = {
  kind: {
    patient: 'Patient details',
    facility: 'Facility',
    careGap: 'Care gap',
    appointment: 'Appointment',
    contactPoint: 'Phone or email',
    caregiver: 'Caregiver',
    barrier: 'Barrier',
    goal: 'Goal',
    rpmDevice: 'Monitoring device',
    note: 'Contact note',
    addendum: 'Addendum',
    task: 'Follow-up task',
    escalation: 'Urgent escalation',
    questionnaireResponse: 'Questionnaire',
    conflict: 'Conflict decision',
  } satisfies Record<EntityKind, string>,
  noteOf: (mode: string, when: string) => `${mode} note, ${when}`,
  field: {
    givenName: 'First name',
    familyName: 'Last name',
    birthDate: 'Date of birth',
    sex: 'Sex',
    language: 'Preferred language',
    interpreterNeeded: 'Interpreter needed',
    address: 'Address',
    facilityId: 'Facility',
    room: 'Room',
    accessNotes: 'Access notes',
    bestTimeToCall: 'Best time to call',
    portal: 'Patient portal',
    portalSteps: 'Portal steps',
    rpm: 'Remote monitoring',
    lastContactAt: 'Last contact',
    nextDueDate: 'Next contact due',
    noShowFollowUp: 'No-show follow-up',
    text: 'Notes',
    outcome: 'Outcome',
    activities: 'Activities',
    escalation: 'Urgent escalation',
    status: 'Status',
    signedAt: 'Signature',
    contentHash: 'Signature',
    durationMinutes: 'Duration',
    contactAt: 'Date and time of contact',
    mode: 'Type of contact',
    followUps: 'Follow-ups',
    enteredInError: 'Entered in error',
    value: 'Number or address',
    consent: 'Consent',
    name: 'Name',
    relationship: 'Relationship',
    phone: 'Phone',
    primary: 'Main contact',
    removed: 'Removed',
    detail: 'Details',
    title: 'Title',
    dueDate: 'Due date',
    startsAt: 'Date and time',
    provider: 'Provider',
    targetDate: 'Target date',
    stage: 'Stage',
    reason: 'Reason',
  } as Readonly<Record<string, string>>,
  otherDetails: 'other details',
  yes: 'yes',
  no: 'no',
  empty: '(empty)',
};
export type RecordWords = typeof en;

const es: RecordWords = {
  kind: {
    patient: 'Datos del paciente',
    facility: 'Centro',
    careGap: 'Brecha de atención',
    appointment: 'Cita',
    contactPoint: 'Teléfono o correo',
    caregiver: 'Cuidador/a',
    barrier: 'Barrera',
    goal: 'Meta',
    rpmDevice: 'Dispositivo de monitoreo',
    note: 'Nota de contacto',
    addendum: 'Adenda',
    task: 'Tarea de seguimiento',
    escalation: 'Escalamiento urgente',
    questionnaireResponse: 'Cuestionario',
    conflict: 'Decisión sobre un conflicto',
  },
  noteOf: (mode, when) => `Nota de ${mode.toLowerCase()}, ${when}`,
  field: {
    givenName: 'Nombre',
    familyName: 'Apellido',
    birthDate: 'Fecha de nacimiento',
    sex: 'Sexo',
    language: 'Idioma preferido',
    interpreterNeeded: 'Necesita intérprete',
    address: 'Dirección',
    facilityId: 'Centro',
    room: 'Habitación',
    accessNotes: 'Indicaciones de acceso',
    bestTimeToCall: 'Mejor hora para llamar',
    portal: 'Portal del paciente',
    portalSteps: 'Pasos del portal',
    rpm: 'Monitoreo remoto',
    lastContactAt: 'Último contacto',
    nextDueDate: 'Próximo contacto',
    noShowFollowUp: 'Seguimiento de inasistencia',
    text: 'Notas',
    outcome: 'Resultado',
    activities: 'Actividades',
    escalation: 'Escalamiento urgente',
    status: 'Estado',
    signedAt: 'Firma',
    contentHash: 'Firma',
    durationMinutes: 'Duración',
    contactAt: 'Fecha y hora del contacto',
    mode: 'Tipo de contacto',
    followUps: 'Seguimientos',
    enteredInError: 'Registrada por error',
    value: 'Número o dirección',
    consent: 'Consentimiento',
    name: 'Nombre',
    relationship: 'Parentesco',
    phone: 'Teléfono',
    primary: 'Contacto principal',
    removed: 'Eliminado',
    detail: 'Detalles',
    title: 'Título',
    dueDate: 'Fecha límite',
    startsAt: 'Fecha y hora',
    provider: 'Proveedor',
    targetDate: 'Fecha meta',
    stage: 'Etapa',
    reason: 'Motivo',
  },
  otherDetails: 'otros datos',
  yes: 'sí',
  no: 'no',
  empty: '(vacío)',
};

const WORDS: Record<Locale, RecordWords> = { en, es };

export interface Formatters {
  readonly locale: Locale;
  readonly formatDateTime: (iso: string) => string;
}

/** "Notes, Outcome", or "other details" for fields the catalogue does not name. */
export function fieldsInWords(fields: readonly string[], { locale }: Pick<Formatters, 'locale'>): string {
  const w = WORDS[locale];
  const named = [...new Set(fields.map((f) => w.field[f] ?? w.otherDetails))];
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(named);
}

export function kindInWords(kind: EntityKind, { locale }: Pick<Formatters, 'locale'>): string {
  return WORDS[locale].kind[kind] ?? WORDS[locale].otherDetails;
}

/** The record as a person recognises it: "Home visit note, 2 Dec 2026, 1:03 PM", "Goal: Walk daily". */
export function recordInWords(kind: EntityKind, record: Readonly<Record<string, unknown>> | null, f: Formatters): string {
  const w = WORDS[f.locale];
  const label = kindInWords(kind, f);
  const text = (key: string) => (typeof record?.[key] === 'string' && record[key] !== '' ? (record[key] as string) : null);
  if (kind === 'note' && record) {
    const mode = NOTE_TEXT[f.locale].mode[record.mode as keyof (typeof NOTE_TEXT)['en']['mode']];
    const at = text('contactAt');
    if (mode && at) return w.noteOf(mode, f.formatDateTime(at));
  }
  if (kind === 'appointment' && text('startsAt')) return `${label}, ${f.formatDateTime(text('startsAt') as string)}`;
  const detail = text('title') ?? text('text') ?? text('name') ?? text('value') ?? text('detail') ?? text('provider');
  return detail ? `${label}: ${detail}` : label;
}

/** A stored value in words: text as it is, yes/no, lists and details joined; never JSON. */
export function valueInWords(value: unknown, { locale }: Pick<Formatters, 'locale'>): string {
  const w = WORDS[locale];
  const leaves = (v: unknown): string[] => {
    if (v === null || v === undefined || v === '') return [];
    if (typeof v === 'boolean') return [v ? w.yes : w.no];
    if (typeof v === 'string' || typeof v === 'number') return [String(v)];
    if (Array.isArray(v)) return v.flatMap(leaves);
    return Object.values(v as Record<string, unknown>).flatMap(leaves);
  };
  const parts = leaves(value);
  return parts.length ? parts.join(', ') : w.empty;
}
