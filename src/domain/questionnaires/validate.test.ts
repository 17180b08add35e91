import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../questionnaire';
import { hra } from './hra';
import { hvs } from './hvs';
import { se6 } from './se6';
import { validateAnswers, type AnswerProblemCode } from './validate';

describe('validateAnswers', () => {
  it('accepts answers that fit, including an empty free text', () => {
    expect(validateAnswers(hra, { smoking: 'former', anything_else: '' })).toEqual({ ok: true });
    expect(validateAnswers(se6, { fatigue: 1, pain: 10 })).toEqual({ ok: true });
    expect(validateAnswers(hvs, {})).toEqual({ ok: true });
  });

  // One row per kind of misfit: the answer and the problem it must name.
  const rows: [string, typeof hra, Record<string, AnswerValue>, string, AnswerProblemCode][] = [
    ['an item the questionnaire does not have', hvs, { pets: 'often' }, 'pets', 'unknown_item'],
    ['a code that is not an option', hvs, { food_did_not_last: 'rarely' }, 'food_did_not_last', 'not_an_option'],
    ['a number for a choice', hra, { smoking: 2 }, 'smoking', 'not_an_option'],
    ['a scale value above max', se6, { fatigue: 11 }, 'fatigue', 'out_of_range'],
    ['a scale value below min', se6, { fatigue: 0 }, 'fatigue', 'out_of_range'],
    ['a fractional scale value', se6, { fatigue: 5.5 }, 'fatigue', 'out_of_range'],
    ['text for a scale', se6, { fatigue: '7' }, 'fatigue', 'out_of_range'],
    ['a number for free text', hra, { anything_else: 3 }, 'anything_else', 'not_text'],
  ];
  it.each(rows)('rejects %s, naming the item', (_name, def, answers, itemId, code) => {
    expect(validateAnswers(def, answers)).toEqual({ ok: false, problems: [{ itemId, code }] });
  });

  it('reports every misfit, not just the first', () => {
    const check = validateAnswers(se6, { fatigue: 0, pain: 3, mood: 5 });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.itemId).sort()).toEqual(['fatigue', 'mood']);
  });
});
