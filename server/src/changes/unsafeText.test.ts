import { describe, expect, it } from 'vitest';
import { unsafeTextMessage } from './unsafeText';

const NUL = 'contains a NUL character, which cannot be stored';
const HALF = 'contains half of a character (a cut-off emoji?), which cannot be stored';

describe('unsafe text in a change', () => {
  it.each<[string, unknown, string | null]>([
    ['plain values', { text: 'Reviewed the diary', durationMinutes: 30, outcome: null }, null],
    ['a whole emoji and accents', { text: 'Muy bien 😀 señora', tags: ['ñ'] }, null],
    ['an empty change', {}, null],
    ['a NUL in a top-level string', { text: 'a\u0000b' }, `text: ${NUL}`],
    ['a high surrogate cut off at the end', { text: 'Great \uD83D' }, `text: ${HALF}`],
    ['a low surrogate on its own', { text: '\uDE00 smile' }, `text: ${HALF}`],
    ['a NUL deep in an array of objects', { activities: [{ topic: 'ok' }, { topic: 'x\u0000' }] }, `activities.1.topic: ${NUL}`],
    ['a bad string inside a record of answers', { answers: { q1: 2, q2: 'fine', q3: '\uD800' } }, `answers.q3: ${HALF}`],
    ['a NUL in a field name, written as its escape', { 'te\u0000xt': 'x' }, `te\\u0000xt: the field name ${NUL}`],
    ['a lone surrogate in a nested field name', { escalation: { ['\uDBFF']: 1 } }, `escalation.\\udbff: the field name ${HALF}`],
    ['the first problem in document order', { a: 'ok', b: ['\u0000'], c: '\uD800' }, `b.0: ${NUL}`],
  ])('%s', (_case, values, expected) => {
    expect(unsafeTextMessage(values)).toBe(expected);
  });

  it('a nesting far deeper than any record does not exhaust the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(unsafeTextMessage({ deep })).toMatch(/^deep\.0\.0\..*: contains a NUL/);
  });
});
