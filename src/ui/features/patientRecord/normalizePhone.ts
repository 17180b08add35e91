/**
 * Turns a North American phone number as a person types it into E.164 (`+16175550123`), or
 * says exactly what is wrong with it. Pure: no React, no storage. Only NANP numbers (+1) are
 * accepted because every programme this app serves dials within the US.
 */

export type PhoneProblem =
  | 'empty'
  | 'invalid_characters'
  | 'not_north_american'
  | 'too_few_digits'
  | 'too_many_digits'
  | 'bad_area_code'
  | 'bad_exchange'
  | 'unrecognised_format';

export type PhoneResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: PhoneProblem };

/** The shapes people write: `(617) 555-0123`, `617-555-0123`, `617.555.0123`, `+1 617 555 0123`. */
const SHAPE = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}$/;

export function normalizePhone(input: string): PhoneResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, problem: 'empty' };
  if (/[^\d\s().+-]/.test(text)) return { ok: false, problem: 'invalid_characters' };
  const international = text.startsWith('+');
  if (international && !/^\+\s?1/.test(text)) return { ok: false, problem: 'not_north_american' };

  const digits = text.replace(/\D/g, '');
  // With a leading "+" the 1 is the country code, so exactly 11 digits are expected.
  const expected = international || (digits.length === 11 && digits.startsWith('1')) ? 11 : 10;
  if (digits.length < expected) return { ok: false, problem: 'too_few_digits' };
  if (digits.length > expected) return { ok: false, problem: 'too_many_digits' };

  const national = digits.slice(-10);
  if (/^[01]/.test(national)) return { ok: false, problem: 'bad_area_code' };
  if (/^[01]/.test(national.slice(3))) return { ok: false, problem: 'bad_exchange' };
  if (!SHAPE.test(text)) return { ok: false, problem: 'unrecognised_format' };
  return { ok: true, value: `+1${national}` };
}
