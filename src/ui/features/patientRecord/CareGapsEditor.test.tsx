import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGap } from '../../../../tests/support/builders';
import { CareGapsEditor } from './CareGapsEditor';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

let test: RecordTest;
afterEach(() => test.close());

async function open() {
  test = await setUpRecordTest([entity('careGap', buildGap('gap_1', PATIENT_ID, { measure: 'COL' }))]);
  const user = test.render((v) => <CareGapsEditor gaps={v.records.careGap} pendingKeys={v.pendingKeys} />);
  const gap = await screen.findByRole('group', { name: 'Colorectal cancer screening' });
  return { user, gap };
}

describe('CareGapsEditor', () => {
  it('refuses to close a gap without evidence', async () => {
    const { user, gap } = await open();
    await user.selectOptions(within(gap).getByLabelText('Status'), 'closed');
    await user.click(within(gap).getByRole('button', { name: 'Save' }));
    expect(within(gap).getByRole('alert')).toHaveTextContent('A closed gap needs evidence');
    expect(within(gap).getByLabelText(/Evidence/)).toHaveAttribute('aria-invalid', 'true');
    expect(await test.db.outbox.count()).toBe(0);
    expect((await test.stored('careGap', 'gap_1'))?.status).toBe('open');
  });

  it('closes a gap with evidence and stamps when', async () => {
    const { user, gap } = await open();
    await user.selectOptions(within(gap).getByLabelText('Status'), 'closed');
    await user.type(within(gap).getByLabelText(/Evidence/), 'FIT kit returned negative 11/20, Chelsea CHC');
    await user.click(within(gap).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await test.stored('careGap', 'gap_1'))?.status).toBe('closed'));
    const saved = await test.stored('careGap', 'gap_1');
    expect(saved?.evidence).toBe('FIT kit returned negative 11/20, Chelsea CHC');
    expect(saved?.closedAt).toMatch(/Z$/);
    // The saved gap's row is drawn anew (its key holds the status), so wait for the row as it ends up.
    await waitFor(() => expect(screen.getByText('Not yet synced')).toBeInTheDocument());
    expect(await test.db.outbox.count()).toBe(1);
  });

  it('schedules a gap without evidence', async () => {
    const { user, gap } = await open();
    await user.selectOptions(within(gap).getByLabelText('Status'), 'scheduled');
    await user.click(within(gap).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await test.stored('careGap', 'gap_1'))?.status).toBe('scheduled'));
    expect((await test.stored('careGap', 'gap_1'))?.closedAt).toBeNull();
  });

  it('excludes a gap only with the reason it does not apply, and shows the reason', async () => {
    const { user, gap } = await open();
    await user.selectOptions(within(gap).getByLabelText('Status'), 'excluded');
    await user.click(within(gap).getByRole('button', { name: 'Save' }));
    expect(within(gap).getByRole('alert')).toHaveTextContent('An excluded gap needs the reason it does not apply');
    expect(within(gap).getByLabelText('Why the gap does not apply')).toHaveAttribute('aria-invalid', 'true');
    expect(await test.db.outbox.count()).toBe(0);

    await user.type(within(gap).getByLabelText('Why the gap does not apply'), 'Hospice enrollment');
    await user.click(within(gap).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('excluded: Hospice enrollment')).toBeInTheDocument();
    expect(await test.stored('careGap', 'gap_1')).toMatchObject({ status: 'excluded', exclusionReason: 'Hospice enrollment', closedAt: null });
  });
});
