/** Words of the Follow-ups screen in English and Spanish. */
import type { TaskDue } from '../../../domain/task';
import type { TaskKind, TaskTitleCode } from '../../../domain/task';
import type { Locale } from '../../i18n/I18n';
import { pluralIn } from '../../i18n/plural';

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

const en = {
  title: 'Follow-ups',
  nav: 'Follow-ups',
  show: 'Show',
  filter: { overdue: 'Overdue', today: 'Due today', all: 'All open' },
  sortBy: 'Sort by',
  sort: { due: 'Due date', patient: 'Patient' },
  kind: { follow_up: 'Follow-up', no_show: 'Missed appointment', cancellation: 'Cancelled appointment', reminder: 'Reminder' } satisfies Record<TaskKind, string>,
  due: { overdue: 'Overdue', today: 'Today', upcoming: 'Upcoming' } satisfies Record<TaskDue, string>,
  complete: 'Complete',
  completeLabel: (title: string, patient: string) => `Complete: ${title}, ${patient}`,
  none: 'Nothing to follow up here.',
  count: (n: number) => enPlural(n, { one: '# task', other: '# tasks' }),
  prefill: (kind: string, title: string) => `Follow-up (${kind}): ${title}`,

  // Titles the app writes (TaskTitleTemplate): provider, the appointment's time already
  // formatted for the reader (or null), and its reason ('' when unknown).
  titleTemplate: {
    rebook_missed_appointment: (provider: string, when: string | null, reason: string) =>
      `Call to rebook the missed visit with ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
    follow_up_cancelled_appointment: (provider: string, when: string | null, reason: string) =>
      `Call about the cancelled visit with ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
    reminder_before_appointment: (provider: string, when: string | null, reason: string) =>
      `Reminder call before the visit with ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
  } satisfies Record<TaskTitleCode, (provider: string, when: string | null, reason: string) => string>,
};
export type FollowUpsText = typeof en;

const es: FollowUpsText = {
  title: 'Seguimientos',
  nav: 'Seguimientos',
  show: 'Mostrar',
  filter: { overdue: 'Vencidos', today: 'Vencen hoy', all: 'Todos los abiertos' },
  sortBy: 'Ordenar por',
  sort: { due: 'Fecha de vencimiento', patient: 'Paciente' },
  kind: { follow_up: 'Seguimiento', no_show: 'Cita perdida', cancellation: 'Cita cancelada', reminder: 'Recordatorio' },
  due: { overdue: 'Vencido', today: 'Hoy', upcoming: 'Próximo' },
  complete: 'Completar',
  completeLabel: (title, patient) => `Completar: ${title}, ${patient}`,
  none: 'No hay seguimientos aquí.',
  count: (n) => esPlural(n, { one: '# tarea', other: '# tareas' }),
  prefill: (kind, title) => `Seguimiento (${kind}): ${title}`,

  titleTemplate: {
    rebook_missed_appointment: (provider, when, reason) =>
      `Llamar para reprogramar la visita perdida con ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
    follow_up_cancelled_appointment: (provider, when, reason) =>
      `Llamar por la visita cancelada con ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
    reminder_before_appointment: (provider, when, reason) =>
      `Llamada de recordatorio antes de la visita con ${provider}${when ? ` (${when})` : ''}${reason ? `: ${reason}` : ''}`,
  },
};

export const FOLLOW_UPS_TEXT: Record<Locale, FollowUpsText> = { en, es };
