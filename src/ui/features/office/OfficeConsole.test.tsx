import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { escalation, fakeOfficeServer, renderOfficeConsole, type OfficeConsoleTest } from '../../../../tests/support/officeConsoleHarness';

let test: OfficeConsoleTest | null = null;
afterEach(async () => {
  await test?.close();
  test = null;
  delete (navigator as { onLine?: boolean }).onLine;
});

const writes = (t: OfficeConsoleTest) => t.server.sent.filter((r) => r.method !== 'GET');
const item = (name: string) => {
  const queue = screen.getByRole('list', { name: 'Escalation queue' });
  return within(queue).getByRole('listitem', { name });
};

describe('the office console', () => {
  it('lists the unresolved escalations: patient, what is urgent, severity, who raised it, how long ago, status; an overdue one says so in words', async () => {
    test = await renderOfficeConsole('en');
    const queue = await screen.findByRole('list', { name: 'Escalation queue' });
    expect(within(queue).getAllByRole('listitem')).toHaveLength(2);
    expect(within(queue).queryByText('Rosa Diaz')).toBeNull();

    const maria = item('Maria Lopez');
    expect(maria).toHaveTextContent('No insulin left');
    expect(maria).toHaveTextContent('Emergency (now)');
    expect(maria).toHaveTextContent('Ana Field');
    expect(maria).toHaveTextContent('2 h ago');
    expect(maria).toHaveTextContent('Open');
    expect(within(maria).getByText('Overdue: not acknowledged within 1 h')).toBeInTheDocument();
    expect(maria).not.toHaveTextContent('2026-');

    const john = item('John Reyes');
    expect(john).toHaveTextContent('25 min ago');
    expect(john).toHaveTextContent('Urgent (today)');
    expect(john).not.toHaveTextContent('Overdue');
  });

  it('acknowledging sends the step and the refreshed list shows it acknowledged, the overdue mark gone', async () => {
    test = await renderOfficeConsole('en');
    const { user } = test;
    await screen.findByRole('list', { name: 'Escalation queue' });
    await user.click(within(item('Maria Lopez')).getByRole('button', { name: 'Acknowledge escalation for Maria Lopez' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Escalation for Maria Lopez acknowledged.');
    expect(writes(test)).toEqual([{ method: 'POST', path: '/api/office/escalations/esc-1/acknowledge', body: {} }]);
    expect(await within(item('Maria Lopez')).findByText('Sol Lead')).toBeInTheDocument();
    expect(item('Maria Lopez')).toHaveTextContent('Acknowledged');
    expect(item('Maria Lopez')).not.toHaveTextContent('Overdue');
    expect(within(item('Maria Lopez')).queryByRole('button', { name: /^Acknowledge/ })).toBeNull();

    // A new escalation arrives while the supervisor is looking: Refresh shows it.
    test.server.escalations = [...test.server.escalations, escalation({ id: 'esc-4', patientName: 'Luis Vega', reason: 'Wound bleeding', ageMinutes: 0 })];
    await user.click(screen.getByRole('button', { name: 'Refresh the list' }));
    expect(await screen.findByRole('listitem', { name: 'Luis Vega' })).toHaveTextContent('just now');
  });

  it('assigns to anyone the server allows: me, my team, or another supervisor', async () => {
    test = await renderOfficeConsole('en');
    const { user } = test;
    await screen.findByRole('list', { name: 'Escalation queue' });
    const john = item('John Reyes');
    const select = within(john).getByLabelText('Assign to');
    await within(select).findByRole('option', { name: 'Sue Other' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Me (Sol Lead)', 'Ana Field', 'Ben Field', 'Sue Other']);
    await user.selectOptions(select, 'Sue Other');
    await user.click(within(john).getByRole('button', { name: 'Assign escalation for John Reyes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Escalation for John Reyes assigned.');
    expect(writes(test)).toEqual([{ method: 'POST', path: '/api/office/escalations/esc-2/assign', body: { userId: 'user-sue' } }]);
  });

  it('without the list of assignees, offers me and the team members the queue names', async () => {
    const server = fakeOfficeServer();
    server.assignees = null;
    test = await renderOfficeConsole('en', server);
    await screen.findByRole('list', { name: 'Escalation queue' });
    await waitFor(() => expect(server.sent.some((r) => r.path === '/api/office/assignees')).toBe(true));
    const select = within(item('John Reyes')).getByLabelText('Assign to');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Me (Sol Lead)', 'Ana Field', 'Ben Field']);
  });

  it('resolving needs a note; it is sent as typed and the escalation leaves the unresolved list', async () => {
    test = await renderOfficeConsole('en');
    const { user } = test;
    await screen.findByRole('list', { name: 'Escalation queue' });
    await user.click(within(item('John Reyes')).getByRole('button', { name: 'Resolve escalation for John Reyes' }));
    const form = screen.getByRole('form', { name: 'Resolve the escalation for John Reyes' });
    await user.click(within(form).getByRole('button', { name: 'Resolve' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write what was done before resolving.');
    expect(writes(test)).toEqual([]);

    await user.type(within(form).getByLabelText('What was done (required)'), 'Nurse visited; no fracture');
    await user.click(within(form).getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Escalation for John Reyes resolved.');
    expect(writes(test)).toEqual([{ method: 'POST', path: '/api/office/escalations/esc-2/resolve', body: { resolution: 'Nurse visited; no fracture' } }]);
    await waitFor(() => expect(screen.queryByText('John Reyes')).toBeNull());
    expect(screen.getByRole('listitem', { name: 'Maria Lopez' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Show'), 'Resolved');
    // Another list: the unresolved rows are not left on screen while it loads.
    expect(screen.queryByRole('listitem', { name: 'Maria Lopez' })).toBeNull();
    expect(await within(await screen.findByRole('listitem', { name: 'John Reyes' })).findByText('Nurse visited; no fracture')).toBeInTheDocument();
    expect(test.server.sent.at(-1)).toMatchObject({ method: 'GET', path: '/api/office/escalations?status=resolved' });
  });

  it('a step that fails for lack of network says so and keeps the note typed; a resolved one is said in plain words', async () => {
    const server = fakeOfficeServer();
    test = await renderOfficeConsole('en', server);
    const { user } = test;
    await screen.findByRole('list', { name: 'Escalation queue' });
    await user.click(within(item('Maria Lopez')).getByRole('button', { name: 'Resolve escalation for Maria Lopez' }));
    await user.type(screen.getByLabelText('What was done (required)'), 'Insulin delivered');
    server.offline = true;
    await user.click(within(screen.getByRole('form', { name: 'Resolve the escalation for Maria Lopez' })).getByRole('button', { name: 'Resolve' }));
    expect(await within(item('Maria Lopez')).findByRole('alert')).toHaveTextContent('The office needs a connection to the server. Connect to the internet and try again.');
    expect(screen.getByLabelText('What was done (required)')).toHaveValue('Insulin delivered');

    // Meanwhile another supervisor resolved it.
    server.offline = false;
    server.escalations = server.escalations.map((e) => (e.id === 'esc-1' ? { ...e, status: 'resolved' as const } : e));
    await user.click(within(screen.getByRole('form', { name: 'Resolve the escalation for Maria Lopez' })).getByRole('button', { name: 'Resolve' }));
    // Said on the item, then (once the refreshed list has dropped it) above the list.
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Maria Lopez' })).toBeNull());
    expect(await screen.findByText('This escalation is already resolved: nothing changed. The list has been refreshed.')).toBeInTheDocument();
  });

  it('offline, the office says it needs a connection instead of a blank screen', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const server = fakeOfficeServer();
    server.offline = true;
    test = await renderOfficeConsole('en', server);
    expect(screen.getByText(/The office needs a connection to the server\. You are offline/)).toBeInTheDocument();
    const problem = await within(screen.getByRole('main')).findByRole('alert');
    expect(problem).toHaveTextContent('The office needs a connection to the server. Connect to the internet and try again.');

    delete (navigator as { onLine?: boolean }).onLine;
    server.offline = false;
    act(() => void window.dispatchEvent(new Event('online')));
    await test.user.click(within(problem).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Escalation queue' })).toBeInTheDocument();
    expect(screen.queryByText(/You are offline/)).toBeNull();
  });

  it('speaks Spanish: the queue, the overdue mark, the steps and the offline message', async () => {
    const server = fakeOfficeServer();
    test = await renderOfficeConsole('es', server);
    const { user } = test;
    expect(await screen.findByRole('heading', { name: 'Escalamientos', level: 1 })).toBeInTheDocument();
    const queue = await screen.findByRole('list', { name: 'Cola de escalamientos' });
    const maria = within(queue).getByRole('listitem', { name: 'Maria Lopez' });
    expect(maria).toHaveTextContent('Emergencia (ahora)');
    expect(maria).toHaveTextContent('hace 2 h');
    expect(maria).toHaveTextContent('Abierto');
    expect(within(maria).getByText('Atrasado: nadie lo recibió en 1 h')).toBeInTheDocument();
    expect(screen.getByLabelText('Mostrar')).toHaveDisplayValue('Sin resolver');

    await user.click(within(maria).getByRole('button', { name: 'Marcar como recibido el escalamiento de Maria Lopez' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Escalamiento de Maria Lopez marcado como recibido.');

    await within(maria).findByText('Recibido');
    server.offline = true;
    await user.click(within(queue).getByRole('button', { name: 'Resolver el escalamiento de John Reyes' }));
    await user.type(screen.getByLabelText('Qué se hizo (obligatorio)'), 'Visita hecha');
    await user.click(within(screen.getByRole('form', { name: 'Resolver el escalamiento de John Reyes' })).getByRole('button', { name: 'Resolver' }));
    expect(await screen.findByText('La oficina necesita conexión con el servidor. Conéctese a internet y vuelva a intentarlo.')).toBeInTheDocument();
  });
});
