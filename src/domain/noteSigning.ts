/**
 * What signing a note sets in motion, decided in one place: the note freezes (with its
 * content hash), and what it records becomes records of their own — appointments booked or
 * changed, referrals sent, barriers and goals, care gap status, portal steps, monitoring
 * devices, follow-up tasks, an escalation for the care team, the patient's last contact and
 * when the next one is due. Storage writes all of it in one transaction, so a signed note
 * never exists without its consequences.
 */
import type { Appointment } from './appointment';
import type { CareGap } from './careGap';
import { problemsBeforeSigning, problemsWithinReason, type Activity, type ContactNote, type NoteProblem } from './contactNote';
import { createChange, updateChange, type EntityChange, type EntityTypes } from './entities';
import { UNANSWERED, type Escalation } from './escalation';
import type {
  AppointmentId,
  BarrierId,
  EscalationId,
  GoalId,
  IsoDate,
  IsoDateTime,
  ReferralId,
  RpmDeviceId,
  UserId,
} from './ids';
import type { Referral } from './referral';
import type { Patient } from './patient';
import type { Barrier, Goal, RpmDevice } from './supportSystem';
import type { Task } from './task';

export interface SignContext {
  readonly now: IsoDateTime;
  readonly today: IsoDate;
  readonly signerName: string;
  /** The signer's user id: referrals the note sends are in their name. */
  readonly signerId: UserId;
  readonly contentHash: string;
  readonly newId: () => string;
  readonly patient: Patient;
  readonly appointments: readonly Appointment[];
  readonly careGaps: readonly CareGap[];
  readonly barriers: readonly Barrier[];
  readonly goals: readonly Goal[];
  readonly rpmDevices: readonly RpmDevice[];
  readonly tasks: readonly Task[];
}

export type SignResult =
  | { readonly ok: true; readonly note: ContactNote; readonly changes: readonly EntityChange[] }
  | { readonly ok: false; readonly problems: readonly (NoteProblem | 'not_a_draft')[] };

function update<K extends keyof EntityTypes>(kind: K, before: EntityTypes[K], after: EntityTypes[K], out: EntityChange[]) {
  const c = updateChange(kind, before, after);
  if (c) out.push(c);
}

export function signNote(note: ContactNote, ctx: SignContext): SignResult {
  if (note.status !== 'draft') return { ok: false, problems: ['not_a_draft'] };
  const problems = [
    ...problemsBeforeSigning(note),
    ...problemsWithinReason(note, { now: ctx.now, today: ctx.today, birthDate: ctx.patient.birthDate ?? null }),
  ];
  if (problems.length) return { ok: false, problems };

  const out: EntityChange[] = [];
  let patient = ctx.patient;
  const activities = note.activities.map((a) => {
    const effect = applyActivity(a, note, ctx, patient, out);
    patient = effect.patient;
    return effect.activity;
  });

  for (const f of note.followUps) {
    const task: Task = {
      id: f.id,
      patientId: note.patientId,
      kind: 'follow_up',
      title: f.title,
      dueDate: f.dueDate,
      ownerName: f.ownerName || ctx.signerName,
      // The signer is known by id; someone else named in the follow-up is known by name only.
      ownerId: !f.ownerName || f.ownerName === ctx.signerName ? ctx.signerId : null,
      status: 'open',
      sourceNoteId: note.id,
      sourceAppointmentId: null,
      createdAt: ctx.now,
      completedAt: null,
      completedByNoteId: null,
    };
    out.push(createChange('task', task));
  }
  if (note.escalation) {
    const escalation: Escalation = {
      id: ctx.newId() as EscalationId,
      patientId: note.patientId,
      noteId: note.id,
      reason: note.escalation.reason,
      severity: note.escalation.severity,
      raisedAt: ctx.now,
      raisedBy: ctx.signerName,
      raisedById: ctx.signerId,
      status: 'open',
      ...UNANSWERED,
    };
    out.push(createChange('escalation', escalation));
  }
  const answered = note.fromTaskId ? ctx.tasks.find((t) => t.id === note.fromTaskId && t.status === 'open') : undefined;
  if (answered) {
    update('task', answered, { ...answered, status: 'done', completedAt: ctx.now, completedByNoteId: note.id }, out);
  }
  const reached = note.outcome === 'reached';
  // The latest contact decides what comes next: a note signed late about an earlier contact
  // neither moves the last contact back nor overrides the next due date a later one set.
  const latest = !patient.lastContactAt || note.contactAt >= patient.lastContactAt;
  patient = {
    ...patient,
    lastContactAt: latest ? note.contactAt : patient.lastContactAt,
    nextDueDate: latest && note.nextContactDue !== undefined ? note.nextContactDue : patient.nextDueDate,
    noShowFollowUp: answered?.kind === 'no_show' && reached ? false : patient.noShowFollowUp,
  };
  update('patient', ctx.patient, patient, out);

  const signed: ContactNote = {
    ...note,
    activities,
    status: 'signed',
    signedAt: ctx.now,
    updatedAt: ctx.now,
    contentHash: ctx.contentHash,
  };
  // The note first: its change must reach the server before the records it explains.
  const noteChange = updateChange('note', note, signed);
  return { ok: true, note: signed, changes: noteChange ? [noteChange, ...out] : out };
}

