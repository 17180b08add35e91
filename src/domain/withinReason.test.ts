import { describe, expect, it } from 'vitest';
import type { IsoDate, IsoDateTime } from './ids';
import { addDays, contactTimeIssue, durationIssue, planningWindow, upcomingDateIssue, upcomingTimeIssue } from './withinReason';

const at = (s: string) => s as IsoDateTime;
const day = (s: string) => s as IsoDate;
const NOW = at('2026-12-02T15:00:00.000Z');

describe('dates and numbers within reason', () => {
  it.each([
    ['now', '2026-12-02T15:00:00.000Z', null],
    ['this morning', '2026-12-02T09:00:00.000Z', null],
    ['4 minutes ahead (clock skew)', '2026-12-02T15:04:00.000Z', null],
    ['6 minutes ahead', '2026-12-02T15:06:00.000Z', 'in_future'],
    ['tomorrow', '2026-12-03T15:00:00.000Z', 'in_future'],
    ['on the day of birth', '1950-06-01T10:00:00.000Z', null],
    ['a year before birth', '1949-06-01T10:00:00.000Z', 'before_birth'],
  ] as const)('a contact %s: %s', (_, contactAt, expected) => {
    expect(contactTimeIssue(at(contactAt), { latest: NOW, birthDate: day('1950-06-01') })).toBe(expected);
  });

  it.each([
    [null, null],
    [1, null],
    [45, null],
    [600, null],
    [0, 'out_of_range'],
    [-5, 'out_of_range'],
    [601, 'out_of_range'],
    [12.5, 'out_of_range'],
  ] as const)('a duration of %s minutes: %s', (minutes, expected) => {
    expect(durationIssue(minutes)).toBe(expected);
  });

  it.each([
    ['today', '2026-12-02', null],
    ['yesterday', '2026-12-01', 'in_past'],
    ['in three years to the day', '2029-12-02', null],
    ['three years and a day ahead', '2029-12-03', 'too_far'],
  ] as const)('a due date %s: %s', (_, date, expected) => {
    expect(upcomingDateIssue(day(date), planningWindow(day('2026-12-02')))).toBe(expected);
  });

  it.each([
    ['this afternoon', '2026-12-02T18:00:00.000Z', null],
    ['a minute ago (clock skew)', '2026-12-02T14:59:00.000Z', null],
    ['this morning', '2026-12-02T09:00:00.000Z', 'in_past'],
    ['in two years', '2028-12-02T15:00:00.000Z', null],
    ['in four years', '2030-12-02T15:00:00.000Z', 'too_far'],
  ] as const)('an appointment booked for %s: %s', (_, startsAt, expected) => {
    expect(upcomingTimeIssue(at(startsAt), { earliest: NOW, latest: NOW })).toBe(expected);
  });

  it('adds days across months and leap years', () => {
    expect(addDays(day('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(day('2026-12-31'), 2)).toBe('2027-01-02');
    expect(addDays(day('2026-03-01'), -1)).toBe('2026-02-28');
  });
});
