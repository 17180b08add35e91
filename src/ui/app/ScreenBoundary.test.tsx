/**
 * One value a screen cannot draw blanks only that screen: a patient whose stored language is
 * not a language code still shows, and a screen that throws is replaced by a message naming
 * it, in English and Spanish, while the header and navigation keep working.
 */
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asIsoDateTime } from '../../domain/ids';
import { applyPullPage } from '../../storage/applyPullPage';
import { plainCodec } from '../../storage/codec';
import { openRoundsDb, type RoundsDb } from '../../storage/db';
import { setMeta } from '../../storage/meta';
import { asRecord, buildPatient } from '../../../tests/support/builders';
import { createInProcessWorker } from '../../../tests/support/inProcessWorker';
import { AppServicesProvider, type AppServices } from '../data/AppServices';
import { I18nProvider, type Locale } from '../i18n/I18n';
import { App } from './App';

// The follow-ups screen stands for any screen with a bug in it.
vi.mock('../features/followUps/FollowUpsScreen', () => ({
  FollowUpsScreen: () => {
    throw new Error('a bug in the follow-ups screen');
  },
}));

// The machine running the suite may be busy: wait on what a person sees for longer than 1 s.
configure({ asyncUtilTimeout: 5000 });

let db: RoundsDb;
let n = 0;

// The real worker's reads on the test's database; sync and sign-out are doubles.
const worker = () =>
  ({
    ...createInProcessWorker(db),
    syncNow: vi.fn(async () => ({ ok: true as const, received: 0 })),
    signOut: vi.fn(async () => undefined),
    // An unlocked device: the lock itself is tested in features/lock.
    subscribeLock: vi.fn(async (cb: (s: unknown) => void) =>
      cb({ state: 'unlocked', pinAttemptsLeft: 5, passwordAttemptsLeft: 10, lockAfterMinutes: 5 }),
    ),
    touch: vi.fn(async () => undefined),
  }) as unknown as AppServices['worker'];

function renderApp(locale: Locale = 'en') {
  return render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker: worker() }}>
        <App />
      </AppServicesProvider>
    </I18nProvider>,
  );
}

async function seed() {
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  // Written before language codes were checked: one with a repairable spelling, one not a code at all.
  await applyPullPage(
    db,
    plainCodec,
    [
      asRecord('patient', buildPatient('pat_1', { givenName: 'Mary', familyName: 'Underscore', language: 'en_US' })),
      asRecord('patient', buildPatient('pat_2', { givenName: 'Gary', familyName: 'Garbage', language: '!!' })),
    ],
    'cursor-1',
  );
}

beforeEach(() => {
  db = openRoundsDb(`test-boundary-${n++}`);
  window.location.hash = '';
  localStorage.clear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

describe('a screen that cannot be drawn', { timeout: 30_000 }, () => {
  it('patients whose stored language is en_US or "!!" still show, on the list and on their record', async () => {
    await seed();
    renderApp();
    const list = await screen.findByRole('list', { name: 'Patients' });
    expect(await within(list).findByRole('link', { name: /Mary Underscore/ })).toHaveTextContent('American English');
    expect(within(list).getByRole('link', { name: /Gary Garbage/ })).toHaveTextContent('!!');

    await userEvent.click(within(list).getByRole('link', { name: /Gary Garbage/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Gary Garbage' })).toBeVisible();
    window.location.hash = '#/patients/pat_1';
    expect(await screen.findByRole('heading', { level: 1, name: 'Mary Underscore' })).toBeVisible();
    expect(screen.getAllByText(/American English/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a screen that throws says which one failed, and the navigation still works', async () => {
    await seed();
    renderApp();
    await screen.findByRole('list', { name: 'Patients' });
    const nav = screen.getByRole('navigation', { name: 'Main' });

    await userEvent.click(within(nav).getByRole('link', { name: /Follow-ups/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The follow-ups list could not be shown.');
    expect(alert).toHaveTextContent('Your saved work is safe on this device.');
    // The header is still there: sync status and sign-out.
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The follow-ups list could not be shown.');

    await userEvent.click(screen.getByRole('button', { name: 'Back to patients' }));
    expect(await screen.findByRole('list', { name: 'Patients' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(within(nav).getByRole('link', { name: /Follow-ups/ }));
    await screen.findByRole('alert');
    await userEvent.click(within(nav).getByRole('link', { name: 'Patients' }));
    expect(await screen.findByRole('list', { name: 'Patients' })).toBeVisible();
  });

  it('says it in Spanish too', async () => {
    await seed();
    window.location.hash = '#/follow-ups';
    renderApp('es');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No se pudo mostrar la lista de seguimientos.');
    expect(within(alert).getByRole('button', { name: 'Intentar de nuevo' })).toBeVisible();
    expect(within(alert).getByRole('button', { name: 'Volver a pacientes' })).toBeVisible();
  });
});
