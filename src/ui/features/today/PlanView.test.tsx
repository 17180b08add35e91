import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LatLng, Minutes } from '../../../domain/ids';
import type { DayPlan, StopId } from '../../../worker/client';
import { at, dayProblem, solvedDay, vanDay } from '../../../../tests/support/dayPlans';
import { I18nProvider, type Locale } from '../../i18n/I18n';
import type { PersonInfo } from './PlanStop';
import { PlanView } from './PlanView';

const id = (s: string) => s as StopId;
const m = (n: number) => n as Minutes;
const place = (lat: number, lng: number) => ({ lat, lng });
const MAPLE = place(42.41, -71.02);

// Rosa at home in the morning; Lin and Ana at Maple Court (visiting hours 2:00-3:30 PM, 45 min
// each, so the second one starts right at the latest start); Tom's care home opens after the
// shift; Sam's visit is longer than the shift.
const problem = dayProblem(
  [
    { id: id('pat_1'), at: place(42.39, -71.04), serviceMinutes: m(45), windows: [], priority: 5, mandatory: true },
    { id: id('pat_3'), at: MAPLE, serviceMinutes: m(45), windows: [{ start: at('14:00'), end: at('14:45') }], priority: 4, mandatory: false, site: 'fac_1' },
    { id: id('pat_5'), at: MAPLE, serviceMinutes: m(45), windows: [{ start: at('14:00'), end: at('14:45') }], priority: 4, mandatory: false, site: 'fac_1' },
    { id: id('pat_4'), at: place(42.38, -71.05), serviceMinutes: m(45), windows: [{ start: at('18:00'), end: at('18:15') }], priority: 3, mandatory: false },
    { id: id('pat_6'), at: place(42.38, -71.01), serviceMinutes: m(600), windows: [], priority: 3, mandatory: false },
  ],
  { breaks: [{ earliest: at('12:00'), latest: at('13:00'), minutes: m(30) }] },
);

const PEOPLE: Record<string, [string, LatLng | null, string | null]> = {
  pat_1: ['Rosa Díaz', place(42.39, -71.04) as LatLng, '+16175550142'],
  pat_3: ['Lin Wu', MAPLE as LatLng, null],
  pat_5: ['Ana Ruiz', MAPLE as LatLng, null],
  pat_4: ['Tom Ames', place(42.38, -71.05) as LatLng, null],
  pat_6: ['Sam Lee', place(42.38, -71.01) as LatLng, null],
  pat_7: ['Eva Cruz', place(42.37, -71.0) as LatLng, null],
};
const person = (sid: StopId): PersonInfo => {
  const [name, location, phone] = PEOPLE[sid] ?? [sid, null, null];
  return { name, address: `${name.split(' ')[0]}'s street, Chelsea, MA`, phone, location, lastContactAt: null, nextDueDate: null };
};

function renderPlan(day: DayPlan, locale: Locale = 'en', extra: Partial<Parameters<typeof PlanView>[0]> = {}) {
  const onAction = vi.fn();
  const onSetMinutes = vi.fn();
  const view = render(
    <I18nProvider locale={locale}>
      <PlanView
        day={day}
        person={person}
        busy={false}
        onAction={onAction}
        focus={false}
        noLocation={[{ id: 'pat_8', name: 'Nia Park' }]}
        careHome={(site) => (site === 'fac_1' ? { name: 'Maple Court', address: '9 Elm St, Chelsea, MA 02150' } : null)}
        {...extra}
      />
    </I18nProvider>,
  );
  return { onAction, onSetMinutes, user: userEvent.setup(), ...view };
}

function pretend(userAgent: string, platform: string, maxTouchPoints: number) {
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => userAgent });
  Object.defineProperty(navigator, 'platform', { configurable: true, get: () => platform });
  Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, get: () => maxTouchPoints });
}
afterEach(() => {
  // Own properties hide jsdom's prototype getters; removing them restores jsdom's navigator.
  for (const k of ['userAgent', 'platform', 'maxTouchPoints']) delete (navigator as unknown as Record<string, unknown>)[k];
});

