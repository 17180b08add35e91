import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { createElement, type ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asIsoDate, asIsoDateTime, type FacilityId } from '../../../domain/ids';
import type { Address } from '../../../domain/patient';
import type { EntityRecord } from '../../../protocol/entities';
import { applyPullPage } from '../../../storage/applyPullPage';
import { plainCodec } from '../../../storage/codec';
import { openRoundsDb, type RoundsDb } from '../../../storage/db';
import { setMeta } from '../../../storage/meta';
import { loadPlan } from '../../../storage/plans';
import type { DayPlan, StopId } from '../../../worker/client';
import { openPatientRecords, readRawPatientRecords, readRecord } from '../../../storage/readRecords';
import { buildContactPoint, buildFacility, buildGap, buildPatient } from '../../../../tests/support/builders';
import { createInProcessWorker } from '../../../../tests/support/inProcessWorker';
import { AppServicesProvider } from '../../data/AppServices';
import { I18nProvider, type Locale } from '../../i18n/I18n';
import type * as PlanViewModule from './PlanView';
import type { PlanView as RealPlanView } from './PlanView';
import { TodayScreen } from './TodayScreen';

/** The props TodayScreen last gave the plan view (the real view still renders). */
const planView = vi.hoisted(() => ({ props: null as ComponentProps<typeof RealPlanView> | null }));
vi.mock('./PlanView', async (importOriginal) => {
  const real = await importOriginal<typeof PlanViewModule>();
  return {
    PlanView: (props: ComponentProps<typeof RealPlanView>) => {
      planView.props = props;
      return createElement(real.PlanView, props);
    },
  };
});

const record = (kind: EntityRecord['kind'], data: { id: string }): EntityRecord =>
  ({ kind, id: data.id, version: 1, deleted: false, data }) as unknown as EntityRecord;
const at = (lat: number, lng: number, line1: string): Address => ({ line1, line2: null, city: 'Chelsea', state: 'MA', postalCode: '02150', location: { lat, lng } });

let db: RoundsDb;
let n = 0;
/** The screen's clock: only Date is faked, so timers (and user events) run as usual. */
const setClock = (h: number, min: number) => vi.setSystemTime(new Date(2026, 10, 23, h, min));
const planDay = asIsoDate('2026-11-23');
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setClock(8, 0);
  planView.props = null;
  db = openRoundsDb(`test-today-${n++}`);
  await setMeta(db, 'session', {
    accessToken: 't',
    refreshToken: 'r',
    accessExpiresAt: '2099-01-01T00:00:00.000Z',
    lockAfterMinutes: 5,
    user: { id: 'usr_1', name: 'Maria Santos', role: 'specialist', username: 'maria' },
    territories: [{ id: 'ter_a', name: 'North' }],
    signedInAt: asIsoDateTime('2026-11-22T08:00:00.000Z'),
  });
  const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: 9 * 60, close: 19 * 60 }));
  const home = buildFacility('fac_1', { name: 'Maple Court', visitingHours: everyDay, address: at(42.4, -71.03, '9 Elm St') });
  await applyPullPage(
    db,
    plainCodec,
    [
      record('facility', home),
      record('patient', buildPatient('pat_1', { givenName: 'Rosa', familyName: 'Díaz', nextDueDate: asIsoDate('2020-01-01'), address: at(42.39, -71.04, '1 Main St') })),
      record('patient', buildPatient('pat_2', { givenName: 'Mary', familyName: 'Obi', noShowFollowUp: true, lastContactAt: asIsoDateTime('2099-01-01T00:00:00.000Z'), address: at(42.38, -71.02, '2 Oak St') })),
      record('patient', buildPatient('pat_3', { givenName: 'Lin', familyName: 'Wu', lastContactAt: asIsoDateTime('2099-01-01T00:00:00.000Z'), facilityId: home.id as FacilityId, address: at(42.4, -71.03, '9 Elm St') })),
      // Nothing to do for Tom: he is not suggested.
      record('patient', buildPatient('pat_4', { givenName: 'Tom', familyName: 'Ames', lastContactAt: asIsoDateTime('2099-01-01T00:00:00.000Z'), address: at(42.37, -71.05, '4 Elm St') })),
      record('careGap', buildGap('gap_1', 'pat_3')),
      record('contactPoint', buildContactPoint('cp_1', 'pat_1', { value: '+16175550142' })),
    ],
    'cursor-1',
  );
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

