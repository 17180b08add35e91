import { describe, expect, it } from 'vitest';
import { appointmentStatusChanges } from './appointmentStatus';
import type { ContactNote } from './contactNote';
import { canonicalJson } from './contactNote';
import type { IsoDate, IsoDateTime, NoteId, PatientId, TaskId, UserId } from './ids';
import { signNote, type SignContext } from './noteSigning';
import type { Patient } from './patient';
import type { Appointment } from './appointment';
import { reasonsFor } from './dayCandidates';
import { dueStateOf } from './roster';

const now = '2026-11-22T15:00:00.000Z' as IsoDateTime;
const today = '2026-11-22' as IsoDate;

const patient = {
  id: 'p1' as PatientId,
  lastContactAt: null,
  portal: 'not_enrolled',
  portalSteps: { emailCreated: false, accountActivated: false, firstLoginTaught: false },
  rpm: 'none',
  noShowFollowUp: false,
} as unknown as Patient;

function draft(over: Partial<ContactNote> = {}): ContactNote {
  return {
    id: 'n1' as NoteId,
    patientId: 'p1' as PatientId,
    authorId: 'u1' as UserId,
    authorName: 'Maria Santos',
    status: 'draft',
    mode: 'home_visit',
    contactAt: now,
    durationMinutes: 30,
    outcome: 'reached',
    activities: [],
    text: 'Visited at home.',
    followUps: [],
    escalation: null,
    createdAt: now,
    updatedAt: now,
    signedAt: null,
    fromTaskId: null,
    contentHash: null,
    enteredInError: null,
    ...over,
  };
}

let n = 0;
const ctx = (over: Partial<SignContext> = {}): SignContext => ({
  now,
  today,
  signerName: 'Maria Santos',
  signerId: 'user-maria' as UserId,
  contentHash: 'a'.repeat(64),
  newId: () => `id${++n}`,
  patient,
  appointments: [],
  careGaps: [],
  barriers: [],
  goals: [],
  rpmDevices: [],
  tasks: [],
  ...over,
});

