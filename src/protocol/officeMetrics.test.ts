import { describe, expect, it } from 'vitest';
import { bigOverview, fakeFunnel, fakeOverview } from '../../tests/support/officeReports';
import { funnelQuerySchema, funnelResponseSchema, overviewQuerySchema, overviewResponseSchema, rangeDays } from './officeMetrics';

describe('the office metrics wire schemas', () => {
  it('accept the canned overview and funnel answers', () => {
    expect(overviewResponseSchema.safeParse(fakeOverview()).success).toBe(true);
    expect(overviewResponseSchema.safeParse(bigOverview()).success).toBe(true);
    expect(funnelResponseSchema.safeParse(fakeFunnel()).success).toBe(true);
  });

  it('refuse an answer with an unknown or missing field (strict), a negative count or a rate above 1', () => {
    expect(overviewResponseSchema.safeParse({ ...fakeOverview(), extra: 1 }).success).toBe(false);
    const { gapsClosedByMeasure: _, ...missing } = fakeOverview();
    expect(overviewResponseSchema.safeParse(missing).success).toBe(false);
    const o = fakeOverview();
    expect(overviewResponseSchema.safeParse({ ...o, totals: { ...o.totals, contactsAttempted: -1 } }).success).toBe(false);
    expect(overviewResponseSchema.safeParse({ ...o, totals: { ...o.totals, reachRate: 1.2 } }).success).toBe(false);
    expect(overviewResponseSchema.safeParse({ ...o, weekly: [{ ...o.weekly[0], weekStart: '2026-11-9' }] }).success).toBe(false);
    const f = fakeFunnel();
    expect(funnelResponseSchema.safeParse({ ...f, by: { ...f.by, zip: [] } }).success).toBe(false);
    expect(funnelResponseSchema.safeParse({ ...f, totals: { ...f.totals, gapClosed: 1.5 } }).success).toBe(false);
  });

  it('null reach rate and satisfaction average are allowed (nothing to divide)', () => {
    const o = fakeOverview();
    expect(overviewResponseSchema.safeParse({ ...o, totals: { ...o.totals, reachRate: null, satisfactionAverage: null } }).success).toBe(true);
  });

  it('the overview query: follow-up days from text, 7 by default, 1 to 60', () => {
    expect(overviewQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-11-30', followUpDays: 7 });
    expect(overviewQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', followUpDays: '14' }).followUpDays).toBe(14);
    for (const bad of ['0', '61', '2.5', 'x']) expect(overviewQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-30', followUpDays: bad }).success).toBe(false);
    expect(overviewQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-30', zip: '1' }).success).toBe(false);
  });

  it('both queries: from not after to, at most 366 days', () => {
    for (const schema of [overviewQuerySchema, funnelQuerySchema]) {
      expect(schema.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(false);
      expect(schema.safeParse({ from: '2026-01-01', to: '2027-01-01' }).success).toBe(true);
      expect(schema.safeParse({ from: '2026-01-01', to: '2027-01-02' }).success).toBe(false);
      expect(schema.safeParse({ from: '2026-12-01', to: '2026-12-01' }).success).toBe(true);
    }
    expect(rangeDays('2026-12-01', '2026-12-01')).toBe(1);
  });
});
