import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';
import { hra } from './hra';
import { hvs } from './hvs';
import { QUESTIONNAIRES } from './index';
import { satisfaction } from './satisfaction';
import { scoreResponse, type Answers } from './scoring';
import { se6 } from './se6';
import { validateAnswers } from './validate';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** A valid answer for one item. */
function answerFor(item: QuestionnaireItem): fc.Arbitrary<AnswerValue> {
  switch (item.type) {
    case 'choice':
      return fc.constantFrom(...item.options.map((o) => o.code));
    case 'scale':
      return fc.integer({ min: item.min, max: item.max });
    case 'text':
      return fc.string();
  }
}

/** Any subset of the items answered with valid values. */
function answersFor(def: QuestionnaireDefinition): fc.Arbitrary<Answers> {
  // With no required keys fast-check leaves unanswered items out (never sets them to undefined).
  return fc.record(Object.fromEntries(def.items.map((i) => [i.id, answerFor(i)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;
}

describe(`questionnaire scoring properties (seed ${seed})`, () => {
  console.log(`questionnaire scoring property seed: ${seed}`);

  it('generated answers are valid for every shipped questionnaire', () => {
    for (const def of QUESTIONNAIRES) {
      fc.assert(fc.property(answersFor(def), (answers) => {
          expect(validateAnswers(def, answers)).toEqual({ ok: true });
        }), { seed, numRuns: 100 });
    }
  });

  it('a mean lies within the scale and exists exactly when enough items are answered', () => {
    for (const def of [se6, satisfaction]) {
      const rule = def.scoring as { kind: 'mean'; minAnswered: number };
      fc.assert(
        fc.property(answersFor(def), (answers) => {
          const ratings = def.items.filter((i) => i.type === 'scale' && typeof answers[i.id] === 'number');
          const { score, interpretation } = scoreResponse(def, answers);
          if (ratings.length < rule.minAnswered) {
            expect(score).toBeNull();
            return;
          }
          const min = Math.min(...def.items.flatMap((i) => (i.type === 'scale' ? [i.min] : [])));
          const max = Math.max(...def.items.flatMap((i) => (i.type === 'scale' ? [i.max] : [])));
          expect(score).toBeGreaterThanOrEqual(min);
          expect(score).toBeLessThanOrEqual(max);
          expect(interpretation).not.toBeNull();
        }),
        { seed, numRuns: 300 },
      );
    }
  });

  it('a mean over any scale stays within that scale', () => {
    const scaleDef = fc
      .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 8 }))
      .map(([min, width, count]): QuestionnaireDefinition => ({
        ...se6,
        items: Array.from({ length: count }, (_, n) => ({ ...se6.items[0]!, id: `q${n}`, min, max: min + width }) as QuestionnaireItem),
        scoring: { kind: 'mean', minAnswered: 1 },
        interpretation: undefined,
      }));
    fc.assert(
      fc.property(scaleDef.chain((def) => fc.tuple(fc.constant(def), answersFor(def))), ([def, answers]) => {
        const { score } = scoreResponse(def, answers);
        const item = def.items[0] as Extract<QuestionnaireItem, { type: 'scale' }>;
        if (Object.keys(answers).length === 0) {
          expect(score).toBeNull();
          return;
        }
        expect(score).toBeGreaterThanOrEqual(item.min);
        expect(score).toBeLessThanOrEqual(item.max);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('a sum equals the option scores of the answered items added by hand', () => {
    fc.assert(
      fc.property(answersFor(hra), (answers) => {
        let manual = 0;
        let answered = 0;
        for (const item of hra.items) {
          if (item.type !== 'choice' || answers[item.id] === undefined) continue;
          manual += item.options.find((o) => o.code === answers[item.id])!.score!;
          answered++;
        }
        expect(scoreResponse(hra, answers).score).toBe(answered === 0 ? null : manual);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('a screen is positive exactly when some answer is a positive code', () => {
    const rule = hvs.scoring as { kind: 'any_positive'; positiveCodes: readonly string[] };
    fc.assert(
      fc.property(answersFor(hvs), (answers) => {
        const positives = Object.values(answers).filter((v) => rule.positiveCodes.includes(String(v))).length;
        const result = scoreResponse(hvs, answers);
        if (positives > 0) expect(result).toMatchObject({ score: positives, positive: true });
        else if (Object.keys(answers).length === hvs.items.length) expect(result).toMatchObject({ score: 0, positive: false });
        else expect(result.score).toBeNull();
      }),
      { seed, numRuns: 300 },
    );
  });
});
