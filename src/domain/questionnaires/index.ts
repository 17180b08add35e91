/**
 * The questionnaires Rounds ships, as data. Adding one means adding its definition file here;
 * the tests then check it like the others.
 */
import type { QuestionnaireDefinition } from '../questionnaire';
import { hra } from './hra';
import { hvs } from './hvs';
import { satisfaction } from './satisfaction';
import { se6 } from './se6';

export const QUESTIONNAIRES: readonly QuestionnaireDefinition[] = [hra, hvs, se6, satisfaction];

export function questionnaireById(id: string): QuestionnaireDefinition | undefined {
  return QUESTIONNAIRES.find((q) => q.id === id);
}

export { scoreResponse, interpret, type Answers, type ScoreResult } from './scoring';
export { validateAnswers, type AnswerProblem, type AnswerProblemCode, type AnswersCheck } from './validate';
export { validateDefinition, type DefinitionProblem, type DefinitionProblemCode, type DefinitionCheck } from './validateDefinition';
