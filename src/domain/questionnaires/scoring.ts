/**
 * Summarises a response by its definition's ScoringRule (see ../questionnaire.ts) and finds the
 * words for the score. Pure and total: answers that do not fit the definition are ignored here
 * (validateAnswers reports them), so a half-filled or slightly stale response still scores.
 */
import type { AnswerValue, LocalText, QuestionnaireDefinition } from '../questionnaire';
import { isAnswered, isScorable, pointsFor } from './answers';

export type Answers = Readonly<Record<string, AnswerValue>>;

export interface ScoreResult {
  /** null when the rule gives no score yet (too few answers) or the questionnaire is not scored. */
  readonly score: number | null;
  /** Only for `any_positive` screeners, and only once the screen has a result. */
  readonly positive?: boolean;
  readonly interpretation: LocalText | null;
  /** Ids of required items without an answer, in the definition's order. */
  readonly missingRequired: string[];
}

export function scoreResponse(def: QuestionnaireDefinition, answers: Answers): ScoreResult {
  const missingRequired = def.items.filter((i) => i.required && !isAnswered(i, answers[i.id])).map((i) => i.id);
  const points = def.items.map((i) => pointsFor(i, answers[i.id])).filter((p): p is number => p !== null);
  const rule = def.scoring;

  switch (rule.kind) {
    case 'none':
      return { score: null, interpretation: null, missingRequired };

    case 'sum': {
      if (points.length === 0) return { score: null, interpretation: null, missingRequired };
      const score = points.reduce((a, b) => a + b, 0);
      // A partial sum understates risk, so the words ("Low risk") wait until every required
      // scorable item is answered; the running number is still shown.
      const partial = def.items.some((i) => i.required && isScorable(i) && !isAnswered(i, answers[i.id]));
      return { score, interpretation: partial ? null : interpret(def, score), missingRequired };
    }

    case 'mean': {
      // The mean of answered items is unbiased by a skipped item, which is why instruments
      // like the SE6 allow a few missing; below minAnswered there is no score at all.
      if (points.length === 0 || points.length < rule.minAnswered) return { score: null, interpretation: null, missingRequired };
      const score = points.reduce((a, b) => a + b, 0) / points.length;
      return { score, interpretation: interpret(def, score), missingRequired };
    }

    case 'any_positive': {
      const screened = def.items.filter(
        (i) => i.type === 'choice' && i.options.some((o) => rule.positiveCodes.includes(o.code)),
      );
      const positives = screened.filter((i) => {
        const value = answers[i.id];
        return typeof value === 'string' && isAnswered(i, value) && rule.positiveCodes.includes(value);
      }).length;
      // One positive answer decides the screen; a negative needs every screening item answered,
      // otherwise an unasked question would read as "no risk".
      const decided = positives > 0 || screened.every((i) => isAnswered(i, answers[i.id]));
      if (!decided) return { score: null, interpretation: null, missingRequired };
      return { score: positives, positive: positives > 0, interpretation: interpret(def, positives), missingRequired };
    }
  }
}

/** The first interpretation range holding the score (ranges are inclusive at both ends). */
export function interpret(def: QuestionnaireDefinition, score: number): LocalText | null {
  return def.interpretation?.find((r) => score >= r.min && score <= r.max)?.label ?? null;
}
