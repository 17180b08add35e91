/** Words of the conflict inbox and the refused-changes list, in English and Spanish. */
import type { RejectionReason } from '../../../protocol/wire';
import type { RefusalCommandError } from '../../../storage/commands/refusals';
import type { Locale } from '../../i18n/I18n';
import { pluralIn } from '../../i18n/plural';

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

const en = {
  title: 'Conflicts to review',
  nav: (n: number) => (n > 0 ? `Conflicts (${n})` : 'Conflicts'),
  intro: 'Two people changed the same thing without seeing each other’s change. The later change is on the record; the other value is kept here so nothing is lost.',
  none: 'No conflicts to review.',
  current: 'On the record now',
  overwritten: 'Overwritten',
  byAt: (who: string, when: string) => `${who}, ${when}`,
  yours: '(you)',
  keep: 'Keep the value on the record',
  restore: 'Restore the overwritten value',
  empty: '(empty)',
  refusedTitle: 'Changes the server refused',
  refusedIntro: 'These changes were not applied. They are kept here; redo them if they are still needed.',
  refusedNone: 'No refused changes.',
  refusedWhat: {
    create: 'Adding this record',
    sign: 'Signing this note',
    change: (fields: string) => `Changes to ${fields}`,
  },
  refusedField: (field: string) => `The value of “${field}” was not accepted.`,
  refusedAt: (when: string) => `Refused ${when}`,
  refusedTyped: 'What was typed',
  open: 'Open',
  copy: 'Copy the text',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the text below instead.',
  redo: 'Redo as a new change',
  redoNote: 'Reopen as a draft',
  dismiss: 'Done, remove from this list',
  redoFailed: {
    not_found: 'This refusal is no longer on the device.',
    patient_gone: 'The patient is no longer on this device, so the change cannot be redone here. Copy the text and give it to the office.',
    record_gone: 'The record is no longer on this device. Copy the text to keep it.',
    signed_out: 'Sign in again to redo this change.',
  } satisfies Record<RefusalCommandError, string>,
  reason: {
    out_of_scope: 'The patient is no longer in your territory.',
    invalid: 'The change was not valid.',
    note_signed: 'The note was already signed; add an addendum instead.',
    deleted: 'The record was deleted.',
    not_found: 'The record no longer exists.',
    forbidden_kind: 'You may not change this kind of record.',
  } satisfies Record<RejectionReason, string> as Readonly<Record<string, string>>,
  pending: (n: number) => enPlural(n, { one: '# change not yet synced', other: '# changes not yet synced' }),
  allSynced: 'All changes synced',
  uploading: 'Sending changes…',
};
export type ConflictText = typeof en;

const es: ConflictText = {
  title: 'Conflictos por revisar',
  nav: (n) => (n > 0 ? `Conflictos (${n})` : 'Conflictos'),
  intro: 'Dos personas cambiaron lo mismo sin ver el cambio de la otra. El cambio más reciente está en el registro; el otro valor se guarda aquí para que nada se pierda.',
  none: 'No hay conflictos por revisar.',
  current: 'En el registro ahora',
  overwritten: 'Sobrescrito',
  byAt: (who, when) => `${who}, ${when}`,
  yours: '(usted)',
  keep: 'Conservar el valor del registro',
  restore: 'Restaurar el valor sobrescrito',
  empty: '(vacío)',
  refusedTitle: 'Cambios rechazados por el servidor',
  refusedIntro: 'Estos cambios no se aplicaron. Se guardan aquí; vuelva a hacerlos si todavía hacen falta.',
  refusedNone: 'No hay cambios rechazados.',
  refusedWhat: {
    create: 'Agregar este registro',
    sign: 'Firmar esta nota',
    change: (fields) => `Cambios en ${fields}`,
  },
  refusedField: (field) => `No se aceptó el valor de «${field}».`,
  refusedAt: (when) => `Rechazado el ${when}`,
  refusedTyped: 'Lo que se escribió',
  open: 'Abrir',
  copy: 'Copiar el texto',
  copied: 'Copiado',
  copyFailed: 'No se pudo copiar; seleccione el texto de abajo.',
  redo: 'Rehacer como un cambio nuevo',
  redoNote: 'Reabrir como borrador',
  dismiss: 'Listo, quitar de esta lista',
  redoFailed: {
    not_found: 'Este rechazo ya no está en el dispositivo.',
    patient_gone: 'El paciente ya no está en este dispositivo, así que el cambio no se puede rehacer aquí. Copie el texto y entréguelo a la oficina.',
    record_gone: 'El registro ya no está en este dispositivo. Copie el texto para conservarlo.',
    signed_out: 'Inicie sesión de nuevo para rehacer este cambio.',
  },
  reason: {
    out_of_scope: 'El paciente ya no está en su territorio.',
    invalid: 'El cambio no era válido.',
    note_signed: 'La nota ya estaba firmada; agregue una adenda.',
    deleted: 'El registro fue eliminado.',
    not_found: 'El registro ya no existe.',
    forbidden_kind: 'No puede cambiar este tipo de registro.',
  },
  pending: (n) => esPlural(n, { one: '# cambio sin sincronizar', other: '# cambios sin sincronizar' }),
  allSynced: 'Todos los cambios sincronizados',
  uploading: 'Enviando cambios…',
};

export const CONFLICT_TEXT: Record<Locale, ConflictText> = { en, es };
