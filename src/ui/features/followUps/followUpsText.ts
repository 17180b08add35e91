/** Words of the Follow-ups screen in English and Spanish. */
import type { TaskDue } from '../../../domain/task';
import type { TaskKind } from '../../../domain/task';
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
};

export const FOLLOW_UPS_TEXT: Record<Locale, FollowUpsText> = { en, es };