function renderToday(locale: Locale = 'en') {
  const user = userEvent.setup();
  const view = render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker: createInProcessWorker(db) }}>
        <TodayScreen />
      </AppServicesProvider>
    </I18nProvider>,
  );
  return { user, ...view };
}

const suggestions = () => screen.getByRole('list', { name: 'Suggested visits' });
const planned = () => screen.getByRole('list', { name: 'Planned visits' });

/** Waits for the suggestions, picks Rosa and presses "Plan my day" (what the answer is, the test says). */
async function pickRosaAndPlan(user: ReturnType<typeof renderToday>['user']): Promise<void> {
  await within(suggestions()).findByText('Rosa Díaz');
  await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
  await user.click(screen.getByRole('button', { name: 'Plan my day' }));
}

describe('Today', () => {
  it('suggests patients ranked by why they matter, with the reasons in words', async () => {
    renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    const rows = within(suggestions()).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.roster-item__name')?.textContent)).toEqual(['Rosa Díaz', 'Mary Obi', 'Lin Wu']);
    expect(rows[0]).toHaveTextContent(/Follow-up overdue by [\d,]+ days/);
    expect(rows[0]).toHaveTextContent('Never contacted');
    expect(rows[1]).toHaveTextContent('Missed appointment to chase');
    expect(rows[2]).toHaveTextContent('1 open care gap');
    expect(rows[2]).toHaveTextContent('Maple Court');
    // How long each visit is planned to take, and why: never contacted is a first visit.
    expect(rows[0]).toHaveTextContent('First visit · 60 min');
    expect(rows[1]).toHaveTextContent('Follow-up visit · 45 min');
    expect(rows[2]).toHaveTextContent('Care home visit · 30 min');
  });

  it('plans the picked patients in the worker, and "not home" re-plans and is saved for the next visit to the screen', async () => {
    const { user, unmount } = renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
    await user.click(screen.getByRole('checkbox', { name: 'Must visit Mary Obi' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visit Lin Wu' }));
    expect(screen.getByRole('checkbox', { name: 'Visit Mary Obi' })).toBeChecked();
    expect(screen.getByText(/3 patients picked/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));

    await screen.findByRole('list', { name: 'Planned visits' });
    const stops = within(planned()).getAllByRole('listitem');
    expect(stops).toHaveLength(3);
    expect(screen.getByTestId('plan-totals')).toHaveTextContent(/^3 visits · .* driving · back at /);
    expect(screen.getByRole('img', { name: /Drawing of the route: start, 3 numbered visits/ })).toBeInTheDocument();
    const rosa = stops.find((s) => s.textContent?.includes('Rosa Díaz'))!;
    expect(within(rosa).getByRole('link', { name: 'Call Rosa Díaz, (617) 555-0142' })).toHaveAttribute('href', 'tel:+16175550142');
    // Coordinates only: the address never leaves the device (mapsLink.ts).
    expect(within(rosa).getByRole('link', { name: 'Navigate to Rosa Díaz' })).toHaveAttribute('href', 'geo:42.39,-71.04');
    expect(within(rosa).getByText('Arrive')).toBeInTheDocument();
    expect(within(rosa).getByText(/^Leave at .* · \d+ min drive · arrive /)).toBeInTheDocument();

    const first = stops[0]!.querySelector('.plan-stop__name')!.textContent!;
    await user.click(within(stops[0]!).getByRole('button', { name: `Not home: ${first}` }));
    await waitFor(() => expect(within(planned()).queryByText(first)).not.toBeInTheDocument());
    const notPlanned = screen.getByRole('list', { name: 'Not in the plan' });
    expect(within(notPlanned).getByText(first).closest('li')).toHaveTextContent('Not home');
    // The attempt is a signed contact on the patient, said on screen and shown with its retry.
    expect(screen.getByRole('status')).toHaveTextContent(`Not home: the attempt for ${first} is in their contact history.`);
    const firstId = stops[0]!.getAttribute('data-stop-id')!;
    const { note: notes } = await openPatientRecords(await readRawPatientRecords(db, firstId), plainCodec);
    expect(notes).toEqual([expect.objectContaining({ status: 'signed', outcome: 'not_home', authorId: 'usr_1' })]);
    const retry = (await readRecord(db, plainCodec, 'patient', firstId))?.nextDueDate;
    expect(retry).toBe(notes[0]!.nextContactDue);
    await waitFor(() => expect(within(notPlanned).getByText(first).closest('li')).toHaveTextContent(/Attempt recorded .* · next try /));
    expect(within(notPlanned).getByRole('link', { name: `Open the record of ${first}` })).toHaveAttribute('href', `#/patients/${firstId}`);

    // Planning again from scratch would forget the van: the person is asked first.
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    const asked = screen.getByRole('dialog', { name: 'Plan the day again?' });
    expect(asked).toHaveTextContent('what you marked in the van will be cleared');
    await user.click(within(asked).getByRole('button', { name: 'Cancel' }));

    unmount();
    renderToday();
    await screen.findByRole('list', { name: 'Planned visits' });
    expect(within(planned()).queryByText(first)).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Not in the plan' })).getByText(first)).toBeInTheDocument();
    // The picks come back with the saved plan.
    expect(screen.getByRole('checkbox', { name: 'Must visit Mary Obi' })).toBeChecked();
  });

  it('"Done" opens the visit note for that patient', async () => {
    const { user } = renderToday();
    await pickRosaAndPlan(user);
    await screen.findByRole('list', { name: 'Planned visits' });
    await user.click(screen.getByRole('button', { name: 'Done with Rosa Díaz' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/patients\/pat_1\/notes\//));
    const { note: notes } = await openPatientRecords(await readRawPatientRecords(db, 'pat_1'), plainCodec);
    expect(notes).toEqual([expect.objectContaining({ status: 'draft', mode: 'home_visit' })]);
    expect(window.location.hash).toBe(`#/patients/pat_1/notes/${notes[0]!.id}`);
  });

  it('says what is wrong with the choices in words', async () => {
    const { user } = renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pick at least one patient to visit.');
    await user.click(within(screen.getByRole('group', { name: 'Start the day at' })).getByRole('radio', { name: 'Home' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your home latitude and longitude');
  });

  it('speaks Spanish', async () => {
    const { user } = renderToday('es');
    await screen.findByText('Rosa Díaz');
    expect(screen.getByRole('heading', { level: 1, name: 'Hoy' })).toBeInTheDocument();
    expect(screen.getByText('Cita perdida por seguir')).toBeInTheDocument();
    expect(screen.getByText('Primera visita · 60 min')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Visitar a Rosa Díaz' }));
    await user.click(screen.getByRole('button', { name: 'Planificar mi día' }));
    const list = await screen.findByRole('list', { name: 'Visitas planificadas' });
    expect(within(list).getByRole('button', { name: 'No está en casa: Rosa Díaz' })).toBeInTheDocument();
    expect(screen.getByTestId('plan-totals')).toHaveTextContent(/^1 visita · .* de conducción · de vuelta a las \d{1,2}:\d{2}/);
  });

  it('a day asked for mid-morning is planned from then, and says where it started', async () => {
    setClock(10, 5);
    const { user } = renderToday();
    await pickRosaAndPlan(user);
    await screen.findByRole('list', { name: 'Planned visits' });
    expect(screen.getByTestId('plan-start')).toHaveTextContent('Planned from the office at 10:05 AM.');
    const saved = await loadPlan<DayPlan>(db, plainCodec, planDay);
    expect(saved?.content.progress).toMatchObject({ now: 605, at: 'start', done: [] });
    expect(saved?.content.plan.visits[0]!.arrive).toBeGreaterThanOrEqual(605);
    // Nothing happened in the van yet: planning again asks nothing.
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('"Start from where I am" asks the device for its position only when planning, and starts there', async () => {
    const getCurrentPosition = vi.fn((ok: PositionCallback) => ok({ coords: { latitude: 42.41, longitude: -71.0 } } as GeolocationPosition));
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
    const { user } = renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    const box = screen.getByRole('checkbox', { name: 'Start from where I am' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/asked for its position, and only then/);
    await user.click(box);
    await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    await screen.findByRole('list', { name: 'Planned visits' });
    expect(getCurrentPosition).toHaveBeenCalledWith(expect.any(Function), expect.any(Function), expect.objectContaining({ enableHighAccuracy: false, timeout: 5000 }));
    expect(screen.getByTestId('plan-start')).toHaveTextContent('Planned from where you were at 8:30 AM.');
    expect((await loadPlan<DayPlan>(db, plainCodec, planDay))?.content.problem.start).toEqual({ lat: 42.41, lng: -71.0 });
  });

  it('without a position the day starts at the chosen place, and the screen says so (in Spanish too)', async () => {
    const getCurrentPosition = vi.fn((_ok: PositionCallback, fail: PositionErrorCallback) => fail({ code: 1 } as GeolocationPositionError));
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
    const { user } = renderToday('es');
    await screen.findByText('Rosa Díaz');
    await user.click(screen.getByRole('checkbox', { name: 'Empezar desde donde estoy' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visitar a Rosa Díaz' }));
    await user.click(screen.getByRole('button', { name: 'Planificar mi día' }));
    await screen.findByRole('list', { name: 'Visitas planificadas' });
    expect(screen.getByTestId('plan-start')).toHaveTextContent(/^Planificado desde la oficina a las 08:30\. Su posición no estaba disponible/);
  });

  it('says the shift is over when the day is asked for after it', async () => {
    setClock(17, 30);
    const { user } = renderToday();
    await pickRosaAndPlan(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The shift has already ended today.');
  });

  it('van taps carry the time on the screen clock', async () => {
    const { user } = renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visit Mary Obi' }));
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    await screen.findByRole('list', { name: 'Planned visits' });
    setClock(10, 30);
    await user.click(screen.getByRole('button', { name: 'Running late (+15 min)' }));
    await waitFor(async () => expect((await loadPlan<DayPlan>(db, plainCodec, planDay))?.content.progress).toMatchObject({ lastEventAt: 630, now: 645 }));
  });

  it('gives the plan the patients with no location, and a visit length set on the plan re-plans the day', async () => {
    await applyPullPage(
      db,
      plainCodec,
      [record('patient', buildPatient('pat_5', { givenName: 'Ida', familyName: 'Nox', noShowFollowUp: true, lastContactAt: asIsoDateTime('2099-01-01T00:00:00.000Z') }))],
      'cursor-2',
    );
    const { user } = renderToday();
    await within(suggestions()).findByText('Rosa Díaz');
    await user.click(screen.getByRole('checkbox', { name: 'Visit Rosa Díaz' }));
    await user.click(screen.getByRole('checkbox', { name: 'Visit Mary Obi' }));
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    await screen.findByRole('list', { name: 'Planned visits' });
    expect(planView.props?.noLocation).toEqual([{ id: 'pat_5', name: 'Ida Nox' }]);
    // Rosa was never contacted: a first visit, an hour.
    expect((await loadPlan<DayPlan>(db, plainCodec, planDay))?.content.problem.stops.map((s) => [s.id, s.serviceMinutes])).toEqual(
      expect.arrayContaining([
        ['pat_1', 60],
        ['pat_2', 45],
      ]),
    );
    act(() => planView.props?.onSetMinutes?.('pat_2' as StopId, 90));
    await waitFor(async () => {
      const saved = await loadPlan<DayPlan>(db, plainCodec, planDay);
      expect(saved?.content.problem.stops.find((s) => s.id === 'pat_2')?.serviceMinutes).toBe(90);
    });
    act(() => planView.props?.onSetMinutes?.('pat_2' as StopId, 300));
    expect(await screen.findByRole('alert')).toHaveTextContent('A visit must last between 5 and 240 whole minutes.');
  });
});
