/**
 * The office's Overview and engagement funnel as a supervisor reads them, from canned answers
 * that pass the wire schemas (tests/support/officeReports.ts): headline figures, the tables,
 * each chart's summary sentence, group names in words, in English and Spanish; the range
 * check; CSV export; a failed load with a retry.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeOfficeServer, renderOfficeConsole, type OfficeConsoleTest } from '../../../../../tests/support/officeConsoleHarness';
import { dateTimeIn } from '../teamTable';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
  vi.restoreAllMocks();
});

const NOW = '2026-12-07T14:00:00.000Z';

async function open(section: string, locale: 'en' | 'es', server = fakeOfficeServer()) {
  test = await renderOfficeConsole(locale, server);
  await test.user.click(screen.getByRole('button', { name: section }));
}

/** A headline figure's value and detail, found by its label. */
function figure(label: string): string {
  const term = screen.getAllByText(label, { selector: 'dt' })[0]!;
  return term.nextElementSibling!.textContent ?? '';
}

/** Every chart's summary sentence on the screen, in order. */
const summaries = () => [...document.querySelectorAll('.report-chart__summary')].map((p) => p.textContent);

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the office Overview', () => {
  it('shows the headline figures, the weekly charts summaries and every table, in English', async () => {
    await open('Overview', 'en');
    const specialists = await screen.findByRole('table', { name: 'Numbers per specialist' });
    expect(screen.getByText(new RegExp(`Data as of ${dateTimeIn('en', NOW).replace(/[()]/g, '.')}`))).toBeInTheDocument();
    expect(figure('Contacts attempted')).toBe('1,250');
    expect(figure('Patients reached')).toBe('400of 600 patients attempted (reach rate 67%)');
    expect(figure('Visits completed')).toBe('210');
    expect(figure('Appointments')).toBe('95 set, 70 kept');
    expect(figure('No-shows')).toBe('159 of 15 followed up within 7 days');
    expect(figure('Portal enrollments')).toBe('31');
    expect(figure('Monitoring devices set up')).toBe('12');
    expect(figure('Health risk assessments completed')).toBe('44');
    expect(figure('Satisfaction')).toBe('4.3average from 20 responses');
    expect(figure('Care gaps closed')).toBe('17');

    expect(summaries()).toEqual(['Reach rate rose from 40% to 60% over 4 weeks.', 'Contacts attempted per week rose from 300 to 320 over 4 weeks.']);
    const reach = screen.getByRole('figure', { name: 'Reach rate per week' });
    expect(reach).toHaveAccessibleDescription('Reach rate rose from 40% to 60% over 4 weeks.');
    // The chart itself (recharts, loaded on demand) draws an SVG the keyboard can reach.
    await waitFor(() => expect(reach.querySelector('svg.recharts-surface')).not.toBeNull());
    expect(reach.querySelector('.recharts-wrapper [tabindex="0"], svg[tabindex="0"]')).not.toBeNull();

    expect(rowsOf(specialists)[0]!.slice(0, 6)).toEqual(['Ana Field', '800', '450', '350', '250', '71%']);
    expect(rowsOf(specialists)[1]![0]).toBe('=HYPERLINK("x")');
    expect(rowsOf(screen.getByRole('table', { name: 'Numbers per territory' })).map((r) => r[0])).toEqual(['North', 'South']);
    const weekly = screen.getByRole('table', { name: 'Numbers per week (weeks start on Monday)' });
    expect(rowsOf(weekly).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['Nov 9, 2026', '300', '40%'], ['Nov 16, 2026', '320', '50%'], ['Nov 23, 2026', '310', '45%'], ['Nov 30, 2026', '320', '60%'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Contacts by outcome' }))).toEqual([
      ['Reached', '700', '56%'], ['No answer', '400', '32%'], ['Not home', '149', '12%'], ['No outcome recorded', '1', '0%'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Care gaps closed by measure' }))).toEqual([
      ['Breast cancer screening', '10'], ['Controlling high blood pressure', '7'],
    ]);
    const asked = test!.server.sent.filter((r) => r.path.startsWith('/api/office/overview'));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.path).toMatch(/^\/api\/office\/overview\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&followUpDays=7$/);
  });

  it('says it all in Spanish', async () => {
    await open('Resumen', 'es');
    const specialists = await screen.findByRole('table', { name: 'Cifras por especialista' });
    expect(figure('Intentos de contacto')).toBe('1250');
    expect(figure('Pacientes contactados')).toBe('400de 600 pacientes con intento (tasa de contacto 67\u00a0%)');
    expect(figure('Citas')).toBe('95 programadas, 70 cumplidas');
    expect(figure('Inasistencias')).toBe('159 de 15 con seguimiento en 7 días');
    expect(figure('Satisfacción')).toBe('4,3media de 20 respuestas');
    expect(summaries()).toEqual(['La tasa de contacto subió de 40\u00a0% a 60\u00a0% en 4 semanas.', 'El número de intentos de contacto por semana subió de 300 a 320 en 4 semanas.']);
    expect(within(specialists).getAllByRole('columnheader')[0]).toHaveTextContent('Especialista');
    expect(rowsOf(screen.getByRole('table', { name: 'Contactos por resultado' })).map((r) => r[0]).slice(2)).toEqual(['No estaba en casa', 'Sin resultado registrado']);
    expect(rowsOf(screen.getByRole('table', { name: 'Brechas de atención cerradas por indicador' }))[0]![0]).toBe('Detección de cáncer de mama');
  });

  it('asks again for a range typed by hand, and refuses a start after the end in words, asking nothing', async () => {
    await open('Overview', 'en');
    await screen.findByRole('table', { name: 'Numbers per specialist' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('No-show follow-up within (days)'), { target: { value: '14' } });
    await test!.user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(test!.server.sent.at(-1)?.path).toBe('/api/office/overview?from=2026-11-01&to=2026-11-30&followUpDays=14'));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-10' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The start date is after the end date. Choose a start on or before the end.');
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-01' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The range is too long: choose at most 366 days.');
    const before = test!.server.sent.length;
    await test!.user.click(screen.getByRole('button', { name: 'Show' }));
    expect(test!.server.sent).toHaveLength(before);
  });

  it('says a wrong range in Spanish, and a quick range asks at once', async () => {
    await open('Resumen', 'es');
    await screen.findByRole('table', { name: 'Cifras por especialista' });
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-12-10' } });
    fireEvent.change(screen.getByLabelText('Hasta'), { target: { value: '2026-12-01' } });
    expect(screen.getByRole('alert')).toHaveTextContent('La fecha de inicio es posterior a la de fin.');
    const before = test!.server.sent.length;
    await test!.user.click(screen.getByRole('button', { name: 'Este trimestre' }));
    await waitFor(() => expect(test!.server.sent.length).toBe(before + 1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(test!.server.sent.at(-1)!.path).toMatch(/from=\d{4}-(01|04|07|10)-01&/);
  });

  it('exports a table as CSV with plain numbers, the header in the reader language and formulas neutralised', async () => {
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await open('Resumen', 'es');
    await screen.findByRole('table', { name: 'Cifras por especialista' });
    await test!.user.click(screen.getByRole('button', { name: 'Exportar CSV: Cifras por especialista' }));
    expect(await screen.findByRole('status')).toHaveTextContent('«Cifras por especialista» se guardó como archivo CSV.');
    await waitFor(() => expect(saved).not.toBeNull());
    const lines = (await saved!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.startsWith('Especialista,Intentos de contacto,Contactos logrados,Pacientes con intento,Pacientes contactados,Tasa de contacto,')).toBe(true);
    expect(lines[1]!.startsWith('Ana Field,800,450,350,250,71.4%,150,')).toBe(true);
    expect(lines[2]!.startsWith(`"'=HYPERLINK(""x"")",450,`)).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('a failed load says so and tries again', async () => {
    const server = fakeOfficeServer();
    server.overview = null;
    await open('Overview', 'en', server);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server had a problem. Try again in a few minutes.');
    server.overview = (await import('../../../../../tests/support/officeReports')).fakeOverview();
    await test!.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Numbers per specialist' })).toBeInTheDocument();
  });

  it('offline, says the office needs a connection', async () => {
    const server = fakeOfficeServer();
    server.offline = true;
    await open('Overview', 'en', server);
    expect(await screen.findByText('The office needs a connection to the server. Connect to the internet and try again.')).toBeInTheDocument();
  });
});

describe('the office engagement funnel', () => {
  it('shows the stages with their summary, and drop-off by a chosen dimension with groups in words', async () => {
    await open('Funnel', 'en');
    const stages = await screen.findByRole('table', { name: 'Patients at each stage' });
    expect(rowsOf(stages)).toEqual([
      ['Attempted', '600', '100%', '100%'],
      ['Reached', '400', '67%', '67%'],
      ['Appointment set', '100', '25%', '17%'],
      ['Appointment kept', '80', '80%', '13%'],
      ['Gap closed', '20', '25%', '3%'],
    ]);
    expect(summaries()[0]).toBe('Of 600 patients attempted, 400 were reached (67%), 100 had an appointment set, 80 kept it, and 20 had a care gap closed (3% of those attempted).');
    const byLanguage = screen.getByRole('table', { name: /^Drop-off by language/ });
    expect(rowsOf(byLanguage).map((r) => r.slice(0, 4))).toEqual([
      ['English', '400', '240', '60%'], ['Spanish', '180', '150', '83%'], ['Language unknown', '20', '10', '50%'],
    ]);
    expect(summaries()[1]).toBe('By language, the share reached was highest for Spanish (83%) and lowest for Language unknown (50%).');

    await test!.user.selectOptions(screen.getByLabelText('Drop-off by'), 'channel');
    expect(rowsOf(screen.getByRole('table', { name: /^Drop-off by channel/ })).map((r) => r[0])).toEqual(['Call', 'Visit', 'Message']);
    expect(summaries()[1]).toBe('By channel, the share reached was highest for Visit (100%) and lowest for Message (40%).');
    await test!.user.selectOptions(screen.getByLabelText('Drop-off by'), 'ageBand');
    expect(rowsOf(screen.getByRole('table', { name: /^Drop-off by age band/ })).map((r) => r[0])).toEqual(['18–44 years', '75 and over']);
    await test!.user.selectOptions(screen.getByLabelText('Drop-off by'), 'territory');
    expect(rowsOf(screen.getByRole('table', { name: /^Drop-off by territory/ })).map((r) => r[0])).toEqual(['North', 'South']);
    expect(test!.server.sent.filter((r) => r.path.startsWith('/api/office/funnel'))).toHaveLength(1);
  });

  it('says it all in Spanish', async () => {
    await open('Embudo', 'es');
    const stages = await screen.findByRole('table', { name: 'Pacientes en cada etapa' });
    expect(rowsOf(stages)[1]).toEqual(['Contactados', '400', '67\u00a0%', '67\u00a0%']);
    expect(summaries()[0]).toMatch(/^De 600 pacientes con intento, 400 fueron contactados \(67\u00a0%\)/);
    expect(rowsOf(screen.getByRole('table', { name: /^Pérdidas por idioma/ })).map((r) => r[0])).toEqual(['Inglés', 'Español', 'Idioma desconocido']);
    await test!.user.selectOptions(screen.getByLabelText('Pérdidas por'), 'channel');
    expect(rowsOf(screen.getByRole('table', { name: /^Pérdidas por canal/ })).map((r) => r[0])).toEqual(['Llamada', 'Visita', 'Mensaje']);
    expect(summaries()[1]).toBe('Por canal, la proporción contactada fue más alta en Visita (100\u00a0%) y más baja en Mensaje (40\u00a0%).');
    await test!.user.selectOptions(screen.getByLabelText('Pérdidas por'), 'ageBand');
    expect(rowsOf(screen.getByRole('table', { name: /^Pérdidas por grupo de edad/ })).map((r) => r[0])).toEqual(['18–44 años', '75 o más años']);
  });
});
