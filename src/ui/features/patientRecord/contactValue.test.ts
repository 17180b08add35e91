import { describe, expect, it } from 'vitest';
import type { ContactChannel } from '../../../domain/patient';
import { parseContactValue, type ContactValueResult } from './contactValue';

const CASES: readonly [channel: ContactChannel, input: string, expected: ContactValueResult][] = [
  ['phone', '(617) 555-0123', { ok: true, value: '+16175550123' }],
  ['sms', '617-555-0123', { ok: true, value: '+16175550123' }],
  ['sms', '555-0123', { ok: false, problem: 'too_few_digits' }],
  ['email', ' ana.perez@example.org ', { ok: true, value: 'ana.perez@example.org' }],
  ['email', '', { ok: false, problem: 'empty' }],
  ['email', 'ana.perez', { ok: false, problem: 'bad_email' }],
  ['email', 'ana@example', { ok: false, problem: 'bad_email' }],
  ['email', 'ana @example.org', { ok: false, problem: 'bad_email' }],
];

describe('parseContactValue', () => {
  it.each(CASES)('%s %j → %j', (channel, input, expected) => {
    expect(parseContactValue(channel, input)).toEqual(expected);
  });
});
