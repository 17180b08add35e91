/**
 * "Change password" as a person sees it, with the real worker API and device lock in-process
 * (real WebCrypto, a low PBKDF2 cost, fake-indexeddb) and a stand-in for
 * `POST /api/auth/password`: the screen's own checks send nothing, each refusal is said and
 * keeps what was typed, a success clears the fields and the device then opens with the new
 * password; in English and Spanish.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asIsoDateTime } from '../../../domain/ids';
import { openRoundsDb, type RoundsDb } from '../../../storage/db';
import { writeSession } from '../../../storage/session';
import { createOnlineInProcessWorker, createTestLock, type DeviceLock } from '../../../../tests/support/inProcessWorker';
import { AppServicesProvider } from '../../data/AppServices';
import { I18nProvider, type Locale } from '../../i18n/I18n';
import { ChangePasswordScreen } from './ChangePasswordScreen';

const OLD = 'correct horse 7';
const NEW = 'battery staple 42';
let db: RoundsDb;
let n = 0;

interface Sent {
  readonly path: string;
  readonly body: unknown;
}

/** What the stand-in server answers next; `offline` throws as a dropped network does. */
type Answer = { readonly status: number; readonly body: unknown; readonly headers?: Record<string, string> } | 'offline';

beforeEach(() => {
  db = openRoundsDb(`test-password-${n++}-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function signedIn(): Promise<DeviceLock> {
  const lock = createTestLock(db);
  await lock.adopt('usr_1', OLD, undefined, 5);
  await lock.setPin('2580');
  await writeSession({ db, codec: lock.codec }, {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2026-11-22T08:15:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria.santos' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  return lock;
}

async function renderScreen(answers: Answer[], locale: Locale = 'en') {
  const lock = await signedIn();
  const sent: Sent[] = [];
  const fetchDouble: typeof fetch = async (input, init) => {
    const answer = answers.shift();
    if (!answer) throw new Error('no answer left for this request');
    sent.push({ path: new URL(String(input), 'http://rounds.test').pathname, body: JSON.parse(String(init?.body)) });
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  const worker = createOnlineInProcessWorker({ db, lock, fetch: fetchDouble });
  render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker }}>
        <ChangePasswordScreen username="maria.santos" />
      </AppServicesProvider>
    </I18nProvider>,
  );
  return { sent, user: userEvent.setup() };
}

const refusal = (status: number, code: string, message: string, headers?: Record<string, string>): Answer => ({ status, body: { error: { code, message } }, headers });

async function fill(user: ReturnType<typeof userEvent.setup>, current: string, next: string, repeat: string) {
  await user.type(screen.getByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password (at least 10 characters)'), next);
  await user.type(screen.getByLabelText('Repeat the new password'), repeat);
}

/** Whether the device, restarted, opens with this password (offline: the wrap alone decides). */
async function opensWith(password: string): Promise<boolean> {
  return (await createTestLock(db).unlockWithPassword(password)).ok;
}

describe('changing one’s password', () => {
  it('two different new passwords, a short one or the username are refused before anything is sent, keeping what was typed', async () => {
    const { sent, user } = await renderScreen([]);
    await fill(user, OLD, NEW, 'battery staple 43');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The two new passwords are different.');
    expect(screen.getByLabelText('Current password')).toHaveValue(OLD);
    expect(screen.getByLabelText('New password (at least 10 characters)')).toHaveValue(NEW);
    expect(screen.getByLabelText('Repeat the new password')).toHaveValue('battery staple 43');

    await user.clear(screen.getByLabelText('New password (at least 10 characters)'));
    await user.type(screen.getByLabelText('New password (at least 10 characters)'), 'short');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The new password needs at least 10 characters.');

    await user.clear(screen.getByLabelText('New password (at least 10 characters)'));
    await user.type(screen.getByLabelText('New password (at least 10 characters)'), 'Maria.Santos');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The new password must not be your username.');
    expect(sent).toEqual([]);
    expect(await opensWith(OLD)).toBe(true);
  });

  it('says each refusal of the server, keeping what was typed, and the device still opens with the old password', async () => {
    const { sent, user } = await renderScreen([
      refusal(403, 'forbidden', 'currentPassword: the current password is wrong'),
      refusal(400, 'bad_request', 'newPassword: the demo password cannot be used'),
      refusal(429, 'too_many_attempts', 'Too many attempts', { 'retry-after': '120' }),
      'offline',
    ]);
    await fill(user, 'not my password', NEW, NEW);
    const save = screen.getByRole('button', { name: 'Save new password' });
    await user.click(save);
    expect(await screen.findByRole('alert')).toHaveTextContent('The current password is wrong. Nothing was changed.');
    expect(screen.getByLabelText('Current password')).toHaveValue('not my password');
    expect(screen.getByLabelText('Repeat the new password')).toHaveValue(NEW);

    await user.click(save);
    expect(await screen.findByText(/The server did not accept the new password/)).toBeInTheDocument();
    await user.click(save);
    expect(await screen.findByText('Too many wrong passwords. Try again in 2 minutes.')).toBeInTheDocument();
    await user.click(save);
    expect(await screen.findByText('No connection to the server: the password was not changed. Try again when you are online.')).toBeInTheDocument();
    expect(screen.getByLabelText('New password (at least 10 characters)')).toHaveValue(NEW);

    expect(sent).toHaveLength(4);
    expect(sent[0]).toEqual({ path: '/api/auth/password', body: { currentPassword: 'not my password', newPassword: NEW } });
    expect(await opensWith(OLD)).toBe(true);
    expect(await opensWith(NEW)).toBe(false);
  });

  it('a success says so and clears the fields; the device then opens with the new password only', async () => {
    const { sent, user } = await renderScreen([{ status: 200, body: { ok: true } }]);
    await fill(user, OLD, NEW, NEW);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password was changed.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    for (const label of ['Current password', 'New password (at least 10 characters)', 'Repeat the new password']) {
      expect(screen.getByLabelText(label)).toHaveValue('');
    }
    expect(sent).toEqual([{ path: '/api/auth/password', body: { currentPassword: OLD, newPassword: NEW } }]);
    expect(await opensWith(NEW)).toBe(true);
    expect(await opensWith(OLD)).toBe(false);
  });

  it('in Spanish: when the server took the change but this device could not be re-wrapped, it says both', async () => {
    // The server accepts a current password that is not the one this device's key is wrapped
    // under (changed elsewhere since this device last signed in): the key cannot be re-wrapped.
    const { user } = await renderScreen([{ status: 200, body: { ok: true } }], 'es');
    await user.type(screen.getByLabelText('Contraseña actual'), 'changed elsewhere 1');
    await user.type(screen.getByLabelText('Contraseña nueva (al menos 10 caracteres)'), NEW);
    await user.type(screen.getByLabelText('Repita la contraseña nueva'), NEW);
    await user.click(within(screen.getByRole('form', { name: 'Cambiar contraseña' })).getByRole('button', { name: 'Guardar contraseña nueva' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Su contraseña se cambió.');
    expect(screen.getByRole('alert')).toHaveTextContent('No se pudo preparar este dispositivo para abrirse con la contraseña nueva.');
    expect(await opensWith(OLD)).toBe(true);
  });

  it('offline, it says that changing the password needs a connection', async () => {
    // jsdom's navigator.onLine comes from its prototype; an own property hides it for this test.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await renderScreen([]);
      expect(screen.getByRole('status')).toHaveTextContent('Changing your password needs a connection to the server. You are offline.');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });
});
