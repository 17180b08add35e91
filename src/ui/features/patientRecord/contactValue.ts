/**
 * Checks the value of a new contact point for its channel: phones and text numbers become
 * E.164 through normalizePhone; email addresses need one "@" with a dotted domain. Pure.
 */
import type { ContactChannel } from '../../../domain/patient';
import { normalizePhone, type PhoneProblem } from './normalizePhone';

export type ContactValueProblem = PhoneProblem | 'bad_email';

export type ContactValueResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: ContactValueProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseContactValue(channel: ContactChannel, input: string): ContactValueResult {
  if (channel !== 'email') return normalizePhone(input);
  const value = input.trim();
  if (value === '') return { ok: false, problem: 'empty' };
  return EMAIL.test(value) ? { ok: true, value } : { ok: false, problem: 'bad_email' };
}
