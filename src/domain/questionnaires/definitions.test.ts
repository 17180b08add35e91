import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';
import { QUESTIONNAIRES, questionnaireById } from './index';
import { validateDefinition, type DefinitionProblem } from './validateDefinition';

describe('shipped questionnaires', () => {
  it.each(QUESTIONNAIRES.map((q) => [q.id, q] as const))('%s is a valid definition', (_id, def) => {
    expect(validateDefinition(def)).toEqual({ ok: true });
  });

  it('have unique ids and are found by id', () => {
    const ids = QUESTIONNAIRES.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['hra', 'satisfaction', 'se6', 'hvs']));
    for (const id of ids) expect(questionnaireById(id)?.id).toBe(id);
    expect(questionnaireById('nope')).toBeUndefined();
  });

  it('cite where each instrument comes from', () => {
    expect(questionnaireById('se6')?.source).toMatch(/Stanford Patient Education Research Center/);
    expect(questionnaireById('hvs')?.source).toMatch(/Hager ER.*Pediatrics 2010/);
  });
});

type ChoiceItem = Extract<QuestionnaireItem, { type: 'choice' }>;
type ScaleItem = Extract<QuestionnaireItem, { type: 'scale' }>;

const choice: ChoiceItem = {
  id: 'q1',
  type: 'choice',
  required: true,
  text: { en: 'Q1', es: 'P1' },
  options: [
    { code: 'a', label: { en: 'A', es: 'A' }, score: 0 },
    { code: 'b', label: { en: 'B', es: 'B' }, score: 2 },
  ],
};
const scale: ScaleItem = {
  id: 'q2',
  type: 'scale',
  required: false,
  text: { en: 'Q2', es: 'P2' },
  min: 0,
  max: 3,
  minLabel: { en: 'Lo', es: 'Ba' },
  maxLabel: { en: 'Hi', es: 'Al' },
};
const base: QuestionnaireDefinition = {
  id: 'demo',
  version: '1',
  title: { en: 'Demo', es: 'Demo' },
  intro: { en: 'Intro', es: 'Intro' },
  source: 'Test',
  items: [choice, scale],
  scoring: { kind: 'sum' },
  interpretation: [
    { min: 0, max: 2, label: { en: 'Low', es: 'Bajo' } },
    { min: 3, max: 5, label: { en: 'High', es: 'Alto' } },
  ],
};

// One row per broken definition: what is wrong, and the problem it must report.
const broken: [string, QuestionnaireDefinition, DefinitionProblem][] = [
  ['id not snake_case', { ...base, id: 'Demo-1' }, { where: 'id', code: 'bad_id' }],
  ['missing Spanish title', { ...base, title: { en: 'Demo', es: ' ' } }, { where: 'title', code: 'missing_text' }],
  ['no source', { ...base, source: '' }, { where: 'source', code: 'missing_field' }],
  ['no items', { ...base, items: [], interpretation: undefined }, { where: 'items', code: 'no_items' }],
  ['duplicate item id', { ...base, items: [choice, { ...scale, id: 'q1' }] }, { where: 'items.q1', code: 'duplicate_item_id' }],
  ['missing Spanish item text', { ...base, items: [{ ...choice, text: { en: 'Q1', es: '' } }, scale] }, { where: 'items.q1.text', code: 'missing_text' }],
  [
    'duplicate option code',
    { ...base, items: [{ ...choice, options: [choice.options[0]!, { ...choice.options[1]!, code: 'a' }] }, scale] },
    { where: 'items.q1.options.a', code: 'duplicate_option' },
  ],
  ['one option only', { ...base, items: [{ ...choice, options: [choice.options[0]!] }, scale] }, { where: 'items.q1.options', code: 'too_few_options' }],
  ['scale min not below max', { ...base, items: [choice, { ...scale, min: 3, max: 3 }] }, { where: 'items.q2', code: 'bad_scale' }],
  [
    'sum with an unscored option',
    { ...base, items: [{ ...choice, options: [choice.options[0]!, { code: 'b', label: { en: 'B', es: 'B' } }] }, scale] },
    { where: 'items.q1.options.b', code: 'missing_option_score' },
  ],
  ['mean needing more answers than items', { ...base, scoring: { kind: 'mean', minAnswered: 3 }, interpretation: undefined }, { where: 'scoring.minAnswered', code: 'bad_min_answered' }],
  ['positive code not an option', { ...base, scoring: { kind: 'any_positive', positiveCodes: ['zzz'] }, interpretation: undefined }, { where: 'scoring.positiveCodes.zzz', code: 'unknown_positive_code' }],
  [
    'interpretation leaves a score without words',
    { ...base, interpretation: [{ min: 0, max: 2, label: { en: 'Low', es: 'Bajo' } }, { min: 4, max: 5, label: { en: 'High', es: 'Alto' } }] },
    { where: 'interpretation.1', code: 'interpretation_gap' },
  ],
  [
    'interpretation ranges overlap',
    { ...base, interpretation: [{ min: 0, max: 3, label: { en: 'Low', es: 'Bajo' } }, { min: 3, max: 5, label: { en: 'High', es: 'Alto' } }] },
    { where: 'interpretation.1', code: 'interpretation_overlap' },
  ],
  [
    'interpretation stops short of the highest score',
    { ...base, interpretation: [{ min: 0, max: 4, label: { en: 'Low', es: 'Bajo' } }] },
    { where: 'interpretation', code: 'interpretation_gap' },
  ],
  ['words for an unscored questionnaire', { ...base, scoring: { kind: 'none' } }, { where: 'interpretation', code: 'bad_interpretation' }],
];

describe('validateDefinition', () => {
  it('accepts the well-formed base', () => {
    expect(validateDefinition(base)).toEqual({ ok: true });
  });

  it.each(broken)('reports: %s', (_name, def, problem) => {
    const check = validateDefinition(def);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toContainEqual(problem);
  });

  it('lets a mean range start where the previous one ends (continuous scores)', () => {
    const def: QuestionnaireDefinition = {
      ...base,
      items: [scale],
      scoring: { kind: 'mean', minAnswered: 1 },
      interpretation: [
        { min: 0, max: 1.5, label: { en: 'Low', es: 'Bajo' } },
        { min: 1.5, max: 3, label: { en: 'High', es: 'Alto' } },
      ],
    };
    expect(validateDefinition(def)).toEqual({ ok: true });
  });
});
