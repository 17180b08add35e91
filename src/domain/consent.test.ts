import { describe, expect, it } from 'vitest';
import { consentHistory, currentConsent, mayContact, withNewValue, type ConsentEvent } from './consent';
import type { ContactPointId, IsoDateTime } from './ids';
import type { ContactPoint } from './patient';

const point = (over: Partial<ContactPoint> = {}): ContactPoint => ({
  id: 'cp1' as never,
  patientId: 'p1' as never,
  channel: 'phone',
  use: 'mobile',
  value: '+16175550123',
  consent: 'unknown',
  consentAt: null,
  consentBy: null,
  removed: false,
  ...over,
});

let n = 0;
const ev = (decision: ConsentEvent['decision'], at: string, over: Partial<ConsentEvent> = {}): ConsentEvent => ({
  id: `ce${++n}` as never,
  patientId: 'p1' as never,
  contactPointId: 'cp1' as ContactPointId,
  channel: 'phone',
  value: '+16175550123',
  decision,
  method: 'verbal',
  at: `2026-11-${at}T10:00:00.000Z` as IsoDateTime,
  byId: 'u1' as never,
  byName: 'Maria Santos',
  ...over,
});

describe('currentConsent: the latest decision that still applies', () => {
  it.each<[string, Partial<ContactPoint>, ConsentEvent[], string, string | null]>([
    ['never asked', {}, [], 'unknown', null],
    ['granted once', {}, [ev('granted', '02')], 'granted', 'event'],
    ['granted, then declined', {}, [ev('granted', '02'), ev('declined', '05')], 'declined', 'event'],
    ['declined, then granted (order of arrival does not matter)', {}, [ev('granted', '09'), ev('declined', '05')], 'granted', 'event'],
    ['granted, then revoked', {}, [ev('granted', '02'), ev('revoked', '07')], 'declined', 'event'],
    ['events for the number it used to have', {}, [ev('granted', '02', { value: '+16175550999' })], 'unknown', null],
    ['events of another contact point', {}, [ev('declined', '02', { contactPointId: 'cp2' as ContactPointId })], 'unknown', null],
    ['legacy consent only', { consent: 'granted', consentAt: '2026-10-01T00:00:00.000Z' as IsoDateTime, consentBy: 'Intake' }, [], 'granted', 'legacy'],
    ['legacy consent without a time', { consent: 'declined', consentBy: null }, [], 'declined', 'legacy'],
    ['legacy consent older than an event', { consent: 'granted', consentAt: '2026-10-01T00:00:00.000Z' as IsoDateTime }, [ev('declined', '05')], 'declined', 'event'],
    ['legacy consent newer than an event (an older device wrote it)', { consent: 'granted', consentAt: '2026-11-20T00:00:00.000Z' as IsoDateTime }, [ev('declined', '05')], 'granted', 'legacy'],
  ])('%s', (_case, over, events, status, source) => {
    const c = currentConsent(point(over), events);
    expect(c.status).toBe(status);
    expect(c.status === 'unknown' ? null : c.source).toBe(source);
  });

  it('names who recorded it, when and how', () => {
    expect(currentConsent(point(), [ev('declined', '05', { method: 'written', byName: 'Ana Ruiz' })])).toMatchObject({
      status: 'declined',
      decision: 'declined',
      at: '2026-11-05T10:00:00.000Z',
      byName: 'Ana Ruiz',
      method: 'written',
    });
  });
});

describe('a changed number starts with no consent', () => {
  it('clears the mirrored consent and leaves the old events in the history', () => {
    const before = point({ consent: 'granted', consentAt: '2026-11-02T10:00:00.000Z' as IsoDateTime, consentBy: 'Maria Santos' });
    const events = [ev('granted', '02')];
    const after = withNewValue(before, '+16175550456');
    expect(after).toMatchObject({ value: '+16175550456', consent: 'unknown', consentAt: null, consentBy: null });
    expect(currentConsent(after, events).status).toBe('unknown');
    expect(consentHistory(after.id, events)).toHaveLength(1);
    expect(withNewValue(before, before.value)).toBe(before);
  });
});

describe('mayContact', () => {
  it.each<[ContactPoint['channel'], 'granted' | 'declined' | 'unknown', boolean]>([
    ['phone', 'unknown', true],
    ['phone', 'granted', true],
    ['phone', 'declined', false],
    ['sms', 'unknown', false],
    ['sms', 'granted', true],
    ['email', 'declined', false],
    ['email', 'granted', true],
  ])('%s with consent %s -> %s', (channel, status, offered) => {
    const consent =
      status === 'unknown' ? { status } : ({ status, decision: status, at: null, byName: null, method: null, source: 'event' } as const);
    expect(mayContact(channel, consent)).toBe(offered);
  });
});
