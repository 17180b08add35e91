/**
 * Open follow-up work on the specialist's list, consistent with the rest of the record:
 * every patient flagged for no-show follow-up has a task to rebook the visit they missed, due
 * a few days after it (so some are overdue today); about 6% have a call-back agreed on an
 * earlier contact; a few have a reminder call on the working day before an upcoming appointment. Tasks
 * belong to the territory's specialist, fall due on weekdays (the office's days) and were all
 * created before today.
 */
import type { Appointment } from '../../../src/domain/appointment';
import type { CareGap } from '../../../src/domain/careGap';
import type { IsoDateTime, TaskId } from '../../../src/domain/ids';
import type { Task, TaskKind, TaskTitleCode } from '../../../src/domain/task';
import type { DatedStream, Day } from './calendar';
import { bostonDateTime, formatIsoDate, parseIsoDate, toWeekday } from './calendar';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';

/** What else is known about the patient when their tasks are written. */
export interface TaskFacts {
  readonly draft: PatientDraft;
  readonly gaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
}

const CALL_BACKS: readonly string[] = [
  'Call back with the cardiology appointment time',
  'Check that the pharmacy delivered the new inhaler',
  "Confirm a ride for next week's visit",
  'Call the daughter about home-care hours',
  'Follow up on the fuel assistance application',
  'Ask whether the new water pills cause dizziness',
];

/**
 * Appointments start 08:00-17:00 Boston time, which is the same calendar date in UTC, so the
 * date part of the instant is the local day.
 */
const dayOfAppointment = (a: Appointment): Day => parseIsoDate(a.startsAt.slice(0, 10));

function callBacksFor({ draft, gaps }: TaskFacts): readonly string[] {
  const scheduled = (measure: CareGap['measure']) => gaps.some((g) => g.measure === measure && g.status === 'scheduled');
  return [
    ...CALL_BACKS,
    ...(scheduled('COL') ? ['Call back about colonoscopy prep'] : []),
    ...(draft.diabetic ? ['Check that the glucometer test strips arrived'] : []),
    ...(draft.patient.portal === 'invited' ? ['Walk through the first portal login by phone'] : []),
  ];
}

export function buildTasks(ctx: DatedStream, facts: TaskFacts): Task[] {
  const { rng, today } = ctx;
  const { draft } = facts;
  const planned: Omit<Task, 'id'>[] = [];
  const plan = (t: { kind: TaskKind; title: string; due: Day; created: IsoDateTime; from: Appointment | null; code?: TaskTitleCode }): void => {
    // The app's own titles travel as a code (each reader sees them in their language); the
    // plain title is the provider, which older app versions show.
    const template = t.code && t.from ? { code: t.code, provider: t.from.provider, reason: t.from.reason, startsAt: t.from.startsAt } : null;
    planned.push({
      patientId: draft.patient.id,
      kind: t.kind,
      title: template ? template.provider : t.title,
      titleTemplate: template,
      dueDate: formatIsoDate(toWeekday(t.due, t.kind === 'reminder' ? 'backward' : 'forward')),
      ownerName: draft.specialist,
      status: 'open',
      sourceNoteId: null,
      sourceAppointmentId: t.from?.id ?? null,
      createdAt: t.created,
      completedAt: null,
      completedByNoteId: null,
    });
  };
  // A working-day moment at least `daysAgo` (and at least one day) before today.
  const writtenAgo = (daysAgo: number): IsoDateTime =>
    bostonDateTime(toWeekday(today - Math.max(1, daysAgo), 'backward'), rng.int(9 * 60, 17 * 60));

  const missed = draft.patient.noShowFollowUp ? facts.appointments.find((a) => a.status === 'no_show') : undefined;
  if (missed) {
    const day = dayOfAppointment(missed);
    // Written up at the end of the day the patient did not come; missed visits are in the past.
    // The due day is drawn before the time written, as the seed has always drawn them.
    const due = day + rng.int(1, 4);
    const created = bostonDateTime(day, rng.int(16 * 60 + 30, 18 * 60));
    plan({ kind: 'no_show', title: missed.provider, code: 'rebook_missed_appointment', due, created, from: missed });
  }

  if (rng.chance(0.06)) {
    const due = today + rng.int(-5, 10);
    plan({ kind: 'follow_up', title: rng.pick(callBacksFor(facts)), due, created: writtenAgo(today - due + rng.int(2, 14)), from: null });
  }

  const upcoming = facts.appointments.find((a) => (a.status === 'scheduled' || a.status === 'confirmed') && dayOfAppointment(a) >= today + 2);
  if (upcoming && rng.chance(0.3)) {
    const due = dayOfAppointment(upcoming) - 1;
    plan({ kind: 'reminder', title: upcoming.provider, code: 'reminder_before_appointment', due, created: writtenAgo(rng.int(1, 10)), from: upcoming });
  }

  const key = patientKey(draft.index);
  return planned.map((t, i) => ({ id: `task_${key}_${i + 1}` as TaskId, ...t }));
}
