/**
 * The office's Review section as a supervisor uses it: the team's signed notes with who, whom,
 * when and whether reviewed; filters sent to the server; one note read-only with its addenda;
 * a review with a co-sign box, added and shown; a note entered in error offers no review; the
 * list as CSV without note text; all in English and Spanish.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderOfficeConsole, type OfficeConsoleTest } from '../../../../../tests/support/officeConsoleHarness';
import type { Locale } from '../../../i18n/I18n';
import { dateTimeIn } from '../teamTable';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
  vi.restoreAllMocks();
});

async function openReview(locale: Locale = 'en') {
  test = await renderOfficeConsole(locale);
  await test.user.click(screen.getByRole('button', { name: locale === 'en' ? 'Review' : 'Revisión' }));
  return screen.findByRole('table', { name: locale === 'en' ? 'Signed notes of your team, newest contact first' : 'Notas firmadas de su equipo, el contacto más reciente primero' });
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
const lists = (t: OfficeConsoleTest) => t.server.sent.filter((r) => r.method === 'GET' && r.path.startsWith('/api/office/notes?'));

describe('the Review section', () => {
  it("lists the team's signed notes: when, who, whom, type, outcome, a summary and whether reviewed", async () => {
    const table = await openReview();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(cells(rows[0]!)).toEqual([dateTimeIn('en', '2026-12-07T10:00:00.000Z'), 'Ana Field', 'Maria Lopez', 'Home visit', 'Reached', 'BP 150/95, diary reviewed', 'Not reviewed', 'Open']);
    expect(cells(rows[1]!).slice(-2)).toEqual(['Co-signed Dec 6, 2026', 'Open']);
    expect(lists(test!)[0]!.path).toMatch(/^\/api\/office\/notes\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&reviewed=all&limit=50&offset=0$/);
  });

  it('sends the filters: a range of days, one specialist, only notes not yet reviewed', async () => {
    await openReview();
    const { user } = test!;
    await within(screen.getByLabelText('Specialist')).findByRole('option', { name: 'Ben Field' });
    await user.clear(screen.getByLabelText('Contact from'));
    await user.type(screen.getByLabelText('Contact from'), '2026-12-01');
    await user.clear(screen.getByLabelText('Contact to'));
    await user.type(screen.getByLabelText('Contact to'), '2026-12-07');
    await user.selectOptions(screen.getByLabelText('Specialist'), 'Ana Field');
    await user.click(screen.getByLabelText('Only notes not yet reviewed'));
    await user.click(screen.getByRole('button', { name: 'Show notes' }));
    await waitFor(() => expect(lists(test!).at(-1)!.path).toBe('/api/office/notes?from=2026-12-01&to=2026-12-07&reviewed=unreviewed&limit=50&offset=0&authorId=user-ana'));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('opens a note read-only with its addenda, adds a co-signed review and shows it, and the list then says reviewed', async () => {
    await openReview();
    const { user } = test!;
    await user.click(screen.getByRole('button', { name: `Open the note for Maria Lopez, ${dateTimeIn('en', '2026-12-07T10:00:00.000Z')}` }));
    const note = await screen.findByRole('article', { name: 'Note for Maria Lopez' });
    expect(note).toHaveTextContent('Blood pressure 150/95; we went through the diary together.');
    expect(note).toHaveTextContent(`Addendum by Ana Field, ${dateTimeIn('en', '2026-12-07T11:00:00.000Z')}:`);
    expect(within(note).queryByRole('textbox', { name: 'Note' })).toBeNull();

    expect(screen.getByRole('button', { name: 'Add review' })).toBeDisabled();
    await user.type(screen.getByLabelText('Your review'), 'Good plan; recheck in a week.');
    await user.click(screen.getByLabelText('Co-sign this note'));
    await user.click(screen.getByRole('button', { name: 'Add review' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Review added. The author sees it after their next sync.');
    expect(test!.server.sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/office/notes/note-1/review', body: { text: 'Good plan; recheck in a week.', cosign: true } },
    ]);
    const addenda = await screen.findByRole('list', { name: 'Addenda and reviews' });
    await within(addenda).findByText('Reviewed and co-signed by Sol Lead, Dec 7, 2026:');
    expect(screen.getByLabelText('Your review')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Back to the list' }));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Co-signed Dec 7, 2026');
  });

  it('a note gone from the team since the list was read says so in its own words', async () => {
    await openReview();
    delete test!.server.review.details['note-1'];
    await test!.user.click(screen.getByRole('button', { name: /^Open the note for Maria Lopez/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This note no longer exists or is not in your team.');
  });

  it('a note entered in error is shown with its reason and offers no review', async () => {
    await openReview();
    await test!.user.click(screen.getByRole('button', { name: /^Open the note for =HYPERLINK/ }));
    const note = await screen.findByRole('article', { name: 'Note for =HYPERLINK("x")' });
    expect(note).toHaveTextContent('Entered in error: Wrong patient');
    expect(note).toHaveTextContent('This note was entered in error: it cannot be reviewed.');
    expect(screen.queryByLabelText('Your review')).toBeNull();
  });

  it('says it in Spanish, and exports the list as CSV with its columns but no note text, formulas neutralised', async () => {
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:review';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const table = await openReview('es');
    expect(cells(within(table).getAllByRole('row')[1]!).slice(3, 7)).toEqual(['Visita a domicilio', 'Contactado', 'BP 150/95, diary reviewed', 'Sin revisar']);
    await test!.user.click(screen.getByRole('button', { name: 'Exportar CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent('La lista se guardó como archivo CSV.');
    await waitFor(() => expect(saved).not.toBeNull());
    const lines = (await saved!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Contacto,Especialista,Paciente,Tipo,Resultado,Revisión');
    expect(lines[1]).toBe(`"${dateTimeIn('es', '2026-12-07T10:00:00.000Z')}",Ana Field,Maria Lopez,Visita a domicilio,Contactado,Sin revisar`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.join('\n')).not.toContain('BP 150/95');
    expect(lines).toHaveLength(4);
  });
});
