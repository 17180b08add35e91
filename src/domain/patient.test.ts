import { describe, expect, it } from 'vitest';
import { asIsoDate } from './ids';
import { ageOn, formatPhone, hasNoLocation, primaryPhone, withNewAddress, type Address, type ContactPoint, type Patient } from './patient';

describe('ageOn', () => {
  it.each([
    ['1950-11-22', '2026-11-22', 76],
    ['1950-11-23', '2026-11-22', 75],
    ['1952-02-29', '2026-02-28', 73],
    ['1952-02-29', '2026-03-01', 74],
  ])('born %s, on %s -> %i', (born, on, age) => {
    expect(ageOn(asIsoDate(born), asIsoDate(on))).toBe(age);
  });
});

describe('primaryPhone', () => {
  const c = (over: Partial<ContactPoint>): ContactPoint => ({
    id: 'c' as never,
    channel: 'phone',
    use: 'home',
    value: '+1',
    consent: 'unknown',
    consentAt: null,
    patientId: 'p' as never,
    consentBy: null,
    removed: false,
    ...over,
  });
  it('prefers a consented mobile, then any consented phone, then any phone', () => {
    expect(primaryPhone([c({ value: 'h' }), c({ value: 'm', use: 'mobile', consent: 'granted' })])?.value).toBe('m');
    expect(primaryPhone([c({ value: 'h' }), c({ value: 'g', consent: 'granted' })])?.value).toBe('g');
    expect(primaryPhone([c({ value: 'h' }), c({ value: 'e', channel: 'email' })])?.value).toBe('h');
    expect(primaryPhone([])).toBeNull();
  });
  it('never offers a phone the patient declined', () => {
    expect(primaryPhone([c({ value: 'd', use: 'mobile', consent: 'declined' }), c({ value: 'h' })])?.value).toBe('h');
    expect(primaryPhone([c({ value: 'd', consent: 'declined' })])).toBeNull();
  });
});

describe('withNewAddress: a move clears the coordinates', () => {
  const home: Omit<Address, 'location'> = { line1: '12 Oak St', line2: null, city: 'Lynn', state: 'MA', postalCode: '01901' };
  const p = { address: { ...home, location: { lat: 42.46, lng: -70.95 } } } as Patient;
  it.each<[string, Partial<typeof home>, boolean]>([
    ['the same address', {}, false],
    ['another street', { line1: '3 Elm St' }, true],
    ['an apartment added', { line2: 'Apt 2' }, true],
    ['another town', { city: 'Salem', postalCode: '01970' }, true],
  ])('%s -> no location: %s', (_case, change, noLocation) => {
    const next = withNewAddress(p, { ...home, ...change });
    expect(hasNoLocation(next)).toBe(noLocation);
    expect(next.address).toMatchObject({ ...home, ...change });
  });
});

describe('formatPhone', () => {
  it.each([
    ['+16175550123', '(617) 555-0123'],
    ['+442071234567', '+442071234567'],
    ['617-555-0123', '617-555-0123'],
  ])('%s -> %s', (raw, shown) => {
    expect(formatPhone(raw)).toBe(shown);
  });
});
