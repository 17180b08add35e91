/** Words of the Follow-ups screen in English and Spanish. */
import type { TaskDue } from '../../../domain/task';
import type { TaskKind } from '../../../domain/task';
import type { Locale } from '../../i18n/I18n';

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
  count: (n: number) => (n === 1 ? '1 task' : `${n} tasks`),
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
  count: (n) => (n === 1 ? '1 tarea' : `${n} tareas`),
  prefill: (kind, title) => `Seguimiento (${kind}): ${title}`,
};

export const FOLLOW_UPS_TEXT: Record<Locale, FollowUpsText> = { en, es };
