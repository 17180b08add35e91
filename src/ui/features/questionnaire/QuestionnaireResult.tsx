/**
 * A saved questionnaire response read back, e.g. on a signed note: the instrument's title, its
 * score and what the score means (the risk level), and every question with its answer, all
 * in the reader's language from the definition's own texts (never stored codes). Scores are
 * recomputed from the answers by the same rule as the form, so both always agree.
 */
import { useId } from 'react';
import type { AnswerValue, QuestionnaireItem, QuestionnaireResponse } from '../../../domain/questionnaire';
import { questionnaireById, scoreResponse } from '../../../domain/questionnaires';
import { isAnswered } from '../../../domain/questionnaires/answers';
import { useI18n } from '../../i18n/I18n';
import { QUESTIONNAIRE_TEXT, type QuestionnaireText } from './questionnaireText';
import { ScoreSummary } from './ScoreSummary';

interface Props {
  readonly questionnaireId: string;
  readonly response: QuestionnaireResponse | undefined;
}

export function QuestionnaireResult({ questionnaireId, response }: Props) {
  const { locale, languageName, formatNumber } = useI18n();
  const text = QUESTIONNAIRE_TEXT[locale];
  const titleId = useId();
  const definition = questionnaireById(questionnaireId);
  if (!definition) {
    return <p className="muted">{text.unknownQuestionnaire}</p>;
  }
  const answers = response?.answers ?? {};
  return (
    <section className="questionnaire-result" aria-labelledby={titleId}>
      <h3 id={titleId}>{definition.title[locale]}</h3>
      {!response ? (
        <p className="muted">{text.noResponse}</p>
      ) : (
        <>
          <ScoreSummary definition={definition} result={scoreResponse(definition, answers)} />
          {response.language !== locale && <p className="muted">{text.answeredIn(languageName(response.language))}</p>}
          <h4>{text.answersTitle}</h4>
          <dl className="questionnaire-result__answers">
            {definition.items.map((item) => (
              <div key={item.id}>
                <dt>{item.text[locale]}</dt>
                <dd>{answerText(item, answers[item.id], locale, text, formatNumber)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function answerText(
  item: QuestionnaireItem,
  value: AnswerValue | undefined,
  locale: 'en' | 'es',
  text: QuestionnaireText,
  formatNumber: (n: number) => string,
): string {
  if (!isAnswered(item, value)) return text.notAnswered;
  switch (item.type) {
    case 'choice':
      return item.options.find((o) => o.code === value)?.label[locale] ?? text.notAnswered;
    case 'scale':
      return text.scaleAnswer(formatNumber(Number(value)), formatNumber(item.max));
    case 'text':
      return String(value);
  }
}
