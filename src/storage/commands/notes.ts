/**
 * Contact note commands: start a draft, autosave it, discard it, sign it (with everything signing sets in
 * motion, see domain/noteSigning.ts), add an addendum, mark it entered in error. Each command
 * writes through writeChanges, so every change has its outbox row.
 */
import type { Addendum, ContactMode, ContactNote, NoteProblem } from '../../domain/contactNote';
import { createChange, deleteChange, updateChange } from '../../domain/entities';
import type { NoteId, PatientId, TaskId, UserId } from '../../domain/ids';
import { discardRefusal } from '../../domain/noteDiscard';
import { signNote } from '../../domain/noteSigning';
import { hashNoteContent } from '../hashNote';
import { readSession } from '../session';
import { openPatientRecords, readRawPatientRecords, readRecord } from '../readRecords';
import { writeChanges } from '../writeChanges';
import { isoNow, type CommandDeps } from './commandDeps';

export type NoteCommandError = 'signed_out' | 'not_found' | 'not_a_draft' | 'not_signed' | 'reason_missing' | 'text_missing' | 'not_author';

async function author(deps: CommandDeps) {
  const session = await readSession(deps);
  return session ? { id: session.user.id as UserId, name: session.user.name } : null;
}

export async function startNote(
  deps: CommandDeps,
  input: { patientId: string; mode: ContactMode; fromTaskId?: string; text?: string },
): Promise<{ ok: true; note: ContactNote } | { ok: false; code: NoteCommandError }> {
  const who = await author(deps);
  if (!who) return { ok: false, code: 'signed_out' };
  // A patient no longer on the device (moved away, evicted) gets no new notes here.
  if (!(await deps.db.patients.get(input.patientId))) return { ok: false, code: 'not_found' };
  const now = isoNow(deps);
  const note: ContactNote = {
    id: deps.newId() as NoteId,
    patientId: input.patientId as PatientId,
    authorId: who.id,
    authorName: who.name,
    status: 'draft',
    mode: input.mode,
    contactAt: now,
    durationMinutes: null,
    outcome: null,
    activities: [],
    text: input.text ?? '',
    followUps: [],
    escalation: null,
    createdAt: now,
    updatedAt: now,
    signedAt: null,
    fromTaskId: (input.fromTaskId as TaskId | undefined) ?? null,
    contentHash: null,
    enteredInError: null,
  };
  await writeChanges(deps.db, deps.codec, [{ ...createChange('note', note), coalesceKey: `note:${note.id}:draft` }], deps);
  return { ok: true, note };
}

/**
 * The note for a visit just done: the person's own draft for this patient started today, if
 * there is one (a second tap on "Done" must not start a second note), else a new draft.
 */
export async function openVisitNote(
  deps: CommandDeps,
  input: { patientId: string },
): Promise<{ ok: true; note: ContactNote } | { ok: false; code: NoteCommandError }> {
  const who = await author(deps);
  if (!who) return { ok: false, code: 'signed_out' };
  const patient = await readRecord(deps.db, deps.codec, 'patient', input.patientId);
  if (!patient) return { ok: false, code: 'not_found' };
  const { note: notes } = await openPatientRecords(await readRawPatientRecords(deps.db, input.patientId), deps.codec);
  const startOfDay = new Date(`${deps.today()}T00:00:00`).toISOString();
  const mine = notes
    .filter((n) => n.status === 'draft' && n.authorId === who.id && n.createdAt >= startOfDay)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (mine) return { ok: true, note: mine };
  return startNote(deps, { patientId: input.patientId, mode: patient.facilityId ? 'facility_visit' : 'home_visit' });
}

/** Autosave: called on every change a person makes to a draft. */
export async function saveDraft(deps: CommandDeps, draft: ContactNote): Promise<{ ok: true } | { ok: false; code: NoteCommandError }> {
  const stored = await readRecord(deps.db, deps.codec, 'note', draft.id);
  if (!stored) return { ok: false, code: 'not_found' };
  // A signed note never changes; a late autosave from a second tab must not reopen it.
  if (stored.status !== 'draft') return { ok: false, code: 'not_a_draft' };
  const next: ContactNote = { ...draft, status: 'draft', signedAt: null, contentHash: null, updatedAt: isoNow(deps) };
  const change = updateChange('note', stored, next);
  if (change) await writeChanges(deps.db, deps.codec, [{ ...change, coalesceKey: `note:${draft.id}:draft` }], deps);
  return { ok: true };
}

