/**
 * Generic record commands for the patient record: save a new or changed record (contact
 * point, caregiver, barrier, goal, device, care gap, questionnaire response, patient fields)
 * and change an appointment's status with its follow-up task.
 */
import type { AppointmentStatus } from '../../domain/appointment';
import { appointmentStatusChanges } from '../../domain/appointmentStatus';
import { createChange, updateChange, type EntityKind, type EntityTypes } from '../../domain/entities';
import type { UserId } from '../../domain/ids';
import { readSession } from '../session';
import { readRecord } from '../readRecords';
import { writeChanges } from '../writeChanges';
import { isoNow, type CommandDeps } from './commandDeps';

/** Kinds a person edits directly; notes, addenda, escalations and consent events have their own commands. */
export type EditableKind = Exclude<EntityKind, 'facility' | 'note' | 'addendum' | 'escalation' | 'conflict' | 'consentEvent'>;

export async function saveRecord<K extends EditableKind>(
  deps: CommandDeps,
  kind: K,
  value: EntityTypes[K],
): Promise<{ ok: true; changed: boolean }> {
  const before = await readRecord(deps.db, deps.codec, kind, value.id);
  const change = before ? updateChange(kind, before, value) : createChange(kind, value);
  if (change) await writeChanges(deps.db, deps.codec, [change], deps);
  return { ok: true, changed: change !== null };
}

/**
 * Changes some fields of a stored record. The rest is read from storage inside the command,
 * so two quick edits of different fields from screens that had not caught up yet never undo
 * each other.
 */
export async function updateRecord<K extends EditableKind>(
  deps: CommandDeps,
  kind: K,
  id: string,
  patch: Partial<EntityTypes[K]>,
): Promise<{ ok: true; changed: boolean } | { ok: false; code: 'not_found' }> {
  const before = await readRecord(deps.db, deps.codec, kind, id);
  if (!before) return { ok: false, code: 'not_found' };
  const change = updateChange(kind, before, { ...before, ...patch, id: before.id });
  if (change) await writeChanges(deps.db, deps.codec, [change], deps);
  return { ok: true, changed: change !== null };
}

export async function setAppointmentStatus(
  deps: CommandDeps,
  appointmentId: string,
  status: AppointmentStatus,
): Promise<{ ok: true } | { ok: false; code: 'not_found' | 'signed_out' }> {
  const appt = await readRecord(deps.db, deps.codec, 'appointment', appointmentId);
  const patient = appt ? await readRecord(deps.db, deps.codec, 'patient', appt.patientId) : undefined;
  if (!appt || !patient) return { ok: false, code: 'not_found' };
  const session = await readSession(deps);
  if (!session) return { ok: false, code: 'signed_out' };
  const changes = appointmentStatusChanges(appt, status, {
    now: isoNow(deps),
    today: deps.today(),
    ownerName: session.user.name,
    ownerId: session.user.id as UserId,
    newId: deps.newId,
    patient,
  });
  await writeChanges(deps.db, deps.codec, changes, deps);
  return { ok: true };
}
