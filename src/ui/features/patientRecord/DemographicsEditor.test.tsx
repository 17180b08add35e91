import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, type FacilityId } from '../../../domain/ids';
import { DemographicsEditor } from './DemographicsEditor';
import { PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

async function open(language = 'ht') {
  test = await setUpRecordTest([], {
    language,
    birthDate: asIsoDate('1950-06-01'),
    facilityId: 'fac_1' as FacilityId,
    room: '214B',
  });
  const user = test.render((v) => <DemographicsEditor patient={v.patient} pendingKeys={v.pendingKeys} />);
  await screen.findByRole('heading', { name: 'Demographics' });
  return user;
}

describe('DemographicsEditor', () => {
  it('shows the record and saves the edited fields, trimmed, onto the patient', async () => {
    const user = await open();
    expect(screen.getByText(/Haitian Creole · No interpreter needed/)).toBeInTheDocument();
    expect(screen.getByText('MRN0000001')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Demographics' });
    expect(within(form).getByLabelText('Preferred language')).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText('Preferred language'), 'pt');
    await user.click(within(form).getByLabelText('Interpreter needed'));
    await user.type(within(form).getByLabelText('Best time to call'), '  mornings before 11 ');
    await user.type(within(form).getByLabelText('Access notes'), 'Ring twice');
    await user.clear(within(form).getByLabelText('Room'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
    expect(await test.stored('patient', PATIENT_ID)).toMatchObject({
      language: 'pt',
      interpreterNeeded: true,
      bestTimeToCall: 'mornings before 11',
      accessNotes: 'Ring twice',
      room: null,
    });
    expect(await screen.findByText(/Portuguese · Interpreter needed/)).toBeInTheDocument();
    expect(await screen.findByText('Not yet synced')).toBeInTheDocument();
    expect(await test.db.outbox.count()).toBe(1);
  });

  it('keeps a language outside the usual list selectable, and Cancel writes nothing', async () => {
    const user = await open('ru');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const language = screen.getByLabelText('Preferred language');
    expect(within(language).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['en', 'es', 'pt', 'ht', 'vi', 'zh', 'ru']);
    expect(language).toHaveDisplayValue('Russian');
    await user.type(screen.getByLabelText('Best time to call'), 'evenings');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getAllByText('Not recorded')).toHaveLength(2);
    expect(await test.db.outbox.count()).toBe(0);
  });

  it('offers a stored en_US as American English and saves it as the code en-US', async () => {
    const user = await open('en_US');
    expect(screen.getByText(/American English · No interpreter needed/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Preferred language')).toHaveDisplayValue('American English');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(await test.stored('patient', PATIENT_ID)).toMatchObject({ language: 'en-US' });
  });

  it('a stored language that is not a code asks for one, and other edits leave it as it is', async () => {
    const user = await open('!!');
    expect(screen.getByText(/!! · No interpreter needed/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Preferred language')).toHaveDisplayValue('Choose a language (“!!” is not a language code)');
    await user.type(screen.getByLabelText('Best time to call'), 'evenings');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(await test.stored('patient', PATIENT_ID)).toMatchObject({ language: '!!', bestTimeToCall: 'evenings' });

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.selectOptions(screen.getByLabelText('Preferred language'), 'es');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(await test.stored('patient', PATIENT_ID)).toMatchObject({ language: 'es' });
  });
});