export async function signNoteCommand(
  deps: CommandDeps,
  noteId: string,
): Promise<{ ok: true; note: ContactNote } | { ok: false; code: NoteCommandError } | { ok: false; code: 'incomplete'; problems: readonly NoteProblem[] }> {
  const note = await readRecord(deps.db, deps.codec, 'note', noteId);
  if (!note) return { ok: false, code: 'not_found' };
  const patient = await readRecord(deps.db, deps.codec, 'patient', note.patientId);
  const who = await author(deps);
  if (!patient) return { ok: false, code: 'not_found' };
  if (!who) return { ok: false, code: 'signed_out' };
  const records = await openPatientRecords(await readRawPatientRecords(deps.db, note.patientId), deps.codec);
  const res = signNote(note, {
    now: isoNow(deps),
    today: deps.today(),
    signerName: who.name,
    signerId: who.id,
    contentHash: await hashNoteContent(note),
    newId: deps.newId,
    patient,
    appointments: records.appointment,
    careGaps: records.careGap,
    barriers: records.barrier,
    goals: records.goal,
    rpmDevices: records.rpmDevice,
    tasks: records.task,
  });
  if (!res.ok) {
    return res.problems.includes('not_a_draft')
      ? { ok: false, code: 'not_a_draft' }
      : { ok: false, code: 'incomplete', problems: res.problems as NoteProblem[] };
  }
  // Activities may have gained ids of the records they created: hash the final content.
  const signed = { ...res.note, contentHash: await hashNoteContent(res.note) };
  const changes = res.changes.map((c) => (c.kind === 'note' ? { ...c, value: signed } : c));
  await writeChanges(deps.db, deps.codec, changes, deps);
  return { ok: true, note: signed };
}

export async function addAddendum(
  deps: CommandDeps,
  noteId: string,
  text: string,
): Promise<{ ok: true; addendum: Addendum } | { ok: false; code: NoteCommandError }> {
  if (text.trim() === '') return { ok: false, code: 'text_missing' };
  const note = await readRecord(deps.db, deps.codec, 'note', noteId);
  if (!note) return { ok: false, code: 'not_found' };
  if (note.status === 'draft') return { ok: false, code: 'not_signed' };
  const who = await author(deps);
  if (!who) return { ok: false, code: 'signed_out' };
  const addendum: Addendum = {
    id: deps.newId(),
    noteId: note.id,
    patientId: note.patientId,
    authorId: who.id,
    authorName: who.name,
    at: isoNow(deps),
    text: text.trim(),
  };
  await writeChanges(deps.db, deps.codec, [createChange('addendum', addendum)], deps);
  return { ok: true, addendum };
}

export async function enterNoteInError(
  deps: CommandDeps,
  noteId: string,
  reason: string,
): Promise<{ ok: true } | { ok: false; code: NoteCommandError }> {
  if (reason.trim() === '') return { ok: false, code: 'reason_missing' };
  const note = await readRecord(deps.db, deps.codec, 'note', noteId);
  if (!note) return { ok: false, code: 'not_found' };
  if (note.status !== 'signed') return { ok: false, code: 'not_signed' };
  const who = await author(deps);
  if (!who) return { ok: false, code: 'signed_out' };
  const marked: ContactNote = {
    ...note,
    status: 'entered_in_error',
    enteredInError: { at: isoNow(deps), by: who.name, byId: who.id, reason: reason.trim() },
  };
  const change = updateChange('note', note, marked);
  if (change) await writeChanges(deps.db, deps.codec, [change], deps);
  return { ok: true };
}

/**
 * Discards a draft: its author only, before signing (noteDiscard.ts). The note leaves this
 * device at once and its tombstone syncs, so it leaves every other device too (S12).
 */
export async function discardDraft(deps: CommandDeps, noteId: string): Promise<{ ok: true } | { ok: false; code: NoteCommandError }> {
  const note = await readRecord(deps.db, deps.codec, 'note', noteId);
  if (!note) return { ok: false, code: 'not_found' };
  const who = await author(deps);
  if (!who) return { ok: false, code: 'signed_out' };
  const refusal = discardRefusal(note, who.id);
  if (refusal) return { ok: false, code: refusal };
  await writeChanges(deps.db, deps.codec, [deleteChange('note', note)], deps);
  return { ok: true };
}
