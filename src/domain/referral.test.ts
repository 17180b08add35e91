import { describe, expect, it } from 'vitest';
import type { IsoDateTime, UserId } from './ids';
import { changeReferralStatus, isReferralOpen, type Referral, type ReferralStatus } from './referral';

const sent: Referral = {
  id: 'r1' as never,
  patientId: 'p1' as never,
  noteId: 'n1' as never,
  to: 'social_worker',
  reason: 'Housing',
  status: 'sent',
  sentAt: '2026-11-20T10:00:00.000Z' as IsoDateTime,
  sentById: 'u1' as UserId,
  sentByName: 'Maria Santos',
  statusAt: '2026-11-20T10:00:00.000Z' as IsoDateTime,
  statusById: 'u1' as UserId,
  statusByName: 'Maria Santos',
};
const ctx = { now: '2026-11-22T09:00:00.000Z' as IsoDateTime, byId: 'u2' as UserId, byName: 'Ana Ruiz' };

describe('referral status', () => {
  it.each<[ReferralStatus, ReferralStatus, string]>([
    ['sent', 'accepted', 'ok'],
    ['sent', 'completed', 'ok'],
    ['sent', 'declined', 'ok'],
    ['accepted', 'completed', 'ok'],
    ['accepted', 'sent', 'not_allowed'],
    ['completed', 'sent', 'ok'],
    ['completed', 'accepted', 'not_allowed'],
    ['declined', 'sent', 'ok'],
    ['sent', 'sent', 'same_status'],
  ])('%s -> %s: %s', (from, to, outcome) => {
    const res = changeReferralStatus({ ...sent, status: from }, to, ctx);
    expect(res.ok ? 'ok' : res.code).toBe(outcome);
    if (res.ok) expect(res.referral).toMatchObject({ status: to, statusAt: ctx.now, statusById: 'u2', statusByName: 'Ana Ruiz', sentByName: 'Maria Santos' });
  });

  it.each<[ReferralStatus, boolean]>([
    ['sent', true],
    ['accepted', true],
    ['completed', false],
    ['declined', false],
  ])('%s is open: %s', (status, open) => {
    expect(isReferralOpen({ status })).toBe(open);
  });
});
