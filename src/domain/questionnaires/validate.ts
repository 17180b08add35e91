/**
 * Checks that stored answers fit a definition before they are saved or synced: every key names
 * an item, and every value is of that item's kind. Says nothing about completeness (that is
 * scoring's missingRequired) and never repairs answers.
 */
import type { AnswerValue, QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';
import { isScaleValue } from './answers';

export type AnswerProblemCode = 'unknown_item' | 'not_an_option' | 'out_of_range' | 'not_text';

export interface AnswerProblem {
  readonly itemId: string;
  readonly code: AnswerProblemCode;
}

export type AnswersCheck = { readonly ok: true } | { readonly ok: false; readonly problems: AnswerProblem[] };

export function validateAnswers(def: QuestionnaireDefinition, answers: Readonly<Record<string, AnswerValue>>): AnswersCheck {
  const items = new Map(def.items.map((i) => [i.id, i]));
  const problems: AnswerProblem[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const item = items.get(itemId);
    const code = item ? answerProblem(item, value) : 'unknown_item';
    if (code) problems.push({ itemId, code });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function answerProblem(item: QuestionnaireItem, value: AnswerValue): AnswerProblemCode | null {
  switch (item.type) {
    case 'choice':
      return typeof value === 'string' && item.options.some((o) => o.code === value) ? null : 'not_an_option';
    case 'scale':
      // A scale answer is a whole number from min to max; anything else, text included, is out of range.
      return isScaleValue(item, value) ? null : 'out_of_range';
    case 'text':
      return typeof value === 'string' ? null : 'not_text';
  }
}
