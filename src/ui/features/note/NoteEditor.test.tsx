import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactNote } from '../../../domain/contactNote';
import { plainCodec } from '../../../storage/codec';
import { openPatientRecords, readRawPatientRecords, readRecord } from '../../../storage/readRecords';
import { createInProcessWorker } from '../../../../tests/support/inProcessWorker';
import { AppServicesProvider } from '../../data/AppServices';
import { I18nProvider } from '../../i18n/I18n';
import { PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { NoteEditor } from './NoteEditor';

let test: RecordTest;
afterEach(() => test.close());

/** The real worker, with draft saves held until the test lets each one go, in order. */
function heldSaves(worker: ReturnType<typeof createInProcessWorker>) {
  const held: (() => void)[] = [];
  let failNext = false;
  const client = {
    ...worker,
    saveDraft: async (note: ContactNote) => {
      await new Promise<void>((release) => held.push(release));
      if (failNext) {
        failNext = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return worker.saveDraft(note);
    },
  } as typeof worker;
  return {
    client,
    release: () => held.shift()?.(),
    failNext: () => (failNext = true),
    waiting: () => held.length,
  };
}

async function setUp() {
  test = await setUpRecordTest();
  const worker = createInProcessWorker(test.db);
  const started = await worker.startNote({ patientId: PATIENT_ID, mode: 'home_visit' });
  if (!started.ok) throw new Error(started.code);
  const saves = heldSaves(worker);
  const records = await openPatientRecords(await readRawPatientRecords(test.db, PATIENT_ID), plainCodec);
  const user = userEvent.setup();
  render(
    <I18nProvider locale="en">
      <AppServicesProvider services={{ db: test.db, codec: plainCodec, worker: saves.client }}>
        <NoteEditor initial={started.note} records={records} careTeamPhone={null} />
      </AppServicesProvider>
    </I18nProvider>,
  );
  return { user, saves, noteId: started.note.id };
}

const draftState = () => screen.getByTestId('draft-state');

describe('NoteEditor draft saving', () => {
  it('says "saved" only once the last change is stored, not when an earlier save finishes', async () => {
    const { user, saves, noteId } = await setUp();
    await user.type(screen.getByLabelText('Notes'), 'ab');
    await waitFor(() => expect(saves.waiting()).toBe(1));
    saves.release();
    // The first keystroke is stored; the second still waits, so this is not "saved" yet.
    await waitFor(() => expect(saves.waiting()).toBe(1));
    expect(draftState()).toHaveTextContent('Saving…');
    saves.release();
    await waitFor(() => expect(draftState()).toHaveTextContent('Draft saved on this device'));
    expect((await readRecord(test.db, plainCodec, 'note', noteId))?.text).toBe('ab');
  });

  it('a failed save says so plainly and does not stop the next one', async () => {
    const { user, saves, noteId } = await setUp();
    saves.failNext();
    await user.type(screen.getByLabelText('Notes'), 'a');
    await waitFor(() => expect(saves.waiting()).toBe(1));
    saves.release();
    await waitFor(() => expect(draftState()).toHaveTextContent('could not be saved'));
    expect(draftState()).toHaveClass('error');
    await user.type(screen.getByLabelText('Notes'), 'b');
    await waitFor(() => expect(saves.waiting()).toBe(1));
    saves.release();
    await waitFor(() => expect(draftState()).toHaveTextContent('Draft saved on this device'));
    expect((await readRecord(test.db, plainCodec, 'note', noteId))?.text).toBe('ab');
  });
});
