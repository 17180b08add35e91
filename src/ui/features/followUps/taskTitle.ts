/**
 * A task's title in words: the app's own titles (a TaskTitleTemplate) from the catalogue in
 * the reader's language with the appointment time in their locale; a person's typed title,
 * or an older record's, as written.
 */
import type { Task } from '../../../domain/task';
import { useI18n } from '../../i18n/I18n';
import type { FollowUpsText } from './followUpsText';
import { FOLLOW_UPS_TEXT } from './followUpsText';

export type TaskTitled = Pick<Task, 'title' | 'titleTemplate'>;

export function taskTitle(task: TaskTitled, text: FollowUpsText, formatDateTime: (iso: string) => string): string {
  const t = task.titleTemplate;
  if (!t) return task.title;
  return text.titleTemplate[t.code](t.provider, t.startsAt ? formatDateTime(t.startsAt) : null, t.reason);
}

/** `taskTitle` in the language the app is showing. */
export function useTaskTitle(): (task: TaskTitled) => string {
  const { locale, formatDateTime } = useI18n();
  return (task) => taskTitle(task, FOLLOW_UPS_TEXT[locale], formatDateTime);
}
