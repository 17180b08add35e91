/**
 * What a person can do with a change the server refused (S7, S7a): redo it as a new change,
 * or set it aside once dealt with. The refused change is already undone on the device; the
 * refusal keeps what was typed (the change and the whole record as it was shown).
 *
 * Redo means, by what was refused:
 * - a note: its content comes back as a draft the person can check and sign again: onto the
 *   same note while the server still has it as a draft, else as a new draft for the patient;
 * - a create of any other record: created again, under a new id (the old one was refused);
 * - a change to a record: the refused fields are written again onto the record as it is now.
 * A patient no longer on the device (moved out of the territory) cannot be redone here.
 */
import type { ContactNote } from '../../domain/contactNote';
import { createChange, updateChange, type EntityChange, type EntityKind, type EntityTypes } from '../../domain/entities';
import type { NoteId, TaskId } from '../../domain/ids';
import type { RejectionRow } from '../db';
import { readRecord } from '../readRecords';
import { writeChanges, type OutboxChange } from '../writeChanges';
import type { CommandDeps } from './commandDeps';
import { saveDraft, startNote } from './notes';

export type RefusalCommandError = 'not_found' | 'patient_gone' | 'record_gone' | 'signed_out';

export type RedoResult =
  | { readonly ok: true; readonly opened: { readonly kind: 'note'; readonly patientId: string; readonly noteId: string } | null }
  | { readonly ok: false; readonly code: RefusalCommandError };

/** The refusal with its change and record opened. */
export interface OpenedRefusal {
  readonly row: RejectionRow;
  readonly values: Readonly<Record<string, unknown>>;
  readonly record: Readonly<Record<string, unknown>> | null;
}

export async function openRefusal(deps: Pick<CommandDeps, 'codec'>, row: RejectionRow): Promise<OpenedRefusal> {
  const change = await deps.codec.open<OutboxChange>(row.body);
  const record = row.record === undefined ? null : await deps.codec.open<Record<string, unknown>>(row.record);
  return { row, values: change.values, record };
}

export async function dismissRefusal(deps: CommandDeps, seq: number): Promise<{ ok: true } | { ok: false; code: 'not_found' }> {
  if (!(await deps.db.rejections.get(seq))) return { ok: false, code: 'not_found' };
  await deps.db.rejections.delete(seq);
  return { ok: true };
}

export async function redoRefusal(deps: CommandDeps, seq: number): Promise<RedoResult> {
  const row = await deps.db.rejections.get(seq);
  if (!row) return { ok: false, code: 'not_found' };
  const refusal = await openRefusal(deps, row);
  const patientId = row.patientId ?? (refusal.record?.patientId as string | undefined) ?? null;
  if (row.reason === 'out_of_scope' || !patientId || !(await deps.db.patients.get(patientId))) return { ok: false, code: 'patient_gone' };
  const res = row.kind === 'note' ? await redoNote(deps, patientId, refusal) : await redoRecord(deps, refusal);
  if (res.ok) await deps.db.rejections.delete(seq);
  return res;
}

async function redoNote(deps: CommandDeps, patientId: string, { row, values, record }: OpenedRefusal): Promise<RedoResult> {
  const typed = { ...record, ...values } as Partial<ContactNote>;
  const current = await readRecord(deps.db, deps.codec, 'note', row.entityId);
  const content = {
    ...(typed.mode !== undefined ? { mode: typed.mode } : {}),
    ...(typed.contactAt !== undefined ? { contactAt: typed.contactAt } : {}),
    ...(typed.durationMinutes !== undefined ? { durationMinutes: typed.durationMinutes } : {}),
    ...(typed.outcome !== undefined ? { outcome: typed.outcome } : {}),
    ...(typed.activities !== undefined ? { activities: typed.activities } : {}),
    ...(typed.text !== undefined ? { text: typed.text } : {}),
    ...(typed.followUps !== undefined ? { followUps: typed.followUps } : {}),
    ...(typed.escalation !== undefined ? { escalation: typed.escalation } : {}),
  };
  if (current && current.status === 'draft') {
    const saved = await saveDraft(deps, { ...current, ...content });
    return saved.ok ? { ok: true, opened: { kind: 'note', patientId, noteId: current.id } } : { ok: false, code: 'record_gone' };
  }
  const started = await startNote(deps, { patientId, mode: typed.mode ?? 'phone_call' });
  if (!started.ok) return { ok: false, code: started.code === 'signed_out' ? 'signed_out' : 'patient_gone' };
  // Follow-ups become tasks under their own ids when signed; a new note must not reuse them.
  const followUps = (content.followUps ?? []).map((f) => ({ ...f, id: deps.newId() as TaskId }));
  const saved = await saveDraft(deps, { ...started.note, ...content, followUps, id: started.note.id as NoteId });
  if (!saved.ok) return { ok: false, code: 'record_gone' };
  return { ok: true, opened: { kind: 'note', patientId, noteId: started.note.id } };
}

async function redoRecord(deps: CommandDeps, { row, values, record }: OpenedRefusal): Promise<RedoResult> {
  const kind = row.kind as EntityKind;
  let change: EntityChange | null;
  if (row.op === 'create') {
    const value = { ...record, ...values, id: deps.newId() } as unknown as EntityTypes[typeof kind];
    change = createChange(kind, value);
  } else {
    const current = await readRecord(deps.db, deps.codec, kind, row.entityId);
    if (!current) return { ok: false, code: 'record_gone' };
    change = updateChange(kind, current, { ...current, ...values, id: current.id } as EntityTypes[typeof kind]);
  }
  if (change) await writeChanges(deps.db, deps.codec, [change], deps);
  return { ok: true, opened: null };
}
