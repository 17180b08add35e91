import { screen, within } from '@testing-library/react';
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

  it.each([
    ['en', 'Record an attempt, signed at once', 'No answer', /Phone call · No answer · Maria Santos\s*Signed/, 'Attempt recorded and signed'],
    ['es', 'Registrar un intento, firmado al momento', 'No contestó', /Llamada telefónica · No contestó · Maria Santos\s*Firmada/, 'Intento registrado y firmado'],
  ] as const)('[%s] a call nobody answered is one tap: a signed attempt in the contact history', async (locale, group, button, line, said) => {
    test = await setUpRecordTest();
    const user = test.render(() => <PatientScreen id={PATIENT_ID} />, locale);
    await user.click(within(await screen.findByRole('group', { name: group })).getByRole('button', { name: button }));
    expect(await screen.findByRole('link', { name: line }, { timeout: 4000 })).toBeInTheDocument();
    expect(await screen.findByText(new RegExp(said))).toHaveAttribute('role', 'status');
  });
});
