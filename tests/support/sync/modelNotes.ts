/**
 * Notes in the sync model test, written the way the note screen writes them: start a draft,
 * autosave it one field at a time (every tick and keystroke is a `saveDraft` of the whole
 * draft with one field changed), press Sign (which validation may stop), and mark a signed
 * note "entered in error". Remembers what the person last typed in every field of every draft,
 * so the checks can demand that all of it reached the server (modelChecks.ts).
 */
import { expect } from 'vitest';
import type { ContactNote } from '../../../src/domain/contactNote';
import { plainCodec } from '../../../src/storage/codec';
import { enterNoteInError, saveDraft, signNoteCommand, startNote } from '../../../src/storage/commands/notes';
import { readRecord } from '../../../src/storage/readRecords';
import type { Run } from './modelProgram';

/** One tick or keystroke on the note screen: the field it changes. */
export const NOTE_FIELDS = ['outcome', 'text', 'urgent', 'reason', 'duration'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

export interface Draft {
  /** The device (and so the author) that started it. */
  readonly c: number;
  /** The value the person last gave each field, as the note screen saved it. */
  readonly typed: Record<string, unknown>;
}

export async function noteStart(r: Run, c: number, patientId: string): Promise<void> {
  const started = await startNote(r.clients[c]!.commandDeps(), { patientId, mode: 'phone_call' });
  if (!started.ok) throw new Error(started.code);
  r.drafts.set(started.note.id, { c, typed: {} });
}

/** The k-th draft this run started on device c that the device still shows as a draft. */
async function ownDraft(r: Run, c: number, k: number): Promise<ContactNote | undefined> {
  const ids = [...r.drafts.entries()].filter(([, d]) => d.c === c).map(([id]) => id);
  if (ids.length === 0) return undefined;
  const note = await readRecord(r.clients[c]!.db, plainCodec, 'note', ids[k % ids.length]!);
  return note?.status === 'draft' ? note : undefined;
}

/** An autosave that changes one field of the draft, as the note screen makes it. */
export async function noteField(r: Run, c: number, k: number, field: NoteField): Promise<void> {
  const note = await ownDraft(r, c, k);
  if (!note) return;
  const unique = `#${r.no}.${++r.serial}`;
  const patch: Partial<ContactNote> =
    field === 'outcome'
      ? { outcome: note.outcome === 'reached' ? 'other' : 'reached' }
      : field === 'text'
        ? { text: `${note.text}Spoke with the patient ${unique}. ` }
        : field === 'urgent'
          ? // "Urgent" ticked: "What is urgent" starts empty, so Sign is stopped until it is filled.
            { escalation: note.escalation ? null : { severity: 'urgent', reason: '' } }
          : field === 'reason'
            ? { escalation: { severity: note.escalation?.severity ?? 'urgent', reason: `Chest pain ${unique}` } }
            : { durationMinutes: (note.durationMinutes ?? 0) + 5 };
  const res = await saveDraft(r.clients[c]!.commandDeps(), { ...note, ...patch });
  expect(res, `autosave of ${field} on note ${note.id}`).toEqual({ ok: true });
  Object.assign(r.drafts.get(note.id)!.typed, patch);
}

/** Sign pressed: validation may stop it (a draft without an outcome, or urgent without a reason). */
export async function noteSign(r: Run, c: number, k: number): Promise<void> {
  const note = await ownDraft(r, c, k);
  if (!note) return;
  const res = await signNoteCommand(r.clients[c]!.commandDeps(), note.id);
  if (res.ok) {
    r.signed.set(res.note.id, res.note.contentHash ?? '');
    return;
  }
  // The screen lists what is missing and the person fixes it; anything else is a failure.
  expect(res.code, `sign of note ${note.id}`).toBe('incomplete');
}

/** "Entered in error" on the k-th note of this run that device c shows as signed. */
export async function noteError(r: Run, c: number, k: number): Promise<void> {
  const client = r.clients[c]!;
  const notes: ContactNote[] = [];
  for (const id of [...r.signed.keys()].sort()) {
    const note = await readRecord(client.db, plainCodec, 'note', id);
    if (note?.status === 'signed') notes.push(note);
  }
  if (notes.length === 0) return;
  const note = notes[k % notes.length]!;
  const before = new Set((await client.db.outbox.toArray()).map((row) => row.mutationId));
  const res = await enterNoteInError(client.commandDeps(), note.id, `Wrong patient #${r.no}.${++r.serial}`);
  expect(res, `entered in error on note ${note.id}`).toEqual({ ok: true });
  for (const row of await client.db.outbox.where('entityKey').equals(`note:${note.id}`).toArray()) {
    if (!before.has(row.mutationId)) r.errorMarks.add(row.mutationId);
  }
}