const day = solvedDay(problem, [{ id: id('pat_7'), reason: 'facility_closed' }]);
const planned = () => screen.getByRole('list', { name: 'Planned visits' });
const card = (name: string) => within(planned()).getByText(name, { selector: '.plan-stop__name' }).closest('li.plan-stop') as HTMLElement;

describe('PlanView', () => {
  it('shows each drive as leave, minutes and arrive, from where the day starts', () => {
    renderPlan(day);
    const rosa = card('Rosa Díaz');
    expect(within(rosa).getByText(/^Leave at 8:0\d AM · \d+ min drive · arrive 8:\d\d AM$/)).toBeInTheDocument();
    expect(within(rosa).getByText(/From where your day starts/)).toBeInTheDocument();
    expect(screen.getByText(/^Leave at .* · \d+ min drive back · arrive /)).toBeInTheDocument();
    expect(screen.getByText(/^Back at \d{1,2}:\d\d PM$/)).toBeInTheDocument();
  });

  it('a care home is one card with its name and the residents in order, each with its own van buttons', () => {
    const { onAction } = renderPlan(day);
    const home = card('Maple Court');
    expect(home).toHaveAttribute('data-site', 'fac_1');
    // The home's own address, not a resident's.
    expect(within(home).getByText('9 Elm St, Chelsea, MA 02150')).toBeInTheDocument();
    expect(within(home).getByText('2 residents', { selector: '.badge' })).toBeInTheDocument();
    const residents = within(home).getByRole('list', { name: '2 residents' });
    const names = [...residents.querySelectorAll('.plan-stop__resident .plan-stop__name')].map((n) => n.textContent);
    expect(names.sort()).toEqual(['Ana Ruiz', 'Lin Wu']);
    expect(within(home).getAllByText(/^Leave at /)).toHaveLength(1); // one drive in
    for (const name of names) expect(within(residents).getByRole('button', { name: `Arrived at ${name}` })).toBeInTheDocument();
    within(residents).getByRole('button', { name: 'Done with Lin Wu' }).click();
    expect(onAction).toHaveBeenCalledWith({ kind: 'done', stopId: 'pat_3' });
    // Waiting for visiting hours, and lunch, are said where they happen.
    expect(screen.getAllByText(/^Wait .+ \(\d/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^Lunch 1?\d:\d\d (AM|PM)–1?\d:\d\d PM/)).toHaveLength(1);
  });

  it('a visit near the end of its visiting hours has a late-risk badge in words', () => {
    renderPlan(day);
    const home = card('Maple Court');
    const risk = within(home).getByText('Late risk: visiting hours end 3:30 PM', { selector: '.badge' });
    // On the resident who starts at the latest start (2:45 PM), not on the one before.
    expect(risk.closest('li')).toHaveTextContent(/Start2:45 PM/);
    expect(within(home).getAllByText(/^Late risk/)).toHaveLength(1);
  });

  it('says why each patient is not in the plan, with the facts', () => {
    renderPlan(day);
    const why = screen.getByRole('list', { name: 'Not in the plan' });
    const line = (name: string) => within(why).getByText(name).closest('li')!;
    expect(line('Tom Ames')).toHaveTextContent('Visiting hours 6:00 PM–7:00 PM do not fit the route');
    expect(line('Sam Lee')).toHaveTextContent('Not enough time in the shift, even as the only visit');
    expect(line('Eva Cruz')).toHaveTextContent('The care home is closed to visitors today');
    expect(line('Nia Park')).toHaveTextContent('The address has no map position, so it cannot be on the route');
  });

  it('Navigate hands only coordinates to Apple Maps, Google Maps or geo:', () => {
    pretend('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)', 'iPhone', 5);
    const { unmount } = renderPlan(day);
    let link = within(card('Rosa Díaz')).getByRole('link', { name: 'Navigate to Rosa Díaz' });
    expect(link).toHaveAttribute('href', 'https://maps.apple.com/?daddr=42.39,-71.04&dirflg=d');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener');
    unmount();

    pretend('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 'MacIntel', 5); // iPadOS
    const ipad = renderPlan(day);
    expect(within(card('Maple Court')).getByRole('link', { name: 'Navigate to Maple Court' })).toHaveAttribute('href', 'https://maps.apple.com/?daddr=42.41,-71.02&dirflg=d');
    ipad.unmount();

    pretend('Mozilla/5.0 (Linux; Android 14; Pixel 8)', 'Linux armv8l', 5);
    const android = renderPlan(day);
    link = within(card('Rosa Díaz')).getByRole('link', { name: 'Navigate to Rosa Díaz' });
    expect(link).toHaveAttribute('href', 'https://www.google.com/maps/dir/?api=1&destination=42.39,-71.04&travelmode=driving');
    android.unmount();

    pretend('Mozilla/5.0 (X11; Linux x86_64)', 'Linux x86_64', 0);
    renderPlan(day);
    link = within(card('Rosa Díaz')).getByRole('link', { name: 'Navigate to Rosa Díaz' });
    expect(link).toHaveAttribute('href', 'geo:42.39,-71.04');
    expect(link).not.toHaveAttribute('target');
    expect(link.getAttribute('href')).not.toMatch(/Rosa|street/);
  });

  it('visit minutes are editable on visits not yet done, only when the screen can re-plan them', async () => {
    const onSetMinutes = vi.fn();
    const { user, unmount } = renderPlan(day, 'en', { onSetMinutes });
    const select = screen.getByRole('combobox', { name: 'Visit length for Rosa Díaz' });
    expect(select).toHaveValue('45');
    await user.selectOptions(select, '60 min');
    expect(onSetMinutes).toHaveBeenCalledWith('pat_1', 60);
    unmount();
    renderPlan(day);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('after a visit ran through lunch, no lunch shows between stops that leave at 2:04 and arrive at 2:10', () => {
    const p = dayProblem(
      [
        { id: id('pat_1'), at: place(42.39, -71.04), serviceMinutes: m(45), windows: [], priority: 5, mandatory: false },
        { id: id('pat_6'), at: place(42.38, -71.01), serviceMinutes: m(45), windows: [], priority: 3, mandatory: false },
      ],
      { shift: { start: at('12:00'), end: at('17:00') }, breaks: [{ earliest: at('13:00'), latest: at('13:30'), minutes: m(30) }] },
    );
    const first = solvedDay(p).plan.visits[0]!.id;
    const late = vanDay(p, [
      { kind: 'arrived', stopId: first, at: at('12:30') },
      { kind: 'done', stopId: first, at: at('14:04') },
    ]);
    renderPlan(late);
    expect(within(planned()).queryByText(/Lunch/)).not.toBeInTheDocument();
    const next = within(planned()).getAllByRole('listitem')[1]!;
    expect(within(next).getByText(/^Leave at 2:04 PM · \d+ min drive · arrive 2:(0[4-9]|1\d) PM$/)).toBeInTheDocument();
    expect(within(planned()).getAllByRole('listitem')[0]).toHaveTextContent('Done');
    // The lunch is not silently gone: the plan says it was missed.
    expect(screen.getByRole('status')).toHaveTextContent('Lunch is no longer in the plan: it had to start by 1:30 PM.');
  });

  it('speaks Spanish', () => {
    renderPlan(day, 'es');
    const list = screen.getByRole('list', { name: 'Visitas planificadas' });
    expect(within(list).getByText(/^Salga a las 08:0\d · \d+ min de trayecto · llegada a las 08:\d\d$/)).toBeInTheDocument();
    expect(within(list).getByRole('list', { name: '2 residentes' })).toBeInTheDocument();
    expect(within(list).getByText(/Riesgo de retraso: el horario de visitas termina a las 15:30/)).toBeInTheDocument();
    const why = screen.getByRole('list', { name: 'Fuera del plan' });
    expect(why).toHaveTextContent('El horario de visitas 18:00–19:00 no cabe en la ruta');
    expect(why).toHaveTextContent('No hay tiempo suficiente en el turno, ni siquiera como única visita');
    expect(why).toHaveTextContent('La dirección no tiene posición en el mapa');
    expect(screen.getByText(/^De vuelta a las /)).toBeInTheDocument();
  });
});
