/**
 * The office's Team table as a supervisor reads it: one row per specialist with the server's
 * counts, the device's own report shown apart and labelled so, times relative to the server's
 * "data as of", a specialist not syncing said in words; in English and Spanish; and the CSV
 * file the table saves (header in the reader's language, quoting, no formulas).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderOfficeConsole, type OfficeConsoleTest } from '../../../../tests/support/officeConsoleHarness';
import { dateTimeIn } from './teamTable';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
  vi.restoreAllMocks();
});

const NOW = '2026-12-07T14:00:00.000Z';

async function openTeam(locale: 'en' | 'es') {
  test = await renderOfficeConsole(locale);
  await test.user.click(screen.getByRole('button', { name: locale === 'en' ? 'Team' : 'Equipo' }));
  return screen.findByRole('table', { name: locale === 'en' ? 'Specialists of your team' : 'Especialistas de su equipo' });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('the office team table', () => {
  it('shows one row per specialist with the server counts, the device report apart, relative times and a stale mark in words', async () => {
    const table = await openTeam('en');
    expect(screen.getByText(`Data as of ${dateTimeIn('en', NOW)} (server time).`)).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Specialist', 'Territories', 'Caseload', 'Overdue patients', 'Contacts this week / target', 'Visits this week / target', 'Last push', 'Last pull',
      'Unsynced changes (reported by the device)', 'App version', 'Device clock', 'Sync',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['Ana Field', 'North', '1,250', '7', '41 / 40', '12 / 15 ▼ below target', '1 hour ago', '2 hours ago', '4', '1.4.0', '1 min ahead', 'Syncing'],
      ['Ben Field', 'South, East, "coast"', '40', '0', '0 / 40 ▼ below target', '0 / 15 ▼ below target', '3 days ago', '3 days ago', '0', '1.3.2', 'On time', 'Not syncing: no sync for more than 2 days'],
      ['=HYPERLINK("x")', 'None', '0', '0', '0 / 40 ▼ below target', '0 / 15 ▼ below target', 'Never', 'Never', 'Not reported', 'Not reported', 'Not reported', 'Never synced'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Ana Field' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Team table (scrolls sideways)' })).toContainElement(table);
    expect(screen.getByText(/counted by the server from the changes it has accepted/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(test!.server.sent.filter((r) => r.path === '/api/office/team')).toHaveLength(1);
  });

  it('says it all in Spanish', async () => {
    const table = await openTeam('es');
    expect(screen.getByText(`Datos a las ${dateTimeIn('es', NOW)} (hora del servidor).`)).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Cambios sin sincronizar (informados por el dispositivo)' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(cells(rows[0]!)).toEqual(['Ana Field', 'North', '1250', '7', '41 / 40', '12 / 15 ▼ por debajo de la meta', 'hace 1 hora', 'hace 2 horas', '4', '1.4.0', '1 min adelantado', 'Sincroniza']);
    expect(cells(rows[1]!).slice(6)).toEqual(['hace 3 días', 'hace 3 días', '0', '1.3.2', 'En hora', 'Sin sincronizar: más de 2 días sin sincronizar']);
    expect(cells(rows[2]!).slice(1)).toEqual(['Ninguno', '0', '0', '0 / 40 ▼ por debajo de la meta', '0 / 15 ▼ por debajo de la meta', 'Nunca', 'Nunca', 'No informado', 'No informado', 'No informado', 'Nunca sincronizó']);
  });

  it('exports the table as CSV: header in the reader language, quoted cells, formulas neutralised', async () => {
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:team';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await openTeam('es');
    await test!.user.click(screen.getByRole('button', { name: 'Exportar CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent('La tabla del equipo se guardó como archivo CSV.');
    await waitFor(() => expect(saved).not.toBeNull());
    const csv = await saved!.text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Especialista,Territorios,Carga de casos,Pacientes atrasados,Contactos esta semana / meta,Visitas esta semana / meta,Último envío,Última descarga,Cambios sin sincronizar (informados por el dispositivo),Versión de la app,Reloj del dispositivo,Sincronización',
    );
    expect(lines[1]).toBe(`Ana Field,North,1250,7,41 / 40,12 / 15 (por debajo de la meta),"${dateTimeIn('es', '2026-12-07T13:00:00.000Z')}","${dateTimeIn('es', '2026-12-07T12:00:00.000Z')}",4,1.4.0,1 min adelantado,Sincroniza`);
    expect(lines[2]!.startsWith('Ben Field,"South, East, ""coast""",40,0,0 / 40 (por debajo de la meta),0 / 15 (por debajo de la meta),')).toBe(true);
    expect(lines[3]).toBe(`"'=HYPERLINK(""x"")",Ninguno,0,0,0 / 40 (por debajo de la meta),0 / 15 (por debajo de la meta),Nunca,Nunca,No informado,No informado,No informado,Nunca sincronizó`);
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });
});
