import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeEscalation,
  assignEscalation,
  escalationAgeMinutes,
  escalationProblem,
  isEscalationOverdue,
  resolveEscalation,
  withOfficeDefaults,
  ESCALATION_RESOLUTION_MAX,
  type Escalation,
  type EscalationActor,
  type EscalationStep,
} from './escalation';
import type { EscalationId, IsoDateTime, NoteId, PatientId, UserId } from './ids';

const RAISED = '2026-11-20T09:00:00.000Z' as IsoDateTime;
const open: Escalation = withOfficeDefaults({
  id: 'esc-1' as EscalationId,
  patientId: 'pat-1' as PatientId,
  noteId: 'note-1' as NoteId,
  reason: 'Short of breath at rest',
  severity: 'urgent',
  raisedAt: RAISED,
  raisedBy: 'Ana Tester',
  status: 'open',
});
const sol: EscalationActor = { now: '2026-11-20T09:20:00.000Z' as IsoDateTime, byId: 'user-sol' as UserId, byName: 'Sol Tester' };
const sue: EscalationActor = { now: '2026-11-20T10:00:00.000Z' as IsoDateTime, byId: 'user-sue' as UserId, byName: 'Sue Tester' };
const ben = { userId: 'user-ben' as UserId, name: 'Ben Tester' };

function ok(step: EscalationStep): Escalation {
  if (!step.ok) throw new Error(`expected the step to be taken, got ${step.code}`);
  return step.escalation;
}

describe('escalation steps in the office', () => {
  it('a record from before the office steps reads as open with nothing stamped', () => {
    expect(open).toMatchObject({ status: 'open', raisedById: null, acknowledgedAt: null, assignedTo: null, resolvedAt: null, resolution: null });
    expect(escalationProblem(open)).toBeNull();
  });

  it('acknowledging stamps who and when; acknowledging again keeps the first acknowledgement', () => {
    const first = acknowledgeEscalation(open, sol);
    expect(first).toMatchObject({ ok: true, changed: true });
    const acked = ok(first);
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedAt: sol.now, acknowledgedBy: 'user-sol', acknowledgedByName: 'Sol Tester' });
    const again = acknowledgeEscalation(acked, sue);
    expect(again).toEqual({ ok: true, changed: false, escalation: acked });
  });

  it('assigning names the person, and acknowledges an open escalation on the way', () => {
    const assigned = ok(assignEscalation(open, ben, sol));
    expect(assigned).toMatchObject({ status: 'acknowledged', assignedTo: 'user-ben', assignedToName: 'Ben Tester', acknowledgedBy: 'user-sol' });
    expect(assignEscalation(assigned, ben, sue)).toMatchObject({ ok: true, changed: false });
    const reassigned = ok(assignEscalation(assigned, { userId: 'user-sue' as UserId, name: 'Sue Tester' }, sue));
    expect(reassigned).toMatchObject({ assignedTo: 'user-sue', acknowledgedBy: 'user-sol' });
  });

  it('resolving needs a note, from open or acknowledged, and is final', () => {
    expect(resolveEscalation(open, '   ', sol)).toEqual({ ok: false, code: 'resolution_missing' });
    expect(resolveEscalation(open, 'x'.repeat(ESCALATION_RESOLUTION_MAX + 1), sol)).toEqual({ ok: false, code: 'resolution_too_long' });
    const fromOpen = ok(resolveEscalation(open, '  Called the care team; seen today  ', sol));
    expect(fromOpen).toMatchObject({ status: 'resolved', resolution: 'Called the care team; seen today', resolvedBy: 'user-sol', acknowledgedBy: 'user-sol' });
    const acked = ok(acknowledgeEscalation(open, sol));
    const fromAcked = ok(resolveEscalation(acked, 'Nurse visit booked', sue));
    expect(fromAcked).toMatchObject({ acknowledgedBy: 'user-sol', resolvedBy: 'user-sue', resolvedByName: 'Sue Tester' });
    for (const step of [acknowledgeEscalation(fromAcked, sol), assignEscalation(fromAcked, ben, sol), resolveEscalation(fromAcked, 'Again', sol)]) {
      expect(step).toEqual({ ok: false, code: 'already_resolved' });
    }
  });

  it.each([
    ['an open one within the time', 'open', 59, false],
    ['an open one past the time', 'open', 61, true],
    ['an acknowledged one past the time', 'acknowledged', 600, false],
    ['a resolved one past the time', 'resolved', 600, false],
  ] as const)('overdue: %s', (_name, status, minutes, overdue) => {
    const now = Date.parse(RAISED) + minutes * 60_000;
    expect(isEscalationOverdue({ status, raisedAt: RAISED }, now, 60)).toBe(overdue);
    expect(escalationAgeMinutes({ raisedAt: RAISED }, now)).toBe(minutes);
  });

  it('the age of an escalation raised by a clock ahead of the server is 0, never negative', () => {
    expect(escalationAgeMinutes({ raisedAt: RAISED }, Date.parse(RAISED) - 5 * 60_000)).toBe(0);
  });
});

describe('any sequence of office steps keeps the escalation consistent', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  const people = fc.constantFrom(sol, sue);
  const action = fc.oneof(
    fc.record({ kind: fc.constant('acknowledge' as const), by: people }),
    fc.record({ kind: fc.constant('assign' as const), by: people, to: fc.constantFrom(ben, { userId: sol.byId, name: sol.byName }) }),
    fc.record({ kind: fc.constant('resolve' as const), by: people, note: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 30 })) }),
  );

  it(`resolved means a resolution; the status matches the stamps; resolved is final (seed ${seed})`, () => {
    console.log(`escalation steps property seed: ${seed} (rerun with FC_SEED=${seed})`);
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let e = open;
        for (const a of actions) {
          const step = a.kind === 'acknowledge' ? acknowledgeEscalation(e, a.by) : a.kind === 'assign' ? assignEscalation(e, a.to, a.by) : resolveEscalation(e, a.note, a.by);
          if (e.status === 'resolved') expect(step).toEqual({ ok: false, code: 'already_resolved' });
          if (!step.ok) continue;
          if (!step.changed) expect(step.escalation).toBe(e);
          // What the record was raised with never moves.
          expect({ ...step.escalation, ...officeOf(step.escalation) }).toEqual({ ...e, ...officeOf(step.escalation) });
          e = step.escalation;
          expect(escalationProblem(e)).toBeNull();
          if (e.status === 'resolved') expect(e.resolution?.trim()).not.toBe('');
        }
      }),
      { seed },
    );
  });
});

function officeOf(e: Escalation) {
  const { status, acknowledgedAt, acknowledgedBy, acknowledgedByName, assignedTo, assignedToName, resolvedAt, resolvedBy, resolvedByName, resolution } = e;
  return { status, acknowledgedAt, acknowledgedBy, acknowledgedByName, assignedTo, assignedToName, resolvedAt, resolvedBy, resolvedByName, resolution };
}
