/**
 * One question as a fieldset: its legend (number, text, "Required"), the controls for its type,
 * and a Clear button once answered. Controlled: reports the new value (undefined = cleared) and
 * keeps nothing itself.
 */
import type { AnswerValue, QuestionnaireItem } from '../../../domain/questionnaire';
import { useI18n } from '../../i18n/I18n';
import { QUESTIONNAIRE_TEXT } from './questionnaireText';

interface Props {
  readonly item: QuestionnaireItem;
  readonly number: number;
  /** Unique per form and item: radio group name and the root of element ids. */
  readonly name: string;
  readonly value: AnswerValue | undefined;
  readonly onAnswer: (value: AnswerValue | undefined) => void;
}

export function QuestionItem({ item, number, name, value, onAnswer }: Props) {
  const { locale } = useI18n();
  const text = QUESTIONNAIRE_TEXT[locale];
  const legendId = `${name}-legend`;

  return (
    <fieldset className="questionnaire__item">
      <legend id={legendId}>
        <span className="questionnaire__number">{number}.</span> {item.text[locale]}
        {item.required && <span className="questionnaire__required"> ({text.required})</span>}
      </legend>
      <ItemControls item={item} name={name} legendId={legendId} value={value} onAnswer={onAnswer} />
      {value !== undefined && (
        <button type="button" className="button button--link questionnaire__clear" aria-label={text.clearAnswer(number)} onClick={() => onAnswer(undefined)}>
          {text.clear}
        </button>
      )}
    </fieldset>
  );
}

function ItemControls({ item, name, legendId, value, onAnswer }: Omit<Props, 'number'> & { readonly legendId: string }) {
  const { locale } = useI18n();
  switch (item.type) {
    case 'choice':
      return (
        <div className="questionnaire__options">
          {item.options.map((o) => (
            <label key={o.code} className="check questionnaire__option">
              <input type="radio" name={name} value={o.code} checked={value === o.code} required={item.required} onChange={() => onAnswer(o.code)} />
              <span>{o.label[locale]}</span>
            </label>
          ))}
        </div>
      );

    case 'scale': {
      const values = Array.from({ length: item.max - item.min + 1 }, (_, n) => item.min + n);
      // The end labels describe the end radios, so "1" is heard as "1, Not at all confident".
      const describedBy = (v: number) => (v === item.min ? `${name}-min` : v === item.max ? `${name}-max` : undefined);
      return (
        <div className="questionnaire__scale">
          <div className="questionnaire__scale-options">
            {values.map((v) => (
              <label key={v} className="questionnaire__scale-option">
                <input
                  type="radio"
                  name={name}
                  value={v}
                  checked={value === v}
                  required={item.required}
                  aria-describedby={describedBy(v)}
                  onChange={() => onAnswer(v)}
                />
                <span>{v}</span>
              </label>
            ))}
          </div>
          <div className="questionnaire__scale-ends">
            <span id={`${name}-min`}>
              {item.min}: {item.minLabel[locale]}
            </span>
            <span id={`${name}-max`}>
              {item.max}: {item.maxLabel[locale]}
            </span>
          </div>
        </div>
      );
    }

    case 'text':
      return (
        <textarea
          className="questionnaire__text"
          aria-labelledby={legendId}
          rows={3}
          required={item.required}
          value={typeof value === 'string' ? value : ''}
          // An emptied box is no answer, so required checks and the Clear button agree.
          onChange={(e) => onAnswer(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}
