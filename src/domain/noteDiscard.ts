/**
 * Discarding a draft note: the one way a note is deleted. Only its author may, and only while
 * it is a draft; a signed note is part of the record for good (corrected by addenda, or marked
 * entered in error). The discard is a tombstone that syncs, so the draft disappears from every
 * device. The device and the server ask the same question here.
 */
import type { ContactNote } from './contactNote';

export type DiscardRefusal = 'not_a_draft' | 'not_author';

export function discardRefusal(note: Pick<ContactNote, 'status' | 'authorId'>, userId: string): DiscardRefusal | null {
  if (note.status !== 'draft') return 'not_a_draft';
  if (note.authorId !== userId) return 'not_author';
  return null;
}