interface Effect {
  readonly activity: Activity;
  readonly patient: Patient;
}

function applyActivity(a: Activity, note: ContactNote, ctx: SignContext, patient: Patient, out: EntityChange[]): Effect {
  const keep = { activity: a, patient };
  switch (a.kind) {
    case 'appointment': {
      const existing = a.appointmentId ? ctx.appointments.find((x) => x.id === a.appointmentId) : undefined;
      if (a.action === 'set' || !existing) {
        if (a.action === 'cancelled' || !a.startsAt) return keep;
        const appt: Appointment = {
          id: ctx.newId() as AppointmentId,
          patientId: note.patientId,
          provider: a.provider,
          reason: a.reason,
          mode: a.mode,
          startsAt: a.startsAt,
          status: a.action === 'confirmed' ? 'confirmed' : 'scheduled',
        };
        out.push(createChange('appointment', appt));
        return { activity: { ...a, appointmentId: appt.id }, patient };
      }
      const status = a.action === 'confirmed' ? 'confirmed' : 'cancelled';
      update('appointment', existing, { ...existing, status, ...(a.startsAt ? { startsAt: a.startsAt } : {}) }, out);
      return keep;
    }
    case 'barrier': {
      const existing = a.barrierId ? ctx.barriers.find((b) => b.id === a.barrierId) : undefined;
      if (a.action === 'resolved' && existing) {
        update('barrier', existing, { ...existing, status: 'resolved', resolvedOn: ctx.today }, out);
        return keep;
      }
      const barrier: Barrier = {
        id: ctx.newId() as BarrierId,
        patientId: note.patientId,
        kind: a.barrier,
        detail: a.detail,
        status: a.action === 'resolved' ? 'resolved' : 'open',
        identifiedOn: ctx.today,
        resolvedOn: a.action === 'resolved' ? ctx.today : null,
      };
      out.push(createChange('barrier', barrier));
      return { activity: { ...a, barrierId: barrier.id }, patient };
    }
    case 'goal': {
      const existing = a.goalId ? ctx.goals.find((g) => g.id === a.goalId) : undefined;
      if (existing) {
        update('goal', existing, { ...existing, text: a.text }, out);
        return keep;
      }
      const goal: Goal = { id: ctx.newId() as GoalId, patientId: note.patientId, text: a.text, status: 'active', setOn: ctx.today, targetDate: null };
      out.push(createChange('goal', goal));
      return { activity: { ...a, goalId: goal.id }, patient };
    }
    case 'care_gap': {
      const gap = ctx.careGaps.find((g) => g.id === a.gapId);
      if (!gap || a.action === 'discussed') return keep;
      const closed = a.action === 'closed';
      update(
        'careGap',
        gap,
        { ...gap, status: closed ? 'closed' : 'scheduled', closedAt: closed ? ctx.now : gap.closedAt, evidence: closed ? `Contact note ${ctx.today}` : gap.evidence },
        out,
      );
      return keep;
    }
    case 'portal_help': {
      const steps = {
        emailCreated: patient.portalSteps.emailCreated || a.steps.includes('email_created'),
        accountActivated: patient.portalSteps.accountActivated || a.steps.includes('account_activated'),
        firstLoginTaught: patient.portalSteps.firstLoginTaught || a.steps.includes('first_login_taught'),
      };
      const portal = steps.accountActivated ? 'active' : patient.portal === 'not_enrolled' ? 'invited' : patient.portal;
      return { activity: a, patient: { ...patient, portalSteps: steps, portal } };
    }
    case 'rpm': {
      const existing = ctx.rpmDevices.find((d) => d.kind === a.device);
      if (existing) {
        if (a.action === 'training' && existing.stage === 'set_up') update('rpmDevice', existing, { ...existing, stage: 'taught' }, out);
      } else {
        const device: RpmDevice = {
          id: ctx.newId() as RpmDeviceId,
          patientId: note.patientId,
          kind: a.device,
          stage: a.action === 'training' ? 'taught' : 'set_up',
          since: ctx.today,
        };
        out.push(createChange('rpmDevice', device));
      }
      return { activity: a, patient: { ...patient, rpm: 'active' } };
    }
    case 'referral': {
      const referral: Referral = {
        id: ctx.newId() as ReferralId,
        patientId: note.patientId,
        noteId: note.id,
        to: a.to,
        reason: a.reason,
        status: 'sent',
        sentAt: ctx.now,
        sentById: ctx.signerId,
        sentByName: ctx.signerName,
        statusAt: ctx.now,
        statusById: ctx.signerId,
        statusByName: ctx.signerName,
      };
      out.push(createChange('referral', referral));
      return keep;
    }
    case 'education':
    case 'questionnaire':
      return keep;
  }
}
