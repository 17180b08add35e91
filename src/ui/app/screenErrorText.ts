/** Words of the message shown in place of a screen that failed to draw, in English and Spanish. */
import type { Locale } from '../i18n/I18n';
import type { Route } from './useHashRoute';

const en = {
  failed: {
    roster: 'The patient list could not be shown.',
    followUps: 'The follow-ups list could not be shown.',
    today: "Today's plan could not be shown.",
    conflicts: 'The list of conflicts and refused changes could not be shown.',
    patient: "This patient's record could not be shown.",
    note: 'This contact note could not be shown.',
    password: 'The password form could not be shown.',
  } satisfies Record<Route['name'], string>,
  reassure: 'Your saved work is safe on this device. The rest of the app still works.',
  tryAgain: 'Try again',
  backToPatients: 'Back to patients',
};

type ScreenErrorText = typeof en;

const es: ScreenErrorText = {
  failed: {
    roster: 'No se pudo mostrar la lista de pacientes.',
    followUps: 'No se pudo mostrar la lista de seguimientos.',
    today: 'No se pudo mostrar el plan de hoy.',
    conflicts: 'No se pudo mostrar la lista de conflictos y cambios rechazados.',
    patient: 'No se pudo mostrar el expediente de este paciente.',
    note: 'No se pudo mostrar esta nota de contacto.',
    password: 'No se pudo mostrar el formulario de contraseña.',
  },
  reassure: 'Su trabajo guardado está a salvo en este dispositivo. El resto de la aplicación sigue funcionando.',
  tryAgain: 'Intentar de nuevo',
  backToPatients: 'Volver a pacientes',
};

export const SCREEN_ERROR_TEXT: Record<Locale, ScreenErrorText> = { en, es };
