/**
 * A supervisor's review as the author sees it after the next sync: on the note, in words, who
 * reviewed it (and whether they co-signed) and when, then what they wrote; the author's own
 * addenda look as before; the patient's contact history marks the reviewed note. EN and ES.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Addendum, ContactNote } from '../../../domain/contactNote';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from '../patientRecord/recordTestHarness';
import { PatientScreen } from '../patient/PatientScreen';
import { NoteScreen } from './NoteScreen';

let test: RecordTest;
afterEach(() => test.close());

const note = (id: string, contactAt: string) =>
  ({
    id, patientId: PATIENT_ID, authorId: 'usr_1', authorName: 'Maria Santos', status: 'signed', mode: 'home_visit', contactAt,
    durationMinutes: 30, outcome: 'reached', activities: [], text: 'Blood pressure 150/95; diary reviewed.', followUps: [], escalation: null,
    createdAt: contactAt, updatedAt: contactAt, signedAt: contactAt, fromTaskId: null, contentHash: 'a'.repeat(64), enteredInError: null,
  }) as unknown as ContactNote;

const addendum = (id: string, fields: Partial<Addendum>) =>
  ({ id, noteId: 'note_1', patientId: PATIENT_ID, authorId: 'usr_1', authorName: 'Maria Santos', at: '2026-12-06T12:00:00.000Z', text: 'Forgot: gave a leaflet.', ...fields }) as Addendum;

const records = (cosign = true) => [
  entity('note', note('note_1', '2026-12-05T12:00:00.000Z')),
  entity('note', note('note_2', '2026-12-06T12:00:00.000Z')),
  entity('addendum', addendum('add_own', {})),
  entity('addendum', addendum('add_review', { authorId: 'usr_sup', authorName: 'Denise Carter', at: '2026-12-07T12:00:00.000Z', text: 'Good plan; recheck in a week.', review: { cosign } } as Partial<Addendum>)),
];

describe("a supervisor's review on the author's device", () => {
  it('the note says who reviewed and co-signed it, when, and what they wrote; the author’s own addendum is unchanged', async () => {
    test = await setUpRecordTest(records());
    test.render(() => <NoteScreen patientId={PATIENT_ID} noteId="note_1" />);
    const review = await screen.findByTestId('note-review', {}, { timeout: 5000 });
    expect(review).toHaveTextContent('Reviewed and co-signed by Denise Carter, Dec 7, 2026:');
    expect(review).toHaveTextContent('Good plan; recheck in a week.');
    expect(screen.getAllByTestId('note-review')).toHaveLength(1);
    expect(screen.getByText('Forgot: gave a leaflet.').closest('li')).toHaveTextContent('Maria Santos');
  });

  it('in Spanish, and a review without co-signing says only reviewed', async () => {
    test = await setUpRecordTest(records(false));
    test.render(() => <NoteScreen patientId={PATIENT_ID} noteId="note_1" />, 'es');
    const review = await screen.findByTestId('note-review', {}, { timeout: 5000 });
    expect(review).toHaveTextContent('Revisada por Denise Carter, 7 dic 2026:');
    expect(review).not.toHaveTextContent('cofirmada');
  });

  it('the contact history marks the reviewed note, and only that one', async () => {
    test = await setUpRecordTest(records());
    test.render(() => <PatientScreen id={PATIENT_ID} />);
    const history = await screen.findByRole('region', { name: 'Contact history' }, { timeout: 5000 });
    const items = within(history).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // Newest first: note_2 (not reviewed), then note_1 (co-signed).
    expect(items[0]).not.toHaveTextContent('Co-signed');
    expect(items[1]).toHaveTextContent('Co-signed');
  });
});
