import { useI18n } from '../../i18n/I18n';
import { NOTE_TEXT, type NoteText } from './noteText';

export function useNoteText(): NoteText {
  return NOTE_TEXT[useI18n().locale];
}

/** `<input type=datetime-local>` speaks local wall time; records keep UTC instants. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
