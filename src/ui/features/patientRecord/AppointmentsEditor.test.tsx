import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment } from '../../../domain/appointment';
import { asIsoDateTime, type AppointmentId, type PatientId } from '../../../domain/ids';
import { AppointmentsEditor } from './AppointmentsEditor';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

const appt = (id: string, startsAt: string, over: Partial<Appointment> = {}): Appointment => ({
  id: id as AppointmentId,
  patientId: PATIENT_ID as PatientId,
  provider: 'Dr. Lee',
  reason: 'Diabetes check',
  mode: 'in_person',
  startsAt: asIsoDateTime(startsAt),
  status: 'scheduled',
  ...over,
});

const NEXT_YEAR = new Date().getFullYear() + 1;

let test: RecordTest;
afterEach(async () => {
  vi.restoreAllMocks();
  await test.close();
});

async function open() {
  test = await setUpRecordTest([
    entity('appointment', appt('apt_old', '2026-09-01T14:00:00.000Z', { status: 'completed', provider: 'Dr. Old' })),
    entity('appointment', appt('apt_1', '2026-11-20T14:00:00.000Z')),
  ]);
  const user = test.render((v) => (
    <AppointmentsEditor patientId={v.patient.id} appointments={v.records.appointment} pendingKeys={v.pendingKeys} />
  ));
  await screen.findByText(/Dr\. Lee/);
  return user;
}

const actionsFor = (provider: string) => screen.getByRole('group', { name: new RegExp(provider) });

describe('AppointmentsEditor', () => {
  it('lists newest first and offers actions only for open appointments', async () => {
    await open();
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Dr. Lee');
    expect(items[1]).toHaveTextContent('Dr. Old');
    expect(screen.queryByRole('group', { name: /Dr\. Old/ })).toBeNull();
  });

  it('marks a no-show after confirmation, which adds a follow-up task', async () => {
    const user = await open();
    await user.click(within(actionsFor('Dr. Lee')).getByRole('button', { name: 'No-show' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await test.db.tasks.count()).toBe(0);

    await user.click(within(actionsFor('Dr. Lee')).getByRole('button', { name: 'No-show' }));
    const asked = screen.getByRole('dialog', { name: 'Mark as a no-show?' });
    expect(asked).toHaveTextContent('A follow-up task will be added');
    await user.click(within(asked).getByRole('button', { name: 'Mark as no-show' }));
    expect(await screen.findByText('A follow-up task was added.')).toBeInTheDocument();
    expect(await test.db.tasks.count()).toBe(1);
    const [task] = await test.db.tasks.toArray();
    // The app writes the title as a code with its details, for each reader's language.
    expect((await test.stored('task', task!.id))?.titleTemplate).toMatchObject({ code: 'rebook_missed_appointment', provider: 'Dr. Lee' });
    expect((await test.stored('appointment', 'apt_1'))?.status).toBe('no_show');
    expect((await test.stored('patient', PATIENT_ID))?.noShowFollowUp).toBe(true);
  });

  it('confirms without asking and without a task', async () => {
    const user = await open();
    await user.click(within(actionsFor('Dr. Lee')).getByRole('button', { name: 'Confirmed' }));
    await waitFor(async () => expect((await test.stored('appointment', 'apt_1'))?.status).toBe('confirmed'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await test.db.tasks.count()).toBe(0);
    await waitFor(() => expect(within(actionsFor('Dr. Lee')).queryByRole('button', { name: 'Confirmed' })).toBeNull());
  });

  it('adds a scheduled appointment at the local time entered', async () => {
    const user = await open();
    await user.click(screen.getByText('Add appointment'));
    const form = screen.getByRole('form', { name: 'Add appointment' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter the provider.');
    await user.type(within(form).getByLabelText('Provider'), 'Eye Care Associates');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose the date and time.');
    expect(await test.db.outbox.count()).toBe(0);

    await user.type(within(form).getByLabelText('Reason'), 'Diabetic eye exam');
    // Not in the past, not more than three years ahead (domain/withinReason.ts).
    const when = within(form).getByLabelText('Date and time');
    await user.type(when, '2020-12-01T09:30');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Date and time: a new appointment cannot be in the past.');
    await user.clear(when);
    await user.type(when, `${NEXT_YEAR + 5}-12-01T09:30`);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Date and time: choose a date within 3 years.');
    expect(when).toHaveAttribute('aria-invalid', 'true');
    expect(await test.db.outbox.count()).toBe(0);
    await user.clear(when);
    await user.type(when, `${NEXT_YEAR}-12-01T09:30`);
    await user.selectOptions(within(form).getByLabelText('Mode'), 'telehealth');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Eye Care Associates/)).toBeInTheDocument();
    const [row] = await test.db.outbox.toArray();
    expect(await test.stored('appointment', row!.entityId)).toMatchObject({
      provider: 'Eye Care Associates',
      reason: 'Diabetic eye exam',
      mode: 'telehealth',
      status: 'scheduled',
      startsAt: new Date(`${NEXT_YEAR}-12-01T09:30`).toISOString(),
    });
  });

  it('in Spanish, names the field of an appointment in the past', async () => {
    test = await setUpRecordTest();
    const user = test.render((v) => <AppointmentsEditor patientId={v.patient.id} appointments={v.records.appointment} pendingKeys={v.pendingKeys} />, 'es');
    await user.click(await screen.findByText('Agregar cita'));
    const form = screen.getByRole('form', { name: 'Agregar cita' });
    await user.type(within(form).getByLabelText('Proveedor'), 'Eye Care Associates');
    await user.type(within(form).getByLabelText('Fecha y hora'), '2020-12-01T09:30');
    await user.click(within(form).getByRole('button', { name: 'Guardar' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Fecha y hora: una cita nueva no puede ser en el pasado.');
    expect(await test.db.outbox.count()).toBe(0);
  });
});
