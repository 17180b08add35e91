/**
 * The lock in the app, with the real worker API and device lock in-process (real WebCrypto,
 * a lower PBKDF2 cost) on fake-indexeddb: PIN setup after sign-in, the lock screen replacing
 * every screen, wrong PINs counted down, the password after a restart, in English and Spanish.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asIsoDateTime } from '../../../domain/ids';
import { applyPullPage } from '../../../storage/applyPullPage';
import { openRoundsDb, type RoundsDb } from '../../../storage/db';
import { writeSession } from '../../../storage/session';
import { asRecord, buildPatient } from '../../../../tests/support/builders';
import { createInProcessWorker, createTestLock, type DeviceLock } from '../../../../tests/support/inProcessWorker';
import { App } from '../../app/App';
import { AppServicesProvider } from '../../data/AppServices';
import { I18nProvider } from '../../i18n/I18n';

let db: RoundsDb;
let n = 0;
const PASSWORD = 'correct horse 7';

function newLock(): DeviceLock {
  return createTestLock(db);
}

/** A device just signed in: key adopted, sealed session and one patient. */
async function signedIn(): Promise<DeviceLock> {
  const lock = newLock();
  await lock.adopt('usr_1', PASSWORD, 'd'.repeat(42) + 'A', 5);
  const deps = { db, codec: lock.codec };
  await writeSession(deps, {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2026-11-22T08:15:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  await applyPullPage(db, lock.codec, [asRecord('patient', buildPatient('pat_1', { givenName: 'José', familyName: 'Núñez' }))], 'c1');
  return lock;
}

function renderApp(lock: DeviceLock, locale: 'en' | 'es' = 'en') {
  const worker = createInProcessWorker(db, undefined, lock);
  return render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker }}>
        <App />
      </AppServicesProvider>
    </I18nProvider>,
  );
}

async function typePin(pin: string, digitLabel = (d: string) => `Digit ${d}`) {
  for (const d of pin) await userEvent.click(await screen.findByRole('button', { name: digitLabel(d) }));
}

beforeEach(() => {
  // See openRoundsDb: jsdom and fake-indexeddb disagree on ArrayBuffer; browsers do not.
  db = openRoundsDb(`test-lock-${n++}`, { cache: 'disabled' });
  window.location.hash = '';
  localStorage.clear();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the lock screen', () => {
  it('asks for a PIN after sign-in, then hides every screen while locked and counts wrong PINs down', async () => {
    const lock = await signedIn();
    renderApp(lock);
    expect(await screen.findByRole('heading', { name: 'Choose a PIN' })).toBeInTheDocument();
    await typePin('9');
    await userEvent.click(screen.getByRole('button', { name: 'Delete last digit' }));
    await typePin('2580');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await typePin('12580');
    await userEvent.click(screen.getByRole('button', { name: 'Save PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The two PINs are different.');
    await typePin('2580');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await typePin('2580');
    await userEvent.click(screen.getByRole('button', { name: 'Save PIN' }));
    expect(await screen.findByRole('link', { name: /José Núñez/ }, { timeout: 5000 })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Rounds is locked' })).toBeInTheDocument();
    expect(screen.queryByText(/Núñez/)).toBeNull();
    expect(screen.queryByText(/Maria Santos/)).toBeNull();

    await typePin('1111');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong PIN. 4 attempts left before your password is needed.');
    await typePin('2580');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: /José Núñez/ }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('after five wrong PINs only the password opens it; after a restart the password is asked with attempts left', async () => {
    const lock = await signedIn();
    await lock.setPin('2580');
    await lock.lock();
    const { unmount } = renderApp(lock);
    for (let i = 0; i < 5; i++) {
      await typePin('0000', (d) => `Digit ${d}`);
      await userEvent.click(await screen.findByRole('button', { name: 'Unlock' }));
      await screen.findByRole('alert');
    }
    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Digit 1' })).toBeNull();
    unmount();

    // A restart: a new worker, no key in memory.
    renderApp(newLock());
    await userEvent.type(await screen.findByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong password. 9 attempts left before this device removes its patient data.');
    await userEvent.type(screen.getByLabelText('Password'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: /José Núñez/ }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('speaks Spanish, and offers the online sign-in for a forgotten PIN or password', async () => {
    const lock = await signedIn();
    await lock.setPin('2580');
    await lock.lock();
    renderApp(lock, 'es');
    expect(await screen.findByRole('heading', { name: 'Rounds está bloqueado' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dígito 7' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Borrar el último dígito' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '¿Olvidó el PIN o la contraseña? Inicie sesión con conexión' }));
    expect(await screen.findByLabelText('Usuario')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Volver' }));
    expect(await screen.findByRole('heading', { name: 'Rounds está bloqueado' })).toBeInTheDocument();
  });
});
