/**
 * A questionnaire inside a draft note: choose the instrument, answer it, and keep the answers
 * as a QuestionnaireResponse record saved on every change (like the draft itself).
 */
import { useState } from 'react';
import type { Activity } from '../../../domain/contactNote';
import type { QuestionnaireResponseId } from '../../../domain/ids';
import type { QuestionnaireResponse } from '../../../domain/questionnaire';
import { questionnaireById, QUESTIONNAIRES, scoreResponse, type Answers } from '../../../domain/questionnaires';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { QuestionnaireForm } from '../questionnaire/QuestionnaireForm';
import { useNoteText } from './useNoteText';

type QuestionnaireActivityValue = Extract<Activity, { kind: 'questionnaire' }>;

interface Props {
  readonly activity: QuestionnaireActivityValue;
  readonly patientId: string;
  readonly noteId: string;
  readonly responses: readonly QuestionnaireResponse[];
  readonly onChange: (a: QuestionnaireActivityValue) => void;
}

export function QuestionnaireActivity({ activity, patientId, noteId, responses, onChange }: Props) {
  const tx = useNoteText();
  const { locale } = useI18n();
  const { worker } = useServices();
  const stored = responses.find((r) => r.id === activity.responseId);
  const [answers, setAnswers] = useState<Answers>(stored?.answers ?? {});
  const definition = questionnaireById(activity.questionnaireId);

  async function answer(next: Answers) {
    if (!definition) return;
    setAnswers(next);
    const id = activity.responseId ?? (crypto.randomUUID() as QuestionnaireResponseId);
    const score = scoreResponse(definition, next);
    const response: QuestionnaireResponse = {
      id,
      questionnaireId: definition.id,
      questionnaireVersion: definition.version,
      patientId: patientId as QuestionnaireResponse['patientId'],
      noteId: noteId as QuestionnaireResponse['noteId'],
      answers: next,
      score: score.score,
      language: locale,
      status: score.missingRequired.length === 0 ? 'completed' : 'in_progress',
      updatedAt: new Date().toISOString() as QuestionnaireResponse['updatedAt'],
    };
    await worker.saveRecord('questionnaireResponse', response);
    if (activity.responseId !== id) onChange({ ...activity, responseId: id });
  }

  return (
    <>
      <label className="field">
        <span>{tx.questionnaireLabel}</span>
        <select
          value={activity.questionnaireId}
          disabled={activity.responseId !== null}
          onChange={(e) => onChange({ ...activity, questionnaireId: e.target.value })}
        >
          {QUESTIONNAIRES.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title[locale]}
            </option>
          ))}
        </select>
      </label>
      {definition && <QuestionnaireForm definition={definition} answers={answers} onChange={(a) => void answer(a)} />}
    </>
  );
}