describe('signing a note', () => {
  it('refuses a draft without an outcome, naming the problem, and changes nothing', () => {
    expect(signNote(draft({ outcome: null }), ctx())).toEqual({ ok: false, problems: ['outcome_missing'] });
  });

  it('refuses to sign twice', () => {
    expect(signNote(draft({ status: 'signed' }), ctx())).toEqual({ ok: false, problems: ['not_a_draft'] });
  });

  it('freezes the note with its hash and records the contact on the patient', () => {
    const res = signNote(draft(), ctx());
    if (!res.ok) throw new Error('expected ok');
    expect(res.note).toMatchObject({ status: 'signed', signedAt: now, contentHash: 'a'.repeat(64) });
    expect(res.changes.map((c) => `${c.kind}:${c.op}`)).toEqual(['note:update', 'patient:update']);
    expect(res.changes[1]?.value).toMatchObject({ lastContactAt: now });
  });

  it.each([
    [{ kind: 'appointment', action: 'set', provider: 'Dr. Lee', reason: 'Eye exam', startsAt: now, mode: 'telehealth', appointmentId: null }, ['appointment:create']],
    [{ kind: 'barrier', action: 'found', barrier: 'transport', barrierId: null, detail: 'No ride' }, ['barrier:create']],
    [{ kind: 'goal', action: 'set', text: 'Walk daily', goalId: null }, ['goal:create']],
    [{ kind: 'rpm', device: 'bp_cuff', action: 'setup' }, ['rpmDevice:create']],
    [{ kind: 'referral', to: 'social_worker', reason: 'Housing' }, ['referral:create']],
    [{ kind: 'education', topic: 'Blood pressure', materialGiven: true, teachBack: 'yes' }, []],
  ] as const)('activity %j creates %j', (activity, expected) => {
    const res = signNote(draft({ activities: [activity] }), ctx());
    if (!res.ok) throw new Error(JSON.stringify(res));
    const derived = res.changes.filter((c) => c.kind !== 'note' && c.kind !== 'patient').map((c) => `${c.kind}:${c.op}`);
    expect(derived).toEqual(expected);
  });

  it('sends a referral in the signer\'s name, with the note it came from', () => {
    const res = signNote(draft({ activities: [{ kind: 'referral', to: 'community_health_worker', reason: 'Food bank' }] }), ctx());
    if (!res.ok) throw new Error('expected ok');
    const referral = res.changes.find((c) => c.kind === 'referral')?.value;
    expect(referral).toMatchObject({
      noteId: res.note.id,
      to: 'community_health_worker',
      reason: 'Food bank',
      status: 'sent',
      sentAt: now,
      sentById: 'user-maria',
      sentByName: 'Maria Santos',
    });
  });

  it('links a booked appointment back into the signed note', () => {
    const res = signNote(
      draft({ activities: [{ kind: 'appointment', action: 'set', provider: 'Dr. Lee', reason: '', startsAt: now, mode: 'telehealth', appointmentId: null }] }),
      ctx(),
    );
    if (!res.ok) throw new Error('expected ok');
    const appt = res.changes.find((c) => c.kind === 'appointment');
    expect(res.note.activities[0]).toMatchObject({ appointmentId: appt?.value.id });
  });

  it('turns follow-ups into tasks and an escalation into a record for the care team', () => {
    const res = signNote(
      draft({
        followUps: [{ id: 't9' as TaskId, title: 'Call about results', dueDate: '2026-11-29' as IsoDate, ownerName: '' }],
        escalation: { reason: 'Chest pain', severity: 'emergency' },
      }),
      ctx(),
    );
    if (!res.ok) throw new Error('expected ok');
    const task = res.changes.find((c) => c.kind === 'task');
    expect(task?.value).toMatchObject({ id: 't9', kind: 'follow_up', ownerName: 'Maria Santos', ownerId: 'user-maria', sourceNoteId: 'n1' });
    expect(res.changes.find((c) => c.kind === 'escalation')?.value).toMatchObject({ reason: 'Chest pain', severity: 'emergency', status: 'open' });
  });

  it('portal help moves the patient along the enrolment steps', () => {
    const res = signNote(draft({ activities: [{ kind: 'portal_help', steps: ['email_created', 'account_activated'] }] }), ctx());
    if (!res.ok) throw new Error('expected ok');
    expect(res.changes.find((c) => c.kind === 'patient')?.value).toMatchObject({
      portal: 'active',
      portalSteps: { emailCreated: true, accountActivated: true, firstLoginTaught: false },
    });
  });
});

