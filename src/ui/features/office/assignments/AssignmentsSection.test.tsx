/**
 * The office's Assignments as a supervisor uses them: the table of who works and covers what,
 * arranging and cancelling a coverage (what is sent, what the table then says), moving
 * patients by postal code only after a count, and the words in Spanish, including a step's
 * message retold after the language changes.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOfficeConsole, type OfficeConsoleTest } from '../../../../../tests/support/officeConsoleHarness';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
});

const writes = (t: OfficeConsoleTest) => t.server.sent.filter((r) => r.method !== 'GET');

async function openAssignments(locale: 'en' | 'es') {
  test = await renderOfficeConsole(locale);
  await test.user.click(await screen.findByRole('button', { name: locale === 'en' ? 'Assignments' : 'Asignaciones' }));
  await screen.findByRole('table', { name: locale === 'en' ? 'Specialists, their territories and coverages' : 'Especialistas, sus territorios y coberturas' });
  return test;
}

describe('the office assignments', () => {
  it('shows who works which territory, and arranges a coverage that then shows in the table', async () => {
    const t = await openAssignments('en');
    const table = screen.getByRole('table', { name: 'Specialists, their territories and coverages' });
    expect(within(table).getByRole('row', { name: /Ana Field/ })).toHaveTextContent('North');
    const form = screen.getByRole('form', { name: 'Cover a colleague' });
    await t.user.selectOptions(within(form).getByLabelText('Specialist'), 'Ben Field');
    await t.user.selectOptions(within(form).getByLabelText('Territory'), 'North');
    await t.user.click(within(form).getByRole('button', { name: 'Arrange coverage' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Coverage arranged. The territory reaches the device at its next sync.');
    expect(writes(t)).toEqual([{ method: 'POST', path: '/api/office/coverages', body: { userId: 'user-ben', territoryId: 'ter-north', from: '2026-12-07', to: '2026-12-07' } }]);
    const ben = await screen.findByRole('row', { name: /Ben Field.*North, Dec 7, 2026 to Dec 7, 2026 \(now\)/ });
    await t.user.click(within(ben).getByRole('button', { name: "Cancel Ben Field's coverage of North" }));
    expect(await screen.findByText('Coverage cancelled. It leaves the device at its next sync, after its changes are sent.')).toBeInTheDocument();
    expect(writes(t).at(-1)).toEqual({ method: 'POST', path: '/api/office/coverages/cov-1/cancel', body: {} });
  });

  it('moves patients by postal code only after counting them', async () => {
    const t = await openAssignments('en');
    const form = screen.getByRole('form', { name: 'Move patients' });
    await t.user.selectOptions(within(form).getByLabelText('From territory'), 'North');
    await t.user.selectOptions(within(form).getByLabelText('To territory'), 'South');
    await t.user.type(within(form).getByLabelText('Postal code (optional)'), '01901');
    expect(within(form).queryByRole('button', { name: /^Move / })).toBeNull();
    await t.user.click(within(form).getByRole('button', { name: 'Count patients' }));
    expect(await screen.findByRole('status')).toHaveTextContent('2 patients would move.');
    expect(writes(t)).toEqual([{ method: 'POST', path: '/api/office/patients/move', body: { filter: { fromTerritoryId: 'ter-north', postalCode: '01901' }, territoryId: 'ter-south', dryRun: true } }]);
    await t.user.click(within(form).getByRole('button', { name: 'Move 2 patients' }));
    expect(await screen.findByText('2 patients moved.')).toBeInTheDocument();
    expect(writes(t).at(-1)?.body).toEqual({ filter: { fromTerritoryId: 'ter-north', postalCode: '01901' }, territoryId: 'ter-south' });
    expect(t.server.assignments.patients.filter((p) => p.territoryId === 'ter-south')).toHaveLength(3);
  });

  it('says it in Spanish, and retells the last step after the language changes', async () => {
    const t = await openAssignments('es');
    const form = screen.getByRole('form', { name: 'Cubrir a un colega' });
    expect(within(form).getByLabelText('Primer día')).toHaveValue('2026-12-07');
    await t.user.selectOptions(within(form).getByLabelText('Especialista'), 'Ben Field');
    await t.user.selectOptions(within(form).getByLabelText('Territorio'), 'North');
    await t.user.click(within(form).getByRole('button', { name: 'Organizar la cobertura' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Cobertura organizada.');
    await screen.findByRole('button', { name: 'Cancelar la cobertura de North por Ben Field' });
    await t.user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Coverage arranged.');
  });
});
