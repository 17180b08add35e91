/**
 * A short pre-visit Health Risk Assessment, written for Rounds (not a published instrument).
 * Each answer carries risk points (0 = no added risk); the sum sorts patients into low,
 * moderate and high risk so the specialist knows what to raise with the care team before a
 * telehealth visit. The points and cut-offs are a triage aid, not a diagnosis.
 */
import type { AnswerOption, QuestionnaireDefinition } from '../questionnaire';

const yesNo = (yesScore: number, noScore: number): readonly AnswerOption[] => [
  { code: 'yes', label: { en: 'Yes', es: 'Sí' }, score: yesScore },
  { code: 'no', label: { en: 'No', es: 'No' }, score: noScore },
];

/** Days 0-7 kept one by one (the care team wants the number), scored in three bands. */
const activeDays: readonly AnswerOption[] = [0, 1, 2, 3, 4, 5, 6, 7].map((d) => ({
  code: `days_${d}`,
  label:
    d === 0
      ? { en: 'No days', es: 'Ningún día' }
      : d === 1
        ? { en: '1 day', es: '1 día' }
        : { en: `${d} days`, es: `${d} días` },
  score: d === 0 ? 2 : d <= 2 ? 1 : 0,
}));

export const hra: QuestionnaireDefinition = {
  id: 'hra',
  version: '1',
  title: { en: 'Health check before your visit', es: 'Revisión de salud antes de su visita' },
  intro: {
    en: 'These questions help your care team get ready for your visit. There are no right or wrong answers.',
    es: 'Estas preguntas ayudan a su equipo de atención médica a prepararse para su visita. No hay respuestas correctas ni incorrectas.',
  },
  source:
    'Written for Rounds as a pre-visit triage checklist (2026); not a validated instrument. ' +
    'Risk points and ranges are a starting point for the clinical lead to confirm.',
  items: [
    {
      id: 'general_health',
      type: 'choice',
      required: true,
      text: { en: 'How would you rate your health overall these days?', es: '¿Cómo calificaría usted su salud en general estos días?' },
      options: [
        { code: 'excellent', label: { en: 'Excellent', es: 'Excelente' }, score: 0 },
        { code: 'very_good', label: { en: 'Very good', es: 'Muy buena' }, score: 0 },
        { code: 'good', label: { en: 'Good', es: 'Buena' }, score: 0 },
        { code: 'fair', label: { en: 'Fair', es: 'Regular' }, score: 1 },
        { code: 'poor', label: { en: 'Poor', es: 'Mala' }, score: 2 },
      ],
    },
    {
      id: 'fell_past_year',
      type: 'choice',
      required: true,
      text: {
        en: 'Have you had a fall in the past 12 months, even one that did not hurt you?',
        es: 'En los últimos 12 meses, ¿se ha caído alguna vez, aunque no se haya lastimado?',
      },
      options: yesNo(1, 0),
    },
    {
      id: 'fear_of_falling',
      type: 'choice',
      required: true,
      text: {
        en: 'Do you worry about falling when you walk or move around at home?',
        es: '¿Le preocupa caerse cuando camina o se mueve dentro de su casa?',
      },
      options: yesNo(1, 0),
    },
    {
      id: 'daily_medicines',
      type: 'choice',
      required: true,
      text: {
        en: 'How many different medicines do you take each day? Count prescriptions, medicines bought without a prescription, and vitamins.',
        es: '¿Cuántos medicamentos diferentes toma usted al día? Cuente los recetados, los que compra sin receta y las vitaminas.',
      },
      options: [
        { code: 'zero_to_four', label: { en: '0 to 4', es: 'De 0 a 4' }, score: 0 },
        { code: 'five_to_nine', label: { en: '5 to 9', es: 'De 5 a 9' }, score: 1 },
        { code: 'ten_or_more', label: { en: '10 or more', es: '10 o más' }, score: 2 },
      ],
    },
    {
      id: 'medicine_trouble',
      type: 'choice',
      required: true,
      text: {
        en: 'Is it ever hard to take your medicines the way your doctor prescribed, for example because you forget, they cost too much, or they make you feel bad?',
        es: '¿A veces se le hace difícil tomar sus medicamentos como se los recetó el médico, por ejemplo porque se le olvida, porque cuestan mucho o porque le caen mal?',
      },
      options: yesNo(1, 0),
    },
    {
      id: 'active_days',
      type: 'choice',
      required: true,
      text: {
        en: 'In a usual week, on how many days are you physically active for at least 30 minutes, for example walking?',
        es: 'En una semana normal, ¿cuántos días hace usted actividad física por lo menos 30 minutos, por ejemplo caminar?',
      },
      options: activeDays,
    },
    {
      id: 'smoking',
      type: 'choice',
      required: true,
      text: {
        en: 'Which best describes your use of cigarettes or other tobacco?',
        es: '¿Qué describe mejor su consumo de cigarrillos u otro tipo de tabaco?',
      },
      options: [
        { code: 'never', label: { en: 'I have never used tobacco', es: 'Nunca he fumado ni usado tabaco' }, score: 0 },
        { code: 'former', label: { en: 'I used to, but I quit', es: 'Antes fumaba o usaba tabaco, pero lo dejé' }, score: 1 },
        { code: 'current', label: { en: 'I use tobacco now', es: 'Actualmente fumo o uso tabaco' }, score: 2 },
      ],
    },
    {
      id: 'alcohol',
      type: 'choice',
      required: true,
      text: {
        en: 'In a usual week, on how many days do you drink alcohol, such as beer, wine or liquor?',
        es: 'En una semana normal, ¿cuántos días toma usted bebidas con alcohol, como cerveza, vino o licor?',
      },
      options: [
        { code: 'none', label: { en: 'I do not drink alcohol', es: 'No tomo alcohol' }, score: 0 },
        { code: 'less_than_weekly', label: { en: 'Less than once a week', es: 'Menos de una vez por semana' }, score: 0 },
        { code: 'one_to_three_days', label: { en: '1 to 3 days a week', es: 'De 1 a 3 días por semana' }, score: 0 },
        { code: 'four_or_more_days', label: { en: '4 or more days a week', es: '4 días o más por semana' }, score: 1 },
      ],
    },
    {
      id: 'daily_activities',
      type: 'choice',
      required: true,
      text: {
        en: 'Do you have trouble with everyday care, such as bathing or getting dressed?',
        es: '¿Tiene dificultad con su cuidado diario, por ejemplo para bañarse o vestirse?',
      },
      options: [
        { code: 'no_trouble', label: { en: 'No trouble', es: 'Ninguna dificultad' }, score: 0 },
        { code: 'some_trouble', label: { en: 'Some trouble, but I manage', es: 'Algo de dificultad, pero me las arreglo' }, score: 1 },
        { code: 'needs_help', label: { en: 'I need someone to help me', es: 'Necesito que alguien me ayude' }, score: 2 },
      ],
    },
    {
      id: 'lives_alone',
      type: 'choice',
      required: true,
      text: { en: 'Do you live alone?', es: '¿Vive usted solo o sola?' },
      options: yesNo(1, 0),
    },
    {
      id: 'has_helper',
      type: 'choice',
      required: true,
      text: {
        en: 'If you got sick or needed help at home, is there someone you could count on?',
        es: 'Si usted se enfermara o necesitara ayuda en casa, ¿tiene a alguien con quien pueda contar?',
      },
      options: yesNo(0, 1),
    },
    {
      id: 'vision_hearing',
      type: 'choice',
      required: true,
      text: {
        en: 'Do you have trouble seeing or hearing, even with glasses or hearing aids?',
        es: '¿Tiene dificultad para ver o para oír, aun usando lentes o aparatos para oír?',
      },
      options: yesNo(1, 0),
    },
    {
      id: 'feeling_down',
      type: 'choice',
      required: true,
      text: {
        en: 'In the last 2 weeks, how often have you felt sad, low, or without hope?',
        es: 'En las últimas 2 semanas, ¿qué tan seguido se ha sentido triste, con el ánimo decaído o sin esperanza?',
      },
      options: [
        { code: 'not_at_all', label: { en: 'Not at all', es: 'Nunca' }, score: 0 },
        { code: 'some_days', label: { en: 'Some days', es: 'Algunos días' }, score: 1 },
        { code: 'most_days', label: { en: 'Most days', es: 'Casi todos los días' }, score: 2 },
      ],
    },
    {
      id: 'memory_concern',
      type: 'choice',
      required: true,
      text: {
        en: 'Lately, have you or your family been worried about your memory?',
        es: 'Últimamente, ¿le ha preocupado a usted o a su familia su memoria?',
      },
      options: yesNo(1, 0),
    },
    {
      id: 'anything_else',
      type: 'text',
      required: false,
      text: {
        en: 'Is there anything else you would like your care team to know before your visit?',
        es: '¿Hay algo más que le gustaría que su equipo de atención médica sepa antes de su visita?',
      },
    },
  ],
  scoring: { kind: 'sum' },
  // Highest possible sum is 20 (see the options above).
  interpretation: [
    { min: 0, max: 3, label: { en: 'Low risk', es: 'Riesgo bajo' } },
    {
      min: 4,
      max: 7,
      label: {
        en: 'Moderate risk: go over the answers that scored with the care team',
        es: 'Riesgo moderado: revise con el equipo de atención las respuestas que sumaron puntos',
      },
    },
    {
      min: 8,
      max: 20,
      label: {
        en: 'High risk: tell the care team before the visit',
        es: 'Riesgo alto: avise al equipo de atención antes de la visita',
      },
    },
  ],
};
