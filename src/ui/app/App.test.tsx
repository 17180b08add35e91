import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asIsoDateTime } from '../../domain/ids';
import { applyPullPage } from '../../storage/applyPullPage';
import { plainCodec } from '../../storage/codec';
import { openRoundsDb, type RoundsDb } from '../../storage/db';
import { setMeta } from '../../storage/meta';
import { asRecord, buildContactPoint, buildFacility, buildGap, buildPatient } from '../../../tests/support/builders';
import { createInProcessWorker } from '../../../tests/support/inProcessWorker';
import { AppServicesProvider, type AppServices } from '../data/AppServices';
import { I18nProvider } from '../i18n/I18n';
import { App } from './App';

let db: RoundsDb;
let n = 0;

/** The real worker's reads on the test's database; sign-in, sync and sign-out are doubles. */
function worker(): AppServices['worker'] {
  return {
    ...createInProcessWorker(db),
    signIn: vi.fn(async () => ({ ok: false as const, code: 'wrong_credentials' as const })),
    syncNow: vi.fn(async () => ({ ok: true as const, received: 0 })),
    signOut: vi.fn(async () => undefined),
    // An unlocked device: the lock itself is tested in features/lock.
    subscribeLock: vi.fn(async (cb: (s: unknown) => void) =>
      cb({ state: 'unlocked', pinAttemptsLeft: 5, passwordAttemptsLeft: 10, lockAfterMinutes: 5 }),
    ),
    touch: vi.fn(async () => undefined),
  } as unknown as AppServices['worker'];
}

function renderApp(w = worker()) {
  return render(
    <I18nProvider locale="en">
      <AppServicesProvider services={{ worker: w }}>
        <App />
      </AppServicesProvider>
    </I18nProvider>,
  );
}

async function seedTerritory() {
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  const facility = buildFacility('fac_1');
  await applyPullPage(
    db,
    plainCodec,
    [
      asRecord('facility', facility),
      asRecord('patient', buildPatient('pat_1', { givenName: 'José', familyName: 'Núñez', nextDueDate: '2020-01-01' as never })),
      asRecord(
        'patient',
        buildPatient('pat_2', {
          givenName: 'Mary',
          familyName: 'OBrien',
          language: 'en',
          facilityId: facility.id,
          room: '214B',
        }),
      ),
      asRecord('contactPoint', buildContactPoint('cp_1', 'pat_2')),
      asRecord('careGap', buildGap('gap_1', 'pat_2', { measure: 'BCS' })),
    ],
    'cursor-1',
  );
}

beforeEach(() => {
  db = openRoundsDb(`test-app-${n++}`);
  window.location.hash = '';
  localStorage.clear();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('App', () => {
  it('asks for sign-in when nobody is signed in, and shows a wrong password in plain words', async () => {
    const w = worker();
    renderApp(w);
    await userEvent.type(await screen.findByLabelText('Username'), 'maria');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(w.signIn).toHaveBeenCalledWith('maria', 'nope');
  });

  it('lists the territory, searches as you type and filters', async () => {
    await seedTerritory();
    renderApp();
    const list = await screen.findByRole('list', { name: 'Patients' });
    expect(await within(list).findAllByRole('link')).toHaveLength(2);
    // Overdue patients come first.
    expect(within(list).getAllByRole('link')[0]).toHaveTextContent('José Núñez');

    await userEvent.type(screen.getByLabelText('Search by name, phone or town'), 'nunez');
    expect(within(list).getAllByRole('link')).toHaveLength(1);
    await userEvent.clear(screen.getByLabelText('Search by name, phone or town'));
    await userEvent.type(screen.getByLabelText('Search by name, phone or town'), '555 0123');
    expect(within(list).getByRole('link')).toHaveTextContent('Mary OBrien');
    await userEvent.clear(screen.getByLabelText('Search by name, phone or town'));

    await userEvent.click(screen.getByLabelText('Open care gap'));
    expect(within(list).getAllByRole('link')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await userEvent.selectOptions(screen.getByLabelText('Residence'), 'In a facility');
    expect(within(list).getByRole('link')).toHaveTextContent('Maple Court Nursing');
  });

  it('opens a patient with contacts, care gaps and facility visiting hours', async () => {
    await seedTerritory();
    renderApp();
    await userEvent.click(await screen.findByRole('link', { name: /Mary OBrien/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mary OBrien' })).toBeVisible();
    expect(screen.getByText('Breast cancer screening')).toBeVisible();
    // One call button at the top of the record, one beside the number in Contacts.
    const calls = screen.getAllByRole('link', { name: 'Call Mary OBrien, (617) 555-0123' });
    expect(calls.map((a) => a.getAttribute('href'))).toEqual(['tel:+16175550123', 'tel:+16175550123']);
    expect(screen.getByText(/Room 214B/)).toBeVisible();
    expect(screen.getByText('Mon 10:00–12:00')).toBeVisible();
  });

  it('"Change password" in the header opens the password form; the navigation leads back', async () => {
    await seedTerritory();
    renderApp();
    await screen.findByRole('list', { name: 'Patients' });
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { name: 'Change password', level: 1 })).toBeVisible();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('type', 'password');
    expect(window.location.hash).toBe('#/password');
    await userEvent.click(screen.getByRole('link', { name: 'Patients' }));
    expect(await screen.findByRole('list', { name: 'Patients' })).toBeVisible();
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
  });

  it('switches every label to Spanish and remembers the choice', async () => {
    await seedTerritory();
    renderApp();
    await screen.findByRole('list', { name: 'Patients' });
    await userEvent.click(screen.getAllByRole('button', { name: 'Español' })[0] as HTMLElement);
    expect(await screen.findByRole('list', { name: 'Pacientes' })).toBeVisible();
    expect(screen.getByLabelText('Buscar por nombre, teléfono o ciudad')).toBeVisible();
    expect(screen.getByText('Vencido · 1 ene 2020')).toBeVisible();
    expect(localStorage.getItem('rounds.locale')).toBe('es');
  });
});
