import { useI18n } from '../../i18n/I18n';
import { NOTE_TEXT, type NoteText } from './noteText';

export function useNoteText(): NoteText {
  return NOTE_TEXT[useI18n().locale];
}
