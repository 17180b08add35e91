import { describe, expect, it } from 'vitest';
import { normalizePhone, type PhoneResult } from './normalizePhone';

const ok = (value: string): PhoneResult => ({ ok: true, value });
const no = (problem: Extract<PhoneResult, { ok: false }>['problem']): PhoneResult => ({ ok: false, problem });

// One row per case: what the person typed, and what the app stores or says.
const CASES: readonly [input: string, expected: PhoneResult][] = [
  ['(617) 555-0123', ok('+16175550123')],
  ['(617)555-0123', ok('+16175550123')],
  ['617-555-0123', ok('+16175550123')],
  ['617.555.0123', ok('+16175550123')],
  ['617 555 0123', ok('+16175550123')],
  ['6175550123', ok('+16175550123')],
  ['  617-555-0123  ', ok('+16175550123')],
  ['+1 617 555 0123', ok('+16175550123')],
  ['+1 (617) 555-0123', ok('+16175550123')],
  ['+16175550123', ok('+16175550123')],
  ['1-617-555-0123', ok('+16175550123')],
  ['16175550123', ok('+16175550123')],
  ['', no('empty')],
  ['   ', no('empty')],
  ['617-555-01234x', no('invalid_characters')],
  ['617 555 0123 ext 4', no('invalid_characters')],
  ['call me', no('invalid_characters')],
  ['+44 20 7946 0958', no('not_north_american')],
  ['+52 55 1234 5678', no('not_north_american')],
  ['555-0123', no('too_few_digits')],
  ['617-555-012', no('too_few_digits')],
  ['+1 617 555 012', no('too_few_digits')],
  ['617-555-01234', no('too_many_digits')],
  ['+1 617 555 01234', no('too_many_digits')],
  ['26175550123', no('too_many_digits')],
  ['(017) 555-0123', no('bad_area_code')],
  ['117-555-0123', no('bad_area_code')],
  ['617-055-0123', no('bad_exchange')],
  ['61-75-550-123', no('unrecognised_format')],
  ['(617 555-0123', no('unrecognised_format')],
  ['617--555-0123', no('unrecognised_format')],
];

describe('normalizePhone', () => {
  it.each(CASES)('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toEqual(expected);
  });
});
