import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PortalRpmEditor } from './PortalRpmEditor';
import { PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

async function open() {
  test = await setUpRecordTest();
  const user = test.render((v) => <PortalRpmEditor patient={v.patient} devices={v.records.rpmDevice} pendingKeys={v.pendingKeys} />);
  await screen.findByRole('heading', { name: 'Portal and remote monitoring' });
  return user;
}

const patient = () => test.stored('patient', PATIENT_ID);

describe('PortalRpmEditor', () => {
  it('saves each portal step as it is ticked, and the portal status follows', async () => {
    const user = await open();
    const steps = screen.getByRole('group', { name: 'Portal set-up steps' });
    await user.click(within(steps).getByLabelText('Email created'));
    await waitFor(async () => expect((await patient())?.portal).toBe('invited'));
    expect(within(steps).getByLabelText('Email created')).toBeChecked();

    await user.click(within(steps).getByLabelText('Account activated'));
    await waitFor(async () => expect((await patient())?.portal).toBe('active'));
    expect((await patient())?.portalSteps).toEqual({ emailCreated: true, accountActivated: true, firstLoginTaught: false });
    expect(await screen.findByText('Active')).toBeInTheDocument();
    expect(await test.db.outbox.count()).toBe(2);
  });

  it('adds a device, which makes monitoring active, and moves it through its stages', async () => {
    const user = await open();
    expect(screen.getByText('No devices set up.')).toBeInTheDocument();
    await user.click(screen.getByText('Add device'));
    const form = screen.getByRole('form', { name: 'Add device' });
    await user.selectOptions(within(form).getByLabelText('Device'), 'glucometer');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const stage = await screen.findByLabelText('Glucometer: stage');
    expect(stage).toHaveDisplayValue('Set up');
    await waitFor(async () => expect((await patient())?.rpm).toBe('active'));

    await user.selectOptions(stage, 'taught');
    expect(stage).toHaveDisplayValue('Patient taught');
    const [device] = await test.db.rpmDevices.toArray();
    await waitFor(async () => expect((await test.stored('rpmDevice', device!.id))?.stage).toBe('taught'));
    expect(await test.db.outbox.count()).toBe(3);
  });
});
