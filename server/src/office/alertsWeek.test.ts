/** The ISO week of a server time: Monday 00:00 UTC, and the week's label across year ends. */
import { describe, expect, it } from 'vitest';
import { isoWeekLabel, weekStartOf } from './alertsWeek';

describe('the ISO week', () => {
  it.each([
    ['2026-11-19T12:00:00Z', '2026-11-16', '2026-W47'],
    ['2026-11-16T00:00:00Z', '2026-11-16', '2026-W47'],
    ['2026-11-15T23:59:59Z', '2026-11-09', '2026-W46'],
    // 2026-01-01 is a Thursday: week 1 of 2026 began Monday 2025-12-29.
    ['2025-12-29T08:00:00Z', '2025-12-29', '2026-W01'],
    // 2027-01-01 is a Friday: it still belongs to 2026's week 53.
    ['2027-01-01T08:00:00Z', '2026-12-28', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-01-04', '2027-W01'],
  ])('%s is in the week of Monday %s, %s', (at, monday, label) => {
    expect(weekStartOf(new Date(at)).toISOString().slice(0, 10)).toBe(monday);
    expect(isoWeekLabel(new Date(at))).toBe(label);
  });
});
