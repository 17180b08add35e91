import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '../questionnaire';
import { hra } from './hra';
import { hvs } from './hvs';
import { satisfaction } from './satisfaction';
import { scoreResponse, type Answers } from './scoring';
import { se6 } from './se6';

/** Every HRA item answered with its no-risk option; rows change only what they test. */
const noRisk: Answers = {
  general_health: 'good',
  fell_past_year: 'no',
  fear_of_falling: 'no',
  daily_medicines: 'zero_to_four',
  medicine_trouble: 'no',
  active_days: 'days_5',
  smoking: 'never',
  alcohol: 'none',
  daily_activities: 'no_trouble',
  lives_alone: 'no',
  has_helper: 'yes',
  vision_hearing: 'no',
  feeling_down: 'not_at_all',
  memory_concern: 'no',
};
const worst: Answers = {
  general_health: 'poor',
  fell_past_year: 'yes',
  fear_of_falling: 'yes',
  daily_medicines: 'ten_or_more',
  medicine_trouble: 'yes',
  active_days: 'days_0',
  smoking: 'current',
  alcohol: 'four_or_more_days',
  daily_activities: 'needs_help',
  lives_alone: 'yes',
  has_helper: 'no',
  vision_hearing: 'yes',
  feeling_down: 'most_days',
  memory_concern: 'yes',
};

const en = (def: QuestionnaireDefinition, answers: Answers) => scoreResponse(def, answers).interpretation?.en ?? null;

describe('HRA: sum of risk points, words at the range boundaries', () => {
  const rows: [string, Answers, number, RegExp][] = [
    ['no risk anywhere', noRisk, 0, /^Low risk/],
    ['3 points (top of low)', { ...noRisk, fell_past_year: 'yes', fear_of_falling: 'yes', lives_alone: 'yes' }, 3, /^Low risk/],
    ['4 points (bottom of moderate)', { ...noRisk, fell_past_year: 'yes', fear_of_falling: 'yes', lives_alone: 'yes', vision_hearing: 'yes' }, 4, /^Moderate risk/],
    ['7 points (top of moderate)', { ...noRisk, general_health: 'poor', daily_medicines: 'ten_or_more', smoking: 'current', fell_past_year: 'yes' }, 7, /^Moderate risk/],
    ['8 points (bottom of high)', { ...noRisk, general_health: 'poor', daily_medicines: 'ten_or_more', smoking: 'current', fell_past_year: 'yes', alcohol: 'four_or_more_days' }, 8, /^High risk/],
    ['every risk', worst, 20, /^High risk/],
    ['1-2 active days score one point', { ...noRisk, active_days: 'days_2' }, 1, /^Low risk/],
    ['the optional free text changes nothing', { ...noRisk, anything_else: 'Uses a walker' }, 0, /^Low risk/],
  ];
  it.each(rows)('%s', (_name, answers, score, words) => {
    const result = scoreResponse(hra, answers);
    expect(result.score).toBe(score);
    expect(result.interpretation?.en).toMatch(words);
    expect(result.interpretation?.es).toMatch(/^Riesgo/);
    expect(result.missingRequired).toEqual([]);
  });

  it('shows a running sum but no words until every required item is answered', () => {
    const result = scoreResponse(hra, { fell_past_year: 'yes', smoking: 'current' });
    expect(result.score).toBe(3);
    expect(result.interpretation).toBeNull();
    expect(result.missingRequired).toHaveLength(12);
    expect(result.missingRequired[0]).toBe('general_health');
  });

  it('has no score before anything is answered', () => {
    expect(scoreResponse(hra, {})).toMatchObject({ score: null, interpretation: null });
  });
});

describe('SE6: mean of 1-10 items, not scored with more than two missing', () => {
  const items = se6.items.map((i) => i.id);
  const answered = (values: number[]): Answers => Object.fromEntries(values.map((v, n) => [items[n]!, v]));
  const rows: [string, Answers, number | null][] = [
    ['6 answers', answered([5, 6, 7, 8, 9, 10]), 7.5],
    ['5 answers', answered([1, 2, 3, 4, 10]), 4],
    ['4 answers (two missing is still scored)', answered([2, 4, 6, 8]), 5],
    ['3 answers (three missing is not)', answered([10, 10, 10]), null],
    ['none', {}, null],
    ['an out-of-range value does not count', { ...answered([2, 4, 6, 8]), [items[4]!]: 11 }, 5],
  ];
  it.each(rows)('%s', (_name, answers, score) => {
    const result = scoreResponse(se6, answers);
    expect(result.score).toBe(score);
    expect(result.interpretation === null).toBe(score === null);
  });

  it('names the unanswered items', () => {
    expect(scoreResponse(se6, answered([3, 3, 3, 3])).missingRequired).toEqual(['manage_condition', 'beyond_medication']);
  });
});

describe('Hunger Vital Sign: positive when either statement is often or sometimes true', () => {
  const rows: [string, Answers, number | null, boolean | undefined, RegExp | null][] = [
    ['both never true', { worried_food_would_run_out: 'never', food_did_not_last: 'never' }, 0, false, /^Negative screen/],
    ['often, then never', { worried_food_would_run_out: 'often', food_did_not_last: 'never' }, 1, true, /^Positive screen/],
    ['never, then sometimes', { worried_food_would_run_out: 'never', food_did_not_last: 'sometimes' }, 1, true, /^Positive screen/],
    ['both sometimes', { worried_food_would_run_out: 'sometimes', food_did_not_last: 'sometimes' }, 2, true, /^Positive screen/],
    ['one positive decides before the other is asked', { worried_food_would_run_out: 'often' }, 1, true, /^Positive screen/],
    ['one never true is not yet a negative screen', { food_did_not_last: 'never' }, null, undefined, null],
    ['nothing asked', {}, null, undefined, null],
  ];
  it.each(rows)('%s', (_name, answers, score, positive, words) => {
    const result = scoreResponse(hvs, answers);
    expect(result.score).toBe(score);
    expect(result.positive).toBe(positive);
    if (words) expect(en(hvs, answers)).toMatch(words);
    else expect(result.interpretation).toBeNull();
  });
});

describe('satisfaction: mean of the 1-5 ratings, at least three', () => {
  const rows: [string, Answers, number | null][] = [
    ['three ratings', { visit_helpful: 5, explained_clearly: 4, felt_respected: 3 }, 4],
    ['all five', { visit_helpful: 1, explained_clearly: 2, felt_respected: 3, would_recommend: 4, easy_to_reach: 5 }, 3],
    ['two ratings are too few', { visit_helpful: 5, would_recommend: 5 }, null],
    ['a comment is not a rating', { visit_helpful: 5, would_recommend: 5, comments: 'Great' }, null],
  ];
  it.each(rows)('%s', (_name, answers, score) => {
    expect(scoreResponse(satisfaction, answers).score).toBe(score);
  });

  it('has nothing required, so nothing is ever missing', () => {
    expect(scoreResponse(satisfaction, {}).missingRequired).toEqual([]);
  });
});

describe('unscored questionnaires', () => {
  it('give no score and no words', () => {
    const def: QuestionnaireDefinition = { ...satisfaction, scoring: { kind: 'none' }, interpretation: undefined };
    expect(scoreResponse(def, { visit_helpful: 5, explained_clearly: 5, felt_respected: 5 })).toEqual({
      score: null,
      interpretation: null,
      missingRequired: [],
    });
  });
});
