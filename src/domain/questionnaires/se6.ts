/**
 * Self-Efficacy for Managing Chronic Disease 6-Item Scale (Stanford). English wording is the
 * published text; Spanish items 1-4 and the instructions follow Stanford's published Spanish
 * scale (SEMCD-S, which has only those four items), and items 5-6 are translated in the same
 * style because Stanford published no Spanish for them. Scored as the mean of the items; not
 * scored when more than two are missing (the instrument's rule), hence minAnswered 4.
 */
import type { LocalText, QuestionnaireDefinition, QuestionnaireItem } from '../questionnaire';

const confidence = (id: string, text: LocalText): QuestionnaireItem => ({
  id,
  type: 'scale',
  required: true,
  text,
  min: 1,
  max: 10,
  minLabel: { en: 'Not at all confident', es: 'Muy inseguro(a)' },
  maxLabel: { en: 'Totally confident', es: 'Muy seguro(a)' },
});

export const se6: QuestionnaireDefinition = {
  id: 'se6',
  version: '1',
  title: {
    en: 'Self-Efficacy for Managing Chronic Disease (6 items)',
    es: 'Autoeficacia para manejar enfermedades crónicas (6 preguntas)',
  },
  intro: {
    en: 'We would like to know how confident you are in doing certain activities. For each of the following questions, please choose the number that corresponds to your confidence that you can do the tasks regularly at the present time.',
    es: 'En las siguientes preguntas nos gustaría saber qué piensa Ud. de sus habilidades para controlar su enfermedad. Por favor marque el número que mejor corresponda a su nivel de seguridad de que puede realizar en este momento las siguientes tareas.',
  },
  source:
    'Self-Efficacy for Managing Chronic Disease 6-Item Scale, Stanford Patient Education Research Center; free to use. ' +
    'Lorig KR, Sobel DS, Ritter PL, Laurent D, Hobbs M. Effect of a self-management program for patients with chronic disease. ' +
    'Effective Clinical Practice 2001;4:256-262. Spanish items 1-4 and instructions: Stanford Spanish Chronic Disease ' +
    'Self-Efficacy scale (SEMCD-S; Lorig KR, Ritter PL, González VM, Nursing Research 2003;52(6):361-369). Spanish items 5-6 ' +
    'translated for Rounds (no Stanford Spanish exists for them); have them reviewed before reporting Spanish scores.',
  items: [
    confidence('fatigue', {
      en: 'How confident are you that you can keep the fatigue caused by your disease from interfering with the things you want to do?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder evitar que la fatiga o cansancio debido a su enfermedad interfiera con las cosas que quiere hacer?',
    }),
    confidence('pain', {
      en: 'How confident are you that you can keep the physical discomfort or pain of your disease from interfering with the things you want to do?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder evitar que las dolencias debido a su enfermedad interfieran con las cosas que quiere hacer?',
    }),
    confidence('emotional_distress', {
      en: 'How confident are you that you can keep the emotional distress caused by your disease from interfering with the things you want to do?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder evitar que el estado emocional debido a su enfermedad interfiera con las cosas que quiere hacer?',
    }),
    confidence('other_symptoms', {
      en: 'How confident are you that you can keep any other symptoms or health problems you have from interfering with the things you want to do?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder evitar que algunos otros síntomas o problemas de salud que tiene interfieran con las cosas que quiere hacer?',
    }),
    confidence('manage_condition', {
      en: 'How confident are you that you can do the different tasks and activities needed to manage your health condition so as to reduce your need to see a doctor?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder hacer las diferentes tareas y actividades necesarias para controlar su condición de salud, de manera que necesite ir al médico con menos frecuencia?',
    }),
    confidence('beyond_medication', {
      en: 'How confident are you that you can do things other than just taking medication to reduce how much your illness affects your everyday life?',
      es: '¿Qué tan seguro(a) se siente Ud. de poder hacer otras cosas, además de tomar medicamentos, para que su enfermedad afecte menos su vida diaria?',
    }),
  ],
  scoring: { kind: 'mean', minAnswered: 4 },
  // The scale has no clinical cut-off; the words only say which way is better.
  interpretation: [
    {
      min: 1,
      max: 10,
      label: {
        en: 'Mean confidence from 1 to 10; higher means more confidence in managing health',
        es: 'Promedio de seguridad de 1 a 10; un número más alto indica más seguridad para manejar su salud',
      },
    },
  ],
};
