/**
 * The office's Alerts as a supervisor works them: the open count on the tab, the tasks grouped
 * by kind in plain words (English and Spanish), mark done and snooze (the key in the body, a
 * day ahead), an alert that cleared meanwhile, and the CSV file.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderOfficeConsole, type OfficeConsoleTest } from '../../../../../tests/support/officeConsoleHarness';
import { dateTimeIn } from '../teamTable';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
  vi.restoreAllMocks();
});

const writes = (t: OfficeConsoleTest) => t.server.sent.filter((r) => r.method !== 'GET');

async function openAlerts(locale: 'en' | 'es') {
  test = await renderOfficeConsole(locale);
  // The tab shows the open count once the office has asked for it.
  const tab = await screen.findByRole('button', { name: locale === 'en' ? 'Alerts (6)' : 'Avisos (6)' });
  await test.user.click(tab);
  return test;
}

describe('the office alerts', () => {
  it('lists the open alerts by kind in plain words, with since when, and the unreached cap said', async () => {
    await openAlerts('en');
    expect(await screen.findByRole('heading', { name: 'Escalations not acknowledged in time (1)' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Escalations not acknowledged in time (1)', 'Specialists not syncing (1)', 'Drops in contacts (1)', 'Patients not reached (3)']);
    expect(screen.getByText('Escalation for Maria Lopez not acknowledged after 1 h')).toBeInTheDocument();
    expect(screen.getByText('Ben Field has not synced for 3 days')).toBeInTheDocument();
    expect(screen.getByText('Ana Field: contacts dropped: 8 this week vs 31 expected')).toBeInTheDocument();
    expect(screen.getByText('Rosa Diaz has never been reached (first attempt 37 days ago)')).toBeInTheDocument();
    expect(screen.getByText('4 attempts since the last reach')).toBeInTheDocument();
    expect(screen.getByText('Showing the 1 patients unreached the longest, of 3.')).toBeInTheDocument();
    expect(screen.getByText(`Since ${dateTimeIn('en', '2026-12-06T10:00:00.000Z')}`)).toBeInTheDocument();
    // No patient's name in any request the console sent.
    expect(test!.server.sent.map((r) => r.path).join(' ')).not.toMatch(/Maria|Rosa/);
  });

  it('says it in Spanish', async () => {
    await openAlerts('es');
    expect(await screen.findByText('Ben Field lleva 3 días sin sincronizar')).toBeInTheDocument();
    expect(screen.getByText('Ana Field: bajaron los contactos: 8 esta semana frente a 31 esperados')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Posponer 1 día: Ben Field lleva 3 días sin sincronizar' })).toBeInTheDocument();
  });

  it('mark done sends the key in the body, removes the task and lowers the count on the tab', async () => {
    const t = await openAlerts('en');
    await t.user.click(await screen.findByRole('button', { name: 'Mark done: Ben Field has not synced for 3 days' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done: Ben Field has not synced for 3 days.');
    expect(writes(t)).toEqual([{ method: 'POST', path: '/api/office/alerts/done', body: { key: 'no_sync:user-ben:2026-12-04T10:00:00.000Z' } }]);
    await waitFor(() => expect(screen.queryByText('Ben Field has not synced for 3 days')).toBeNull());
    expect(await screen.findByRole('button', { name: 'Alerts (5)' })).toBeInTheDocument();
  });

  it('snooze asks for a day ahead; an alert that cleared meanwhile is said so and the list refreshed', async () => {
    const t = await openAlerts('en');
    await t.user.click(await screen.findByRole('button', { name: 'Snooze for 1 day: Rosa Diaz has never been reached (first attempt 37 days ago)' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Snoozed for a day: Rosa Diaz');
    const [sent] = writes(t);
    expect(sent).toMatchObject({ method: 'POST', path: '/api/office/alerts/snooze', body: { key: 'patient_unreached:patient-rosa:never' } });
    const until = Date.parse(String((sent!.body as { until: string }).until));
    expect(Math.abs(until - (Date.now() + 24 * 60 * 60 * 1000))).toBeLessThan(60_000);
    await waitFor(() => expect(screen.queryByText('Rosa Diaz has never been reached (first attempt 37 days ago)')).toBeNull());
    // The escalation is acknowledged elsewhere: the server no longer has the alert.
    t.server.alerts = { ...t.server.alerts, alerts: t.server.alerts.alerts.filter((a) => a.kind !== 'escalation_unacknowledged') };
    await t.user.click(await screen.findByRole('button', { name: 'Mark done: Escalation for Maria Lopez not acknowledged after 1 h' }));
    expect(await screen.findByText('This alert has cleared or was already handled. The list has been refreshed.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Escalation for Maria Lopez not acknowledged after 1 h')).toBeNull());
  });

  it('exports the alerts as CSV through the office CSV writer', async () => {
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:alerts';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const t = await openAlerts('en');
    await t.user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent('The alerts were saved as a CSV file.');
    await waitFor(() => expect(saved).not.toBeNull());
    const lines = (await saved!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Kind,Alert,Details,Since');
    expect(lines[2]).toBe(`Specialists not syncing,Ben Field has not synced for 3 days,,"${dateTimeIn('en', '2026-12-06T10:00:00.000Z')}"`);
    expect(lines).toHaveLength(6);
  });

  it('with nothing open, says so', async () => {
    test = await renderOfficeConsole('en');
    test.server.alerts = { ...test.server.alerts, alerts: [], unreachedTotal: 0, openTotal: 0 };
    await test.user.click(await screen.findByRole('button', { name: /^Alerts/ }));
    const section = await screen.findByRole('region', { name: 'Alerts' });
    expect(await within(section).findByText('No open alerts. Nothing needs your attention.')).toBeInTheDocument();
  });
});
