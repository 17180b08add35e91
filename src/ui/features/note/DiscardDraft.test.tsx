import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactNote } from '../../../domain/contactNote';
import type { NoteId, UserId } from '../../../domain/ids';
import { createInProcessWorker } from '../../../../tests/support/inProcessWorker';
import { PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { DiscardDraft } from './DiscardDraft';

let test: RecordTest;
afterEach(async () => {
  window.location.hash = '';
  await test.close();
});

async function myDraft(): Promise<ContactNote> {
  test = await setUpRecordTest();
  const started = await createInProcessWorker(test.db).startNote({ patientId: PATIENT_ID, mode: 'phone_call', text: 'Started on the wrong patient' });
  if (!started.ok) throw new Error(started.code);
  return started.note;
}

describe('DiscardDraft', () => {
  it('asks in the app first; keeping the draft changes nothing, discarding deletes it and returns to the patient', async () => {
    const note = await myDraft();
    const user = test.render(() => <DiscardDraft note={note} />);
    await user.click(await screen.findByRole('button', { name: 'Discard draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard this draft?' });
    expect(dialog).toHaveAccessibleDescription(/deleted, on this device and on the others/);
    expect(within(dialog).getByRole('button', { name: 'Keep the draft' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await test.stored('note', note.id)).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/patients/${PATIENT_ID}`));
    expect(await test.stored('note', note.id)).toBeUndefined();
    // The server never had this draft: nothing is left to send.
    expect(await test.db.outbox.count()).toBe(0);
  });

  it("is offered on one's own draft only, not on someone else's", async () => {
    const mine = await myDraft();
    const theirs = { ...mine, id: 'note_theirs' as NoteId, authorId: 'usr_2' as UserId, authorName: 'Ana Ruiz' };
    test.render(() => (
      <>
        <DiscardDraft note={theirs} />
        <DiscardDraft note={mine} />
      </>
    ));
    expect(await screen.findAllByRole('button', { name: 'Discard draft' })).toHaveLength(1);
  });

  it('speaks Spanish', async () => {
    const note = await myDraft();
    const user = test.render(() => <DiscardDraft note={note} />, 'es');
    await user.click(await screen.findByRole('button', { name: 'Descartar borrador' }));
    expect(screen.getByRole('dialog', { name: '¿Descartar este borrador?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Conservar el borrador' })).toHaveFocus();
  });
});
