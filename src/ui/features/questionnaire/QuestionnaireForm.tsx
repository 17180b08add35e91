/**
 * A questionnaire filled in during a visit or call, in the current UI language. Fully
 * controlled: the caller owns the answers and autosaves on every onChange; the score shown is
 * derived from the answers on each render. Knows nothing about storage or which patient.
 */
import { useId } from 'react';
import type { AnswerValue, QuestionnaireDefinition } from '../../../domain/questionnaire';
import { scoreResponse, type Answers } from '../../../domain/questionnaires/scoring';
import { useI18n } from '../../i18n/I18n';
import { QuestionItem } from './QuestionItem';
import { ScoreSummary } from './ScoreSummary';

interface Props {
  readonly definition: QuestionnaireDefinition;
  readonly answers: Answers;
  readonly onChange: (answers: Answers) => void;
}

export function QuestionnaireForm({ definition, answers, onChange }: Props) {
  const { locale } = useI18n();
  const formId = useId();
  const result = scoreResponse(definition, answers);

  const answer = (itemId: string, value: AnswerValue | undefined) => {
    // A cleared answer is removed, not stored as empty, so "unanswered" has one meaning.
    const { [itemId]: _cleared, ...rest } = answers;
    onChange(value === undefined ? rest : { ...rest, [itemId]: value });
  };

  return (
    <section className="questionnaire" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{definition.title[locale]}</h2>
      <p className="questionnaire__intro">{definition.intro[locale]}</p>
      {definition.items.map((item, n) => (
        <QuestionItem
          key={item.id}
          item={item}
          number={n + 1}
          name={`${formId}-${item.id}`}
          value={answers[item.id]}
          onAnswer={(value) => answer(item.id, value)}
        />
      ))}
      <ScoreSummary definition={definition} result={result} />
    </section>
  );
}
