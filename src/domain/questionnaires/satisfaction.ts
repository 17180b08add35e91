/**
 * A short satisfaction survey after a visit or call, written for Rounds (not a published
 * instrument). The five ratings are 1-5 and averaged; every item is optional because feedback
 * is voluntary, and the mean needs three ratings to say anything.
 */
import type { LocalText, QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';

const rating = (id: string, text: LocalText, minLabel: LocalText, maxLabel: LocalText): QuestionnaireItem => ({
  id,
  type: 'scale',
  required: false,
  text,
  min: 1,
  max: 5,
  minLabel,
  maxLabel,
});

export const satisfaction: QuestionnaireDefinition = {
  id: 'satisfaction',
  version: '1',
  title: { en: 'How did we do?', es: '¿Cómo lo hicimos?' },
  intro: {
    en: 'We would like to know how today’s visit or call went for you. Your answers help us improve and do not change your care. You may skip any question.',
    es: 'Queremos saber cómo le pareció la visita o llamada de hoy. Sus respuestas nos ayudan a mejorar y no cambian la atención que usted recibe. Puede saltarse cualquier pregunta.',
  },
  source: 'Written for Rounds (2026); not a validated instrument.',
  items: [
    rating(
      'visit_helpful',
      { en: 'How helpful was today’s visit or call?', es: '¿Qué tan útil fue para usted la visita o llamada de hoy?' },
      { en: 'Not at all helpful', es: 'Nada útil' },
      { en: 'Very helpful', es: 'Muy útil' },
    ),
    rating(
      'explained_clearly',
      { en: 'How clearly did we explain things to you?', es: '¿Qué tan claro le explicamos las cosas?' },
      { en: 'Not at all clearly', es: 'Nada claro' },
      { en: 'Very clearly', es: 'Muy claro' },
    ),
    rating(
      'felt_respected',
      { en: 'How respected did you feel during the visit or call?', es: 'Durante la visita o llamada, ¿qué tanto respeto sintió de nuestra parte?' },
      { en: 'Not at all respected', es: 'Nada de respeto' },
      { en: 'Completely respected', es: 'Mucho respeto' },
    ),
    rating(
      'would_recommend',
      {
        en: 'How likely are you to recommend our service to a friend or family member?',
        es: '¿Qué tan probable es que recomiende nuestro servicio a un amigo o familiar?',
      },
      { en: 'Not at all likely', es: 'Nada probable' },
      { en: 'Very likely', es: 'Muy probable' },
    ),
    rating(
      'easy_to_reach',
      { en: 'How easy is it to reach us when you need us?', es: '¿Qué tan fácil es comunicarse con nosotros cuando nos necesita?' },
      { en: 'Very hard', es: 'Muy difícil' },
      { en: 'Very easy', es: 'Muy fácil' },
    ),
    {
      id: 'comments',
      type: 'text',
      required: false,
      text: {
        en: 'Is there anything we could do better, or anything else you want to tell us?',
        es: '¿Hay algo que podamos hacer mejor, o algo más que quiera decirnos?',
      },
    },
  ],
  scoring: { kind: 'mean', minAnswered: 3 },
  interpretation: [
    {
      min: 1,
      max: 5,
      label: {
        en: 'Average rating, from 1 (lowest) to 5 (highest)',
        es: 'Calificación promedio, de 1 (la más baja) a 5 (la más alta)',
      },
    },
  ],
};
