/**
 * S10 on the server: what may happen to a contact note. A draft belongs to its author and
 * changes freely; signing seals its content with a hash the server recomputes; a signed note
 * changes only by being marked "entered in error" (with its reason); after that, never.
 * Corrections are addenda, records of their own. Pure: the caller loads and writes.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, CONTENT_FIELDS, noteContent, type NoteContent } from '../../../src/domain/contactNote';
import type { RejectionReason } from '../../../src/protocol/wire';
import { sameValue } from './fieldMerge';

export type NoteVerdict = { ok: true } | { ok: false; reason: Extract<RejectionReason, 'note_signed' | 'invalid'>; message: string };

type NoteData = Readonly<Record<string, unknown>>;

const OK: NoteVerdict = { ok: true };
const SEALED = new Set<string>([...CONTENT_FIELDS, 'contentHash']);
/** The only fields an "entered in error" change may carry besides unchanged ones. */
const ERROR_MARK_FIELDS = new Set(['status', 'enteredInError', 'updatedAt']);

export function contentHashOf(note: NoteData): string {
  return createHash('sha256')
    .update(canonicalJson(noteContent(note as unknown as NoteContent)))
    .digest('hex');
}

/** A new note: written by the signed-in person, and if it arrives signed, with a true seal. */
export function checkNoteCreate(note: NoteData, userId: string): NoteVerdict {
  if (note.authorId !== userId) return invalid('authorId: a note can only be written by its author');
  if (note.status === 'entered_in_error') return invalid('status: only a signed note can be entered in error');
  return note.status === 'signed' ? checkSeal(note) : OK;
}

/** A change to a stored note, before merging (`values` as the device sent them). */
export function checkNoteUpdate(stored: NoteData, values: NoteData, userId: string): NoteVerdict {
  const changed = Object.keys(values).filter((field) => !sameValue(values[field], stored[field]));
  if (changed.length === 0) return OK;
  switch (stored.status) {
    case 'draft':
      if (stored.authorId !== userId) return invalid('This draft belongs to another person; only its author can change it');
      if (values.status === 'entered_in_error') return invalid('status: only a signed note can be entered in error');
      return OK;
    case 'signed': {
      const sealed = changed.find((field) => SEALED.has(field));
      if (sealed) return signed(`${sealed}: a signed note's content cannot change; add an addendum instead`);
      const other = changed.find((field) => !ERROR_MARK_FIELDS.has(field));
      if (other) return signed(`${other}: a signed note cannot change, except to be marked entered in error`);
      if (values.status !== 'entered_in_error') return signed('status: a signed note can only be marked entered in error');
      if (values.enteredInError === null || values.enteredInError === undefined) {
        return invalid('enteredInError: the reason is required to mark a note entered in error');
      }
      if (!markedBy(values.enteredInError, userId)) return invalid('enteredInError.byId: must name the signed-in user');
      return OK;
    }
    default:
      return signed(`${changed[0]}: this note was entered in error and cannot change`);
  }
}

/** Who marked it comes from the session: a mark naming someone else is refused (older marks name no one). */
function markedBy(mark: unknown, userId: string): boolean {
  const byId = (mark as { byId?: unknown }).byId;
  return byId === undefined || byId === null || byId === userId;
}

/**
 * After merging: a draft that became signed must carry the hash of the content it now holds.
 * Checked on the merged note, so content that changed concurrently on another device breaks
 * the seal instead of being sealed unseen.
 */
export function checkSigning(stored: NoteData, merged: NoteData): NoteVerdict {
  return stored.status === 'draft' && merged.status === 'signed' ? checkSeal(merged) : OK;
}

function checkSeal(note: NoteData): NoteVerdict {
  if (note.contentHash !== contentHashOf(note)) {
    return invalid("contentHash: does not match the note's content (SHA-256 of its canonical JSON)");
  }
  return OK;
}

function invalid(message: string): NoteVerdict {
  return { ok: false, reason: 'invalid', message };
}

function signed(message: string): NoteVerdict {
  return { ok: false, reason: 'note_signed', message };
}
