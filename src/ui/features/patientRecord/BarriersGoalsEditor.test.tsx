import { screen, waitFor, within } from '@testing-library/react';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, type BarrierId, type GoalId, type PatientId } from '../../../domain/ids';
import type { Barrier, Goal } from '../../../domain/supportSystem';
import { BarriersGoalsEditor } from './BarriersGoalsEditor';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

const barrier: Barrier = {
  id: 'bar_1' as BarrierId,
  patientId: PATIENT_ID as PatientId,
  kind: 'transport',
  detail: 'No car; bus stop is far',
  status: 'open',
  identifiedOn: asIsoDate('2026-10-01'),
  resolvedOn: null,
};
const goal: Goal = {
  id: 'goal_1' as GoalId,
  patientId: PATIENT_ID as PatientId,
  text: 'Walk 10 minutes a day',
  status: 'active',
  setOn: asIsoDate('2026-10-01'),
  targetDate: null,
};

let test: RecordTest;
afterEach(() => test.close());

async function open() {
  test = await setUpRecordTest([entity('barrier', barrier), entity('goal', goal)]);
  const user = test.render((v) => (
    <BarriersGoalsEditor patientId={v.patient.id} barriers={v.records.barrier} goals={v.records.goal} pendingKeys={v.pendingKeys} />
  ));
  await screen.findByText('No car; bus stop is far');
  return user;
}

describe('BarriersGoalsEditor', () => {
  it('resolves a barrier today', async () => {
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Mark resolved: Transport' }));
    await waitFor(async () => expect((await test.stored('barrier', 'bar_1'))?.status).toBe('resolved'));
    expect((await test.stored('barrier', 'bar_1'))?.resolvedOn).toBe(format(new Date(), 'yyyy-MM-dd'));
    expect(await screen.findByText('Resolved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Mark resolved/ })).toBeNull();
    expect(await test.db.outbox.count()).toBe(1);
  });

  it('adds a barrier, asking for a detail when the kind is "Other"', async () => {
    const user = await open();
    await user.click(screen.getByText('Add barrier'));
    const form = screen.getByRole('form', { name: 'Add barrier' });
    await user.selectOptions(within(form).getByLabelText('Barrier'), 'other');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Describe the barrier');
    expect(await test.db.outbox.count()).toBe(0);

    await user.type(within(form).getByLabelText('Detail'), 'Works nights');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Works nights')).toBeInTheDocument();
    await waitFor(async () => expect(await test.db.barriers.count()).toBe(2));
  });

  it('adds a goal with a target date and marks one met', async () => {
    const user = await open();
    await user.click(screen.getByText('Add goal'));
    const form = screen.getByRole('form', { name: 'Add goal' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Describe the goal.');
    expect(await test.db.outbox.count()).toBe(0);

    await user.type(within(form).getByLabelText('Goal'), 'Check blood pressure weekly');
    await user.type(within(form).getByLabelText('Target date (optional)'), '2027-01-31');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('target Jan 31, 2027')).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: 'Walk 10 minutes a day' })).getByRole('button', { name: 'Met' }));
    await waitFor(async () => expect((await test.stored('goal', 'goal_1'))?.status).toBe('met'));
    expect(await test.db.outbox.count()).toBe(2);
  });
});
