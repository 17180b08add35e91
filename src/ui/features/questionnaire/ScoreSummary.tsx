/**
 * The live result under a questionnaire: score (or screen result) and its words in a polite live
 * region, and whether every required question is answered. Shows what scoreResponse says; it
 * computes nothing itself.
 */
import type { QuestionnaireDefinition } from '../../../domain/questionnaire';
import type { ScoreResult } from '../../../domain/questionnaires/scoring';
import { useI18n } from '../../i18n/I18n';
import { QUESTIONNAIRE_TEXT, type QuestionnaireText } from './questionnaireText';

interface Props {
  readonly definition: QuestionnaireDefinition;
  readonly result: ScoreResult;
}

export function ScoreSummary({ definition, result }: Props) {
  const { locale } = useI18n();
  const text = QUESTIONNAIRE_TEXT[locale];
  const missing = result.missingRequired.length;
  const scored = definition.scoring.kind !== 'none';
  const screen = definition.scoring.kind === 'any_positive';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const headline = screen
    ? (result.interpretation?.[locale] ?? pending(definition, text))
    : result.score === null
      ? pending(definition, text)
      : number.format(result.score);

  return (
    <div className="questionnaire__summary">
      {scored && (
        <div aria-live="polite" className={result.positive ? 'questionnaire__result questionnaire__result--positive' : 'questionnaire__result'}>
          <p>
            <strong>{screen ? text.result : text.score}:</strong> {headline}
          </p>
          {!screen && result.score !== null && (
            <p>{result.interpretation ? result.interpretation[locale] : text.waitsForRequired}</p>
          )}
        </div>
      )}
      <p className="questionnaire__status">{missing === 0 ? text.complete : text.missing(missing)}</p>
    </div>
  );
}

/** Why there is no score yet, in the rule's own terms. */
function pending(definition: QuestionnaireDefinition, text: QuestionnaireText): string {
  switch (definition.scoring.kind) {
    case 'mean':
      return text.needsAnswers(definition.scoring.minAnswered);
    case 'any_positive':
      return text.screenUndecided;
    case 'sum':
    case 'none':
      return text.notAnswered;
  }
}
