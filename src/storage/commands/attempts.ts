/**
 * Attempts are contacts: a door nobody opened or a call nobody answered is recorded with one
 * tap as a short note, signed at once (outcome "not home" / "no answer", the retry date as the
 * next contact due), so every attempt is counted and the patient's last contact and next due
 * date move in the same transaction. A signed attempt is corrected like any note: an addendum,
 * or "entered in error".
 */
import type { ContactMode, ContactNote } from '../../domain/contactNote';
import { createChange } from '../../domain/entities';
import type { NoteId, PatientId, UserId } from '../../domain/ids';
import { defaultNextContact } from '../../domain/nextContact';
import { signNote } from '../../domain/noteSigning';
import { hashNoteContent } from '../hashNote';
import { readSession } from '../session';
import { openPatientRecords, readRawPatientRecords, readRecord } from '../readRecords';
import { writeChanges } from '../writeChanges';
import { isoNow, type CommandDeps } from './commandDeps';

export type AttemptOutcome = 'not_home' | 'no_answer';
export type AttemptResult = { ok: true; note: ContactNote } | { ok: false; code: 'signed_out' | 'not_found' };

export async function recordAttempt(
  deps: CommandDeps,
  input: { readonly patientId: string; readonly outcome: AttemptOutcome },
): Promise<AttemptResult> {
  const session = await readSession(deps);
  if (!session) return { ok: false, code: 'signed_out' };
  const patient = await readRecord(deps.db, deps.codec, 'patient', input.patientId);
  if (!patient) return { ok: false, code: 'not_found' };
  const now = isoNow(deps);
  const mode: ContactMode = input.outcome === 'no_answer' ? 'phone_call' : patient.facilityId ? 'facility_visit' : 'home_visit';
  const draft: ContactNote = {
    id: deps.newId() as NoteId,
    patientId: input.patientId as PatientId,
    authorId: session.user.id as UserId,
    authorName: session.user.name,
    status: 'draft',
    mode,
    contactAt: now,
    durationMinutes: null,
    outcome: input.outcome,
    activities: [],
    text: '',
    followUps: [],
    escalation: null,
    nextContactDue: defaultNextContact(input.outcome, patient, deps.today()),
    createdAt: now,
    updatedAt: now,
    signedAt: null,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
  };
  const records = await openPatientRecords(await readRawPatientRecords(deps.db, input.patientId), deps.codec);
  const res = signNote(draft, {
    now,
    today: deps.today(),
    signerName: session.user.name,
    signerId: session.user.id as UserId,
    contentHash: await hashNoteContent(draft),
    newId: deps.newId,
    patient,
    appointments: records.appointment,
    careGaps: records.careGap,
    barriers: records.barrier,
    goals: records.goal,
    rpmDevices: records.rpmDevice,
    tasks: records.task,
  });
  // An attempt has an outcome, no activities and dates taken from this clock: it always signs.
  if (!res.ok) throw new Error(`an attempt did not sign: ${res.problems.join(', ')}`);
  // A new note arrives signed (the server checks its seal): one create, not a draft then a sign.
  const others = res.changes.filter((c) => c.kind !== 'note');
  await writeChanges(deps.db, deps.codec, [createChange('note', res.note), ...others], deps);
  return { ok: true, note: res.note };
}
