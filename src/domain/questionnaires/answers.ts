/**
 * What one answer means for one item: whether it counts as answered, and the points it carries.
 * Shared by scoring and definition checks so they agree on which items are scorable. Knows
 * nothing about scoring rules or interpretation.
 */
import type { AnswerValue, QuestionnaireItem } from '../questionnaire';

/** A whitespace-only text is treated as unanswered: it tells the care team nothing. */
export function isAnswered(item: QuestionnaireItem, value: AnswerValue | undefined): boolean {
  switch (item.type) {
    case 'choice':
      return typeof value === 'string' && item.options.some((o) => o.code === value);
    case 'scale':
      return isScaleValue(item, value);
    case 'text':
      return typeof value === 'string' && value.trim() !== '';
  }
}

export function isScaleValue(item: Extract<QuestionnaireItem, { type: 'scale' }>, value: AnswerValue | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= item.min && value <= item.max;
}

/**
 * An item is scorable when every possible answer carries points: a scale (its value) or a
 * choice whose options all have a score. Text never scores.
 */
export function isScorable(item: QuestionnaireItem): boolean {
  switch (item.type) {
    case 'choice':
      return item.options.every((o) => o.score !== undefined);
    case 'scale':
      return true;
    case 'text':
      return false;
  }
}

/** The points an answer carries, or null when the item is unanswered, unscorable or the answer does not fit. */
export function pointsFor(item: QuestionnaireItem, value: AnswerValue | undefined): number | null {
  switch (item.type) {
    case 'choice': {
      const option = item.options.find((o) => o.code === value);
      return option?.score ?? null;
    }
    case 'scale':
      return isScaleValue(item, value) ? value : null;
    case 'text':
      return null;
  }
}

/** Lowest and highest points a scorable item can carry; null for unscorable items. */
export function pointRange(item: QuestionnaireItem): { readonly min: number; readonly max: number } | null {
  if (!isScorable(item)) return null;
  switch (item.type) {
    case 'choice': {
      const scores = item.options.map((o) => o.score ?? 0);
      return { min: Math.min(...scores), max: Math.max(...scores) };
    }
    case 'scale':
      return { min: item.min, max: item.max };
    case 'text':
      return null;
  }
}
