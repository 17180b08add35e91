/** The Team table's CSV cells and sync words, on values written out here. */
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../../worker/client';
import { csvCell } from './csv';
import { isStale, relativeTo, skewIn } from './teamTable';

const member = (lastPushAt: string | null, lastPullAt: string | null): TeamMember => ({
  id: 'u', name: 'U', territories: [], caseload: 0, overduePatients: 0, lastPushAt, lastPullAt, reportedAt: null,
  pendingReported: null, appVersion: null, clockSkewSeconds: null, contactsThisWeek: 0, visitsThisWeek: 0, contactTarget: 40, visitTarget: 15,
});

describe('the team table', () => {
  it('CSV cells: formulas get a leading apostrophe, separators and quotes are quoted', () => {
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+34 600')).toBe("'+34 600");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell('')).toBe('');
  });

  it('stale after more than the days allowed since the later of push and pull, or never synced', () => {
    const team = { dataAsOf: '2026-12-07T14:00:00.000Z', staleAfterDays: 2 };
    expect(isStale(member('2026-12-05T14:00:00.000Z', null), team)).toBe(false);
    expect(isStale(member('2026-12-05T13:59:00.000Z', null), team)).toBe(true);
    expect(isStale(member('2026-12-01T00:00:00.000Z', '2026-12-07T08:00:00.000Z'), team)).toBe(false);
    expect(isStale(member(null, null), team)).toBe(true);
  });

  it('relative times and clock skew in the reader language', () => {
    const asOf = '2026-12-07T14:00:00.000Z';
    expect(relativeTo('2026-12-07T13:58:00.000Z', asOf, 'en')).toBe('2 minutes ago');
    expect(relativeTo('2026-12-07T14:00:00.000Z', asOf, 'en')).toBe('this minute');
    expect(relativeTo('2026-12-06T14:00:00.000Z', asOf, 'es')).toBe('hace 24 horas');
    expect(relativeTo('2026-12-01T14:00:00.000Z', asOf, 'es')).toBe('hace 6 días');
    expect(skewIn('en', -7200)).toBe('2 h behind');
    expect(skewIn('es', 45)).toBe('45 s adelantado');
    expect(skewIn('en', 2)).toBe('On time');
    expect(skewIn('es', null)).toBe('No informado');
  });
});
