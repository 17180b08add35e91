import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../../domain/calendar';
import { addDays } from '../../../domain/withinReason';
import type { Locale } from '../../i18n/I18n';
import { buildPatient } from '../../../../tests/support/builders';
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
      <AppServicesProvider services={{ worker: saves.client }}>
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

/** The editor on the real worker, saving straight through, in `locale`. */
async function openEditor(locale: Locale) {
  test = await setUpRecordTest();
  // The device's real clock, as the editor judges dates with it.
  const worker = createInProcessWorker(test.db, () => new Date());
  const started = await worker.startNote({ patientId: PATIENT_ID, mode: 'home_visit' });
  if (!started.ok) throw new Error(started.code);
  const records = await openPatientRecords(await readRawPatientRecords(test.db, PATIENT_ID), plainCodec);
  const user = userEvent.setup();
  render(
    <I18nProvider locale={locale}>
      <AppServicesProvider services={{ worker }}>
        <NoteEditor initial={started.note} records={records} careTeamPhone={null} patient={buildPatient(PATIENT_ID)} />
      </AppServicesProvider>
    </I18nProvider>,
  );
  return { user, noteId: started.note.id };
}

/** `yyyy-MM-ddTHH:mm` in local time, as a datetime-local input takes it. */
const localInput = (d: Date) => `${localIsoDate(d)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

describe('NoteEditor next contact due', () => {
  it('is prefilled from the outcome and the programme, and a date set by hand stays', async () => {
    const { user, noteId } = await openEditor('en');
    const today = localIsoDate(new Date());
    const next = () => screen.getByLabelText('Next contact due');
    expect(next()).toHaveValue('');
    await user.click(screen.getByLabelText('Reached'));
    expect(next()).toHaveValue(addDays(today, 30));
    await user.click(screen.getByLabelText('Not home'));
    expect(next()).toHaveValue(addDays(today, 2));
    await user.click(screen.getByLabelText('Deceased'));
    expect(next()).toHaveValue('');
    await user.click(screen.getByLabelText('Reached'));
    fireEvent.change(next(), { target: { value: addDays(today, 10) } });
    await user.click(screen.getByLabelText('Refused'));
    expect(next()).toHaveValue(addDays(today, 10));
    await waitFor(async () => expect((await readRecord(test.db, plainCodec, 'note', noteId))?.nextContactDue).toBe(addDays(today, 10)));
  });
});

describe('NoteEditor dates and numbers within reason', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en', 'Date and time: the contact cannot be in the future.', 'Duration (minutes): enter between 1 and 600 minutes.', 'Date and time', 'Duration (minutes)', 'Reached'],
    ['es', 'Fecha y hora: el contacto no puede ser en el futuro.', 'Duración (minutos): indique entre 1 y 600 minutos.', 'Fecha y hora', 'Duración (minutos)', 'Contactado'],
  ] as const)('[%s] names each field out of reason before asking to confirm, and does not sign', async (locale, future, duration, whenLabel, durationLabel, reached) => {

    const { user, noteId } = await openEditor(locale);
    await user.click(screen.getByLabelText(reached));
    const when = screen.getByLabelText(whenLabel);
    fireEvent.change(when, { target: { value: localInput(new Date(Date.now() + 2 * 3_600_000)) } });
    await user.type(screen.getByLabelText(durationLabel), '0');
    await user.click(screen.getByRole('button', { name: locale === 'en' ? 'Sign note' : 'Firmar nota' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(future);
    expect(alert).toHaveTextContent(duration);
    expect(when).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await readRecord(test.db, plainCodec, 'note', noteId))?.status).toBe('draft');
  });

  it('a contact time now, with a sensible duration, goes on to the confirmation and signs', async () => {
    const { user, noteId } = await openEditor('en');
    await user.click(screen.getByLabelText('Reached'));
    await user.type(screen.getByLabelText('Duration (minutes)'), '45');
    await user.click(screen.getByRole('button', { name: 'Sign note' }));
    const asked = await screen.findByRole('dialog');
    await user.click(within(asked).getByRole('button', { name: 'Sign note' }));
    await waitFor(async () => expect((await readRecord(test.db, plainCodec, 'note', noteId))?.status).toBe('signed'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
