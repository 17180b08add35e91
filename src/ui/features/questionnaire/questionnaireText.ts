/**
 * The few words the questionnaire form adds around a definition's own texts, in both UI
 * languages. Kept here rather than in i18n/en.ts and es.ts so the feature stays self-contained;
 * the `QuestionnaireText` type keeps the two tables in step.
 */
import type { Locale } from '../../i18n/I18n';
import { pluralIn } from '../../i18n/plural';

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

export interface QuestionnaireText {
  readonly required: string;
  readonly clear: string;
  readonly clearAnswer: (question: number) => string;
  readonly score: string;
  readonly result: string;
  readonly notAnswered: string;
  readonly needsAnswers: (n: number) => string;
  readonly waitsForRequired: string;
  readonly screenUndecided: string;
  readonly complete: string;
  readonly missing: (n: number) => string;
  // A saved response, read back on a signed note
  readonly answersTitle: string;
  readonly answeredIn: (language: string) => string;
  readonly scaleAnswer: (value: string, max: string) => string;
  readonly noResponse: string;
  readonly unknownQuestionnaire: string;
}

export const QUESTIONNAIRE_TEXT: Record<Locale, QuestionnaireText> = {
  en: {
    required: 'Required',
    clear: 'Clear',
    // The visible word comes first so speech input ("click Clear") still finds the button.
    clearAnswer: (q) => `Clear answer to question ${q}`,
    score: 'Score',
    result: 'Result',
    notAnswered: 'Not answered',
    needsAnswers: (n) => `Scored once at least ${n} questions are answered`,
    waitsForRequired: 'The result shows when every required question is answered',
    screenUndecided: 'Not decided yet: answer every question',
    complete: 'Complete: every required question is answered',
    missing: (n) => enPlural(n, { one: '# required question not answered', other: '# required questions not answered' }),
    answersTitle: 'Answers',
    answeredIn: (language) => `Answered in ${language}`,
    scaleAnswer: (value, max) => `${value} of ${max}`,
    noResponse: 'No answers were recorded.',
    unknownQuestionnaire: 'A questionnaire this version of Rounds does not know',
  },
  es: {
    required: 'Obligatoria',
    clear: 'Borrar',
    clearAnswer: (q) => `Borrar la respuesta a la pregunta ${q}`,
    score: 'Puntuación',
    result: 'Resultado',
    notAnswered: 'Sin responder',
    needsAnswers: (n) => `Se calcula cuando haya por lo menos ${n} preguntas respondidas`,
    waitsForRequired: 'El resultado aparece cuando todas las preguntas obligatorias estén respondidas',
    screenUndecided: 'Aún sin resultado: responda todas las preguntas',
    complete: 'Completo: todas las preguntas obligatorias están respondidas',
    missing: (n) => esPlural(n, { one: 'Falta # pregunta obligatoria', other: 'Faltan # preguntas obligatorias' }),
    answersTitle: 'Respuestas',
    answeredIn: (language) => `Respondido en ${language.toLocaleLowerCase('es')}`,
    scaleAnswer: (value, max) => `${value} de ${max}`,
    noResponse: 'No se registraron respuestas.',
    unknownQuestionnaire: 'Un cuestionario que esta versión de Rounds no conoce',
  },
};