describe('signing sets when the next contact is due', () => {
  const overdue = { ...patient, birthDate: '1950-06-01', lastContactAt: '2026-10-01T14:00:00.000Z', nextDueDate: '2026-11-01' } as Patient;
  const signed = (over: Partial<ContactNote>, p: Patient = overdue) => {
    const res = signNote(draft(over), ctx({ patient: p }));
    if (!res.ok) throw new Error(JSON.stringify(res));
    // No patient change at all when nothing on the patient moves.
    return (res.changes.find((c) => c.kind === 'patient')?.value ?? p) as Patient;
  };

  it.each([
    ['a reached visit clears "overdue"', { outcome: 'reached', nextContactDue: '2026-12-22' }, { nextDueDate: '2026-12-22', lastContactAt: now }],
    ['an attempt retries soon', { outcome: 'not_home', nextContactDue: '2026-11-24' }, { nextDueDate: '2026-11-24', lastContactAt: now }],
    ['an emptied date means no next contact', { outcome: 'deceased', nextContactDue: null }, { nextDueDate: null, lastContactAt: now }],
    ['a note from before the field leaves the due date alone', { outcome: 'reached' }, { nextDueDate: '2026-11-01', lastContactAt: now }],
    [
      'a late note about an earlier contact changes neither',
      { outcome: 'reached', contactAt: '2026-09-15T14:00:00.000Z' as IsoDateTime, nextContactDue: '2026-12-22' },
      { nextDueDate: '2026-11-01', lastContactAt: '2026-10-01T14:00:00.000Z' },
    ],
  ] as const)('%s', (_, over, expected) => {
    expect(signed(over as Partial<ContactNote>)).toMatchObject(expected);
  });

  it('the roster and Today follow it: a signed "Reached" visit is no longer overdue nor suggested as overdue', () => {
    const day = { date: today, from: '2026-11-22T05:00:00.000Z' as IsoDateTime, to: '2026-11-23T05:00:00.000Z' as IsoDateTime };
    const facts = { appointmentAt: null, tasksDue: 0, openGaps: 0 };
    expect(dueStateOf(overdue.nextDueDate, today)).toBe('overdue');
    expect(reasonsFor(overdue, facts, day).reasons.map((r) => r.code)).toContain('overdue');
    const after = signed({ outcome: 'reached', nextContactDue: '2026-12-22' as IsoDate });
    expect(dueStateOf(after.nextDueDate, today)).toBe('later');
    expect(reasonsFor(after, facts, day).reasons.map((r) => r.code)).not.toContain('overdue');
  });

  it.each([
    ['a contact in the future', { contactAt: '2026-11-22T16:00:00.000Z' as IsoDateTime }, ['contact_in_future']],
    ['a contact before birth', { contactAt: '1940-01-01T10:00:00.000Z' as IsoDateTime }, ['contact_before_birth']],
    ['a duration of zero', { durationMinutes: 0 }, ['duration_out_of_range']],
    ['a next contact in the past', { nextContactDue: '2026-11-21' as IsoDate }, ['next_contact_in_past']],
    ['a next contact in five years', { nextContactDue: '2031-11-21' as IsoDate }, ['next_contact_too_far']],
    ['a follow-up due yesterday', { followUps: [{ id: 't1' as TaskId, title: 'Call', dueDate: '2026-11-21' as IsoDate, ownerName: '' }] }, ['follow_up_in_past']],
    [
      'an appointment booked for last week',
      { activities: [{ kind: 'appointment', action: 'set', provider: 'Dr. Lee', reason: '', startsAt: '2026-11-15T15:00:00.000Z', mode: 'in_person', appointmentId: null }] },
      ['appointment_in_past'],
    ],
  ] as const)('refuses %s, naming the field, and changes nothing', (_, over, problems) => {
    expect(signNote(draft(over as Partial<ContactNote>), ctx({ patient: overdue }))).toEqual({ ok: false, problems });
  });
});

describe('appointment status', () => {
  const appt: Appointment = {
    id: 'a1' as Appointment['id'],
    patientId: 'p1' as PatientId,
    provider: 'Dr. Lee',
    reason: 'Eye exam',
    mode: 'in_person',
    startsAt: now,
    status: 'scheduled',
  };
  const c = { now, today, ownerName: 'Maria Santos', ownerId: 'usr_1' as UserId, newId: () => 'task1', patient };
  it.each([
    ['no_show', ['appointment', 'task', 'patient']],
    ['cancelled', ['appointment', 'task']],
    ['confirmed', ['appointment']],
    ['scheduled', []],
  ] as const)('%s -> %j', (status, kinds) => {
    expect(appointmentStatusChanges(appt, status, c).map((x) => x.kind)).toEqual(kinds);
  });
  it('a no-show task points at the appointment and is due today', () => {
    const task = appointmentStatusChanges(appt, 'no_show', c).find((x) => x.kind === 'task');
    expect(task?.value).toMatchObject({ kind: 'no_show', sourceAppointmentId: 'a1', dueDate: today, status: 'open', ownerName: 'Maria Santos', ownerId: 'usr_1' });
  });
});

describe('canonical JSON', () => {
  it('is the same whatever the key order, so hashes agree across devices', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});
