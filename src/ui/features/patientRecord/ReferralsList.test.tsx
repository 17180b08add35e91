import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Referral } from '../../../domain/referral';
import { ReferralsList } from './ReferralsList';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

const referral = {
  id: 'ref_1',
  patientId: PATIENT_ID,
  noteId: 'note_1',
  to: 'community_health_worker',
  reason: 'Food bank enrolment',
  status: 'sent',
  sentAt: '2026-11-20T15:00:00.000Z',
  sentById: 'usr_2',
  sentByName: 'Ana Ruiz',
  statusAt: '2026-11-20T15:00:00.000Z',
  statusById: 'usr_2',
  statusByName: 'Ana Ruiz',
} as unknown as Referral;

describe('ReferralsList', () => {
  it('shows a referral with who sent it, and moves its status in the name of the signed-in person', async () => {
    test = await setUpRecordTest([entity('referral', referral)]);
    const user = test.render((v) => <ReferralsList referrals={v.records.referral} pendingKeys={v.pendingKeys} />);
    const row = (await screen.findByText('Community health worker')).closest('li') as HTMLElement;
    expect(row).toHaveTextContent('Food bank enrolment');
    expect(within(row).getByText('Sent', { selector: '.badge' })).toBeInTheDocument();
    expect(row).toHaveTextContent(/sent .+ by Ana Ruiz/);

    await user.click(within(within(row).getByRole('group', { name: 'Community health worker: status' })).getByRole('button', { name: 'Accepted' }));
    expect(await screen.findByText('Accepted', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByText(/Accepted .+, recorded by Maria Santos/)).toBeInTheDocument();
    expect(await test.stored('referral', 'ref_1')).toMatchObject({ status: 'accepted', statusById: 'usr_1', sentByName: 'Ana Ruiz' });
  });

  it('speaks Spanish', async () => {
    test = await setUpRecordTest([entity('referral', referral)]);
    test.render((v) => <ReferralsList referrals={v.records.referral} />, 'es');
    expect(await screen.findByRole('heading', { name: 'Referidos' })).toBeInTheDocument();
    expect(screen.getByText('Promotor/a de salud')).toBeInTheDocument();
    expect(screen.getByText('Enviado', { selector: '.badge' })).toBeInTheDocument();
  });
});
