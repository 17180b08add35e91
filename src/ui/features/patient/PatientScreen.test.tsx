import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPullPage } from '../../../storage/applyPullPage';
import { plainCodec } from '../../../storage/codec';
import { PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { PatientScreen } from './PatientScreen';

let test: RecordTest;
afterEach(() => test.close());

describe('PatientScreen', () => {
  it('[S16] a patient that moved out of the territory says it stays only until its changes are sent', async () => {
    test = await setUpRecordTest();
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/moved out of your territories/)).toBeNull();
    await applyPullPage(test.db, plainCodec, [], 'cursor-2', [PATIENT_ID]);
    const notice = await screen.findByText(
      'This patient has moved out of your territories. They stay on this device until your changes for them are sent.',
    );
    expect(notice).toHaveAttribute('role', 'status');
  });

  it('says so in Spanish too', async () => {
    test = await setUpRecordTest();
    await applyPullPage(test.db, plainCodec, [], 'cursor-2', [PATIENT_ID]);
    test.render(() => <PatientScreen id={PATIENT_ID} />, 'es');
    expect(await screen.findByText(/Este paciente pasó a otro territorio/)).toBeInTheDocument();
  });
});
