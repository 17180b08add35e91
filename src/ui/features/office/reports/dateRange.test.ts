import { describe, expect, it } from 'vitest';
import { localToday, presetRange, rangeProblem } from './dateRange';

describe('quick ranges', () => {
  it('end today: this week from Monday, the last 28 days, this quarter from its first day', () => {
    // 2026-12-07 is a Monday; 2026-12-13 a Sunday.
    expect(presetRange('thisWeek', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(presetRange('thisWeek', '2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(presetRange('last4Weeks', '2026-12-07')).toEqual({ from: '2026-11-10', to: '2026-12-07' });
    expect(presetRange('thisQuarter', '2026-12-07')).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(presetRange('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it("today is the device's calendar day", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('rangeProblem', () => {
  it('names what is wrong with a typed range', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-11-30' })).toBe('missing');
    expect(rangeProblem({ from: '2026-12-01', to: '2026-11-30' })).toBe('fromAfterTo');
    expect(rangeProblem({ from: '2026-01-01', to: '2027-01-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-01-01', to: '2027-01-02' })).toBe('tooLong');
  });
});
