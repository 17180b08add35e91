/**
 * A supervisor's review of a signed note (issue #11, "Review"): an addendum written from the
 * office, marked `review`, optionally co-signing the note. The note itself never changes
 * (S10); the review is a record of its own that reaches the author's device on their next
 * pull. Pure: who may review is the policy's (`note.review`), writing it is the server's.
 */
import type { Addendum, AddendumReview, ContactNote } from './contactNote';

export type ReviewRefusal = 'not_signed' | 'text_missing';

/** Why this review cannot be written on this note; null when it can. Only a signed note is reviewed. */
export function reviewRefusal(note: Pick<ContactNote, 'status'>, text: string): ReviewRefusal | null {
  if (note.status !== 'signed') return 'not_signed';
  if (text.trim() === '') return 'text_missing';
  return null;
}

/** Whether an addendum is a supervisor's review (and not the author's own correction). */
export function isReview(a: Pick<Addendum, 'review'>): boolean {
  return a.review !== undefined && a.review !== null;
}

/** The reviews among a note's addenda, oldest first. */
export function reviewsOf<A extends { readonly noteId: string; readonly at: string; readonly review?: AddendumReview | null }>(addenda: readonly A[], noteId: string): A[] {
  return addenda.filter((a) => a.noteId === noteId && isReview(a)).sort((a, b) => a.at.localeCompare(b.at));
}
