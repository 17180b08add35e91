/**
 * The Hunger Vital Sign: a two-item food insecurity screen. "Often true" or "sometimes true" to
 * either statement is a positive screen. English wording is the published text; the Spanish
 * follows the wording used in US clinics as closely as we know it, and should be checked against
 * Children's HealthWatch's Spanish version before it is relied on.
 */
import type { AnswerOption, QuestionnaireDefinition } from '../questionnaire';

const frequency: readonly AnswerOption[] = [
  { code: 'often', label: { en: 'Often true', es: 'Frecuentemente cierto' } },
  { code: 'sometimes', label: { en: 'Sometimes true', es: 'A veces cierto' } },
  { code: 'never', label: { en: 'Never true', es: 'Nunca cierto' } },
];

export const hvs: QuestionnaireDefinition = {
  id: 'hvs',
  version: '1',
  title: { en: 'Hunger Vital Sign', es: 'Signo Vital del Hambre (Hunger Vital Sign)' },
  intro: {
    en: 'I am going to read you two statements that people have made about their food situation. For each one, please tell me whether it was often true, sometimes true, or never true for your household in the last 12 months.',
    es: 'Le voy a leer dos frases que algunas personas han dicho sobre su situación con la comida. Para cada una, dígame si fue frecuentemente cierto, a veces cierto o nunca cierto para su hogar en los últimos 12 meses.',
  },
  source:
    'Hunger Vital Sign™, Children’s HealthWatch; free to use. Hager ER, Quigg AM, Black MM, et al. Development and validity ' +
    'of a 2-item screen to identify families at risk for food insecurity. Pediatrics 2010;126(1):e26-e32. Items adapted from ' +
    'the USDA Household Food Security Survey Module.',
  items: [
    {
      id: 'worried_food_would_run_out',
      type: 'choice',
      required: true,
      text: {
        en: 'Within the past 12 months we worried whether our food would run out before we got money to buy more.',
        es: 'En los últimos 12 meses, nos preocupaba que la comida se acabara antes de tener dinero para comprar más.',
      },
      options: frequency,
    },
    {
      id: 'food_did_not_last',
      type: 'choice',
      required: true,
      text: {
        en: 'Within the past 12 months the food we bought just didn’t last and we didn’t have money to get more.',
        es: 'En los últimos 12 meses, la comida que compramos no alcanzó y no teníamos dinero para comprar más.',
      },
      options: frequency,
    },
  ],
  scoring: { kind: 'any_positive', positiveCodes: ['often', 'sometimes'] },
  interpretation: [
    {
      min: 0,
      max: 0,
      label: { en: 'Negative screen for food insecurity', es: 'Tamizaje negativo de inseguridad alimentaria' },
    },
    {
      min: 1,
      max: 2,
      label: {
        en: 'Positive screen: at risk of food insecurity; offer food resources',
        es: 'Tamizaje positivo: riesgo de inseguridad alimentaria; ofrezca recursos de alimentos',
      },
    },
  ],
};
