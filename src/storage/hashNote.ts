/** SHA-256 over a note's canonical content: the seal that shows a signed note never changed. */
import { canonicalJson, noteContent, type NoteContent } from '../domain/contactNote';

export async function hashNoteContent(note: NoteContent): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(noteContent(note)));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
