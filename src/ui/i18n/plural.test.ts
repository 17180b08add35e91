import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { pluralIn } from './plural';

describe('pluralIn', () => {
  it('picks the form by the language’s rules and writes the count for the locale', () => {
    const enPlural = pluralIn('en');
    const esPlural = pluralIn('es');
    const forms = { one: '# change', other: '# changes' };
    expect(enPlural(1, forms)).toBe('1 change');
    expect(enPlural(0, forms)).toBe('0 changes');
    expect(enPlural(1250, forms)).toBe('1,250 changes');
    expect(esPlural(1, { one: '# cambio', other: '# cambios' })).toBe('1 cambio');
    expect(esPlural(1_000_000, { one: '# cambio', other: '# cambios', many: '# de cambios' })).toMatch(/de cambios$/);
  });

  it('makes the verb agree with the count when sign-out is blocked, in both languages', () => {
    expect(en.signOutBlocked(1)).toContain('1 change on this device has not reached');
    expect(en.signOutBlocked(3)).toContain('3 changes on this device have not reached');
    expect(es.signOutBlocked(1)).toContain('1 cambio en este dispositivo aún no llegó');
    expect(es.signOutBlocked(2)).toContain('2 cambios en este dispositivo aún no llegaron');
    expect(en.resultsCount(1, 1)).toBe('1 of 1 patient');
    expect(en.resultsCount(50, 1250)).toBe('50 of 1,250 patients');
  });
});
