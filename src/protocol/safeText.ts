/**
 * The one rule for text that travels and is stored: bounded in length, and representable in
 * every store on the way. PostgreSQL's jsonb and text refuse a NUL character, and jsonb refuses
 * a UTF-16 surrogate without its partner (half of an emoji cut off by a length limit or a
 * broken keyboard); such a string would fail the whole transaction that carries it. Every
 * string field of the entity and wire schemas is `safeText(max)` (with `.min(1)` where empty
 * makes no sense), so a bad string is refused at the schema with the field's path.
 *
 * The maxima are named here once, by purpose, and listed in docs/API.md.
 */
import { z } from 'zod';
import { isLanguageTag, LANGUAGE_TAG_MAX, normaliseLanguageTag } from '../domain/languageTag';

/**
 * A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high
 * one. Without the `u` flag the pattern sees UTF-16 code units, which is what makes the lone
 * halves visible.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point.
const UNSAFE_CHAR = /\x00|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'nul' | 'lone_surrogate';

/** Why `text` cannot be stored, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  const match = UNSAFE_CHAR.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'nul' : 'lone_surrogate';
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  nul: 'contains a NUL character, which cannot be stored',
  lone_surrogate: 'contains half of a character (a cut-off emoji?), which cannot be stored',
};

/** Maximum lengths, in UTF-16 code units (what `String.length` counts). */
export const TEXT_MAX = {
  /** Ids of records, devices and mutations. */
  id: 100,
  /** A clock stamp: 15 + 6 digits, two colons and a node id of up to 100. */
  stamp: 123,
  /** A pull cursor (opaque to the device). */
  cursor: 200,
  /** Codes: questionnaire ids, answer keys, field names, record numbers (MRN). */
  code: 100,
  /** Phone numbers, relationships, postal codes. */
  short: 50,
  /** Names of people, providers, facilities; contact point values; address lines. */
  name: 200,
  /** One-line text: a topic, a task or follow-up title, an appointment reason. */
  line: 500,
  /** Free text of a paragraph or two: barrier details, goals, escalation and referral reasons. */
  paragraph: 2000,
  /** A questionnaire's free-text answer (already accepted at this length: never lowered). */
  answer: 5000,
  /** A contact note's or addendum's text. */
  note: 20_000,
} as const;

/** A string of at most `max` characters that every store on the way can hold. */
export function safeText(max: number) {
  return z
    .string()
    .max(max)
    .check((ctx) => {
      const problem = textProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem], input: ctx.value });
    });
}

/**
 * A language code (BCP 47, canonical case: `es`, `en-US`). A spelling with one reading
 * (`en_US`) is read as its canonical form, so a value stored before codes were checked neither
 * fails a pull page nor blocks later changes to its record; anything else is refused.
 */
export const languageTagSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (normaliseLanguageTag(value) ?? value) : value),
  safeText(LANGUAGE_TAG_MAX).refine(isLanguageTag, 'not a language code (BCP 47, like "es" or "en-US")'),
);
