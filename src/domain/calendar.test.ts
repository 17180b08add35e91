import { describe, expect, it } from 'vitest';
import { localIsoDate } from './calendar';

describe('localIsoDate', () => {
  it('is the local calendar day, padded', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 10, 22, 0, 0))).toBe('2026-11-22');
  });
});
