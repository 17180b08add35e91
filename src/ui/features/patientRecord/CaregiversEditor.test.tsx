import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CaregiversEditor } from './CaregiversEditor';
import { setUpRecordTest, type RecordTest } from './recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

async function open() {
  test = await setUpRecordTest();
  const user = test.render((v) => <CaregiversEditor patientId={v.patient.id} caregivers={v.records.caregiver} pendingKeys={v.pendingKeys} />);
  await screen.findByText('No caregivers or family recorded.');
  await user.click(screen.getByText('Add caregiver'));
  return { user, form: screen.getByRole('form', { name: 'Add caregiver' }) };
}

describe('CaregiversEditor', () => {
  it('adds a caregiver with a normalised phone, and it can be called', async () => {
    const { user, form } = await open();
    await user.type(within(form).getByLabelText('Name'), '  Rosa Pérez ');
    await user.selectOptions(within(form).getByLabelText('Relationship'), 'daughter');
    await user.type(within(form).getByLabelText('Phone (optional)'), '617.555.0142');
    await user.click(within(form).getByLabelText('Primary caregiver'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: 'Call Rosa Pérez, (617) 555-0142' })).toHaveAttribute('href', 'tel:+16175550142');
    const row = screen.getByText('Rosa Pérez').closest('li') as HTMLElement;
    expect(row).toHaveTextContent('daughter');
    expect(row).toHaveTextContent('Primary');
    expect(await within(row).findByText('Not yet synced')).toBeInTheDocument();
    const [outbox] = await test.db.outbox.toArray();
    expect(await test.stored('caregiver', outbox!.entityId)).toMatchObject({
      name: 'Rosa Pérez',
      relationship: 'daughter',
      phone: '+16175550142',
      primary: true,
      removed: false,
    });
  });

  it('needs a name and a readable phone before writing anything', async () => {
    const { user, form } = await open();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter the caregiver’s name.');
    await user.type(within(form).getByLabelText('Name'), 'Rosa');
    await user.type(within(form).getByLabelText('Phone (optional)'), '+44 20 7946 0958');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Only US numbers (+1) can be saved');
    expect(await test.db.outbox.count()).toBe(0);
    expect(await test.db.caregivers.count()).toBe(0);
  });

  it('edits a caregiver and records the permission to share information, with who and when', async () => {
    const { user, form } = await open();
    await user.type(within(form).getByLabelText('Name'), 'Rosa');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const row = (await screen.findByText('Rosa')).closest('li') as HTMLElement;
    expect(row).toHaveTextContent('Permission to share information not asked');

    await user.click(within(row).getByRole('button', { name: 'Edit Rosa' }));
    const edit = within(row).getByRole('form', { name: 'Edit Rosa' });
    await user.clear(within(edit).getByLabelText('Name'));
    await user.type(within(edit).getByLabelText('Name'), 'Rosa Lima');
    await user.selectOptions(within(edit).getByLabelText('Relationship'), 'spouse');
    await user.type(within(edit).getByLabelText('Phone (optional)'), '(617) 555-0199');
    await user.click(within(edit).getByLabelText('Yes, the patient agreed'));
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    const updated = (await screen.findByText('Rosa Lima')).closest('li') as HTMLElement;
    expect(await within(updated).findByText(/^May share health information \(recorded .+ by Maria Santos\)$/)).toBeInTheDocument();
    expect(within(updated).getByRole('link', { name: 'Call Rosa Lima, (617) 555-0199' })).toBeInTheDocument();
    const [outbox] = await test.db.outbox.toArray();
    expect(await test.stored('caregiver', outbox!.entityId)).toMatchObject({
      name: 'Rosa Lima',
      relationship: 'spouse',
      phone: '+16175550199',
      shareInfo: { granted: true, byId: 'usr_1', byName: 'Maria Santos' },
    });
  });
});
