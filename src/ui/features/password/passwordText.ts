/** Words of the "Change password" screen, in English and Spanish. */
import type { ChangePasswordResult } from '../../../worker/client';
import type { Locale } from '../../i18n/I18n';
import { pluralIn } from '../../i18n/plural';

/** Every reason the screen can give for not changing the password: its own checks, then the worker's codes. */
export type PasswordProblem = 'missing' | 'too_short' | 'is_username' | 'mismatch' | Exclude<Extract<ChangePasswordResult, { ok: false }>['code'], 'too_many_attempts'>;

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

const en = {
  title: 'Change password',
  intro: 'Your password signs you in and opens this device when Rounds restarts. Your other devices are signed out when you change it.',
  current: 'Current password',
  next: 'New password (at least 10 characters)',
  confirm: 'Repeat the new password',
  submit: 'Save new password',
  busy: 'Changing…',
  needsConnection: 'Changing your password needs a connection to the server. You are offline.',
  changed: 'Your password was changed. Use the new one from now on; your other devices must sign in again.',
  deviceNotUpdated:
    'This device could not be set to open with the new password. Until you next sign in online here, unlocking it after a restart still needs your previous password.',
  tooManyAttempts: (seconds: number | null) =>
    seconds === null
      ? 'Too many wrong passwords. Wait a while, then try again.'
      : `Too many wrong passwords. Try again in ${enPlural(Math.max(1, Math.ceil(seconds / 60)), { one: '# minute', other: '# minutes' })}.`,
  problem: {
    missing: 'Fill in all three fields.',
    too_short: 'The new password needs at least 10 characters.',
    is_username: 'The new password must not be your username.',
    mismatch: 'The two new passwords are different.',
    wrong_password: 'The current password is wrong. Nothing was changed.',
    weak_password: 'The server did not accept the new password: it needs at least 10 characters and must not be your username or the demo password.',
    offline: 'No connection to the server: the password was not changed. Try again when you are online.',
    unauthorized: 'Your session has ended. Sign in again, then change your password.',
    device_revoked: 'This device has been revoked. Contact your administrator.',
    server_error: 'The server had a problem: the password was not changed. Try again in a few minutes.',
    bad_response: 'The server sent something unexpected, so it is not certain the password changed. Try again; if it keeps happening, tell support.',
    locked: 'The device is locked. Unlock it, then try again.',
  } satisfies Record<PasswordProblem, string>,
};

type PasswordText = typeof en;

const es: PasswordText = {
  title: 'Cambiar contraseña',
  intro: 'Su contraseña le permite iniciar sesión y abre este dispositivo cuando Rounds se reinicia. Al cambiarla se cierra la sesión en sus otros dispositivos.',
  current: 'Contraseña actual',
  next: 'Contraseña nueva (al menos 10 caracteres)',
  confirm: 'Repita la contraseña nueva',
  submit: 'Guardar contraseña nueva',
  busy: 'Cambiando…',
  needsConnection: 'Para cambiar la contraseña se necesita conexión con el servidor. No tiene conexión.',
  changed: 'Su contraseña se cambió. Use la nueva a partir de ahora; sus otros dispositivos deberán iniciar sesión de nuevo.',
  deviceNotUpdated:
    'No se pudo preparar este dispositivo para abrirse con la contraseña nueva. Hasta que vuelva a iniciar sesión en línea aquí, para desbloquearlo tras un reinicio se necesita su contraseña anterior.',
  tooManyAttempts: (seconds: number | null) =>
    seconds === null
      ? 'Demasiadas contraseñas incorrectas. Espere un rato y vuelva a intentarlo.'
      : `Demasiadas contraseñas incorrectas. Vuelva a intentarlo en ${esPlural(Math.max(1, Math.ceil(seconds / 60)), { one: '# minuto', other: '# minutos' })}.`,
  problem: {
    missing: 'Complete los tres campos.',
    too_short: 'La contraseña nueva necesita al menos 10 caracteres.',
    is_username: 'La contraseña nueva no puede ser su nombre de usuario.',
    mismatch: 'Las dos contraseñas nuevas son distintas.',
    wrong_password: 'La contraseña actual es incorrecta. No se cambió nada.',
    weak_password:
      'El servidor no aceptó la contraseña nueva: necesita al menos 10 caracteres y no puede ser su nombre de usuario ni la contraseña de demostración.',
    offline: 'Sin conexión con el servidor: la contraseña no se cambió. Vuelva a intentarlo cuando tenga conexión.',
    unauthorized: 'Su sesión terminó. Inicie sesión de nuevo y luego cambie la contraseña.',
    device_revoked: 'Este dispositivo fue revocado. Comuníquese con su administrador.',
    server_error: 'El servidor tuvo un problema: la contraseña no se cambió. Vuelva a intentarlo en unos minutos.',
    bad_response: 'El servidor envió algo inesperado, así que no es seguro que la contraseña se haya cambiado. Vuelva a intentarlo; si sigue pasando, avise a soporte.',
    locked: 'El dispositivo está bloqueado. Desbloquéelo y vuelva a intentarlo.',
  },
};

export const PASSWORD_TEXT: Record<Locale, PasswordText> = { en, es };
