import { describe, expect, it } from 'vitest';
import type { IsoDate, IsoDateTime } from '../domain/ids';
import { newAppointmentRules, newTaskRules, signedNoteRules } from './withinReason';

const ctx = { changeAt: '2026-11-20T09:30:00.000Z' as IsoDateTime, birthDate: '1950-04-02' as IsoDate };
const note = {
  contactAt: '2026-11-20T09:00:00.000Z',
  durationMinutes: 30,
  nextContactDue: '2026-12-20',
  followUps: [{ dueDate: '2026-11-27' }],
  activities: [
    { kind: 'education', topic: 'Diary' },
    { kind: 'appointment', action: 'confirmed', startsAt: '2026-11-01T15:00:00.000Z' },
  ],
};

/** The first issue as the server words it: `field: what is wrong`. */
function issue(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string | null {
  const first = result.error?.issues[0];
  return first ? `${first.path.map(String).join('.')}: ${first.message}` : null;
}

describe('rules of reason on push, judged at the change time', () => {
  it.each([
    ['a note as typed', {}, null],
    ['a note from before the next-contact field', { nextContactDue: undefined }, null],
    ['no next contact', { nextContactDue: null }, null],
    ['no duration recorded', { durationMinutes: null }, null],
    ['a contact 4 minutes after the change (clock skew)', { contactAt: '2026-11-20T09:34:00.000Z' }, null],
    ['a contact 10 minutes after the change', { contactAt: '2026-11-20T09:40:00.000Z' }, 'contactAt: is in the future'],
    ['a contact before birth', { contactAt: '1950-03-01T10:00:00.000Z' }, "contactAt: is before the patient's birth date"],
    ['a duration of 601 minutes', { durationMinutes: 601 }, 'durationMinutes: must be whole minutes from 1 to 600'],
    ['a next contact two days back', { nextContactDue: '2026-11-18' }, 'nextContactDue: is in the past'],
    ['a next contact the day before (time zone slack)', { nextContactDue: '2026-11-19' }, null],
    ['a follow-up in 2030', { followUps: [{ dueDate: '2030-01-01' }] }, 'followUps.0.dueDate: is more than 3 years ahead'],
    [
      'a booking for last week',
      { activities: [{ kind: 'appointment', action: 'set', startsAt: '2026-11-13T15:00:00.000Z' }] },
      'activities.0.startsAt: is in the past',
    ],
  ] as const)('%s: %s', (_, over, expected) => {
    expect(issue(signedNoteRules(ctx).safeParse({ ...note, ...over }))).toBe(expected);
  });

  it.each([
    ['later that day', '2026-11-20T14:00:00.000Z', null],
    ['an hour before the change', '2026-11-20T08:30:00.000Z', 'startsAt: is in the past'],
    ['in 2030', '2030-01-01T14:00:00.000Z', 'startsAt: is more than 3 years ahead'],
  ] as const)('a new appointment %s: %s', (_, startsAt, expected) => {
    expect(issue(newAppointmentRules(ctx).safeParse({ startsAt }))).toBe(expected);
  });

  it.each([
    ['today', '2026-11-20', null],
    ['two days back', '2026-11-18', 'dueDate: is in the past'],
    ['in 2030', '2030-01-01', 'dueDate: is more than 3 years ahead'],
  ] as const)('a new task due %s: %s', (_, dueDate, expected) => {
    expect(issue(newTaskRules(ctx).safeParse({ dueDate }))).toBe(expected);
  });
});
