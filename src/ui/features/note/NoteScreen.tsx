/** One contact note: the editor while it is a draft, the signed record afterwards. */
import { useMemo } from 'react';
import { hrefFor } from '../../app/useHashRoute';
import { useSession } from '../../data/hooks';
import { fullName } from '../../../domain/patient';
import { PatientSummary } from '../patient/PatientSummary';
import { usePatient } from '../patient/usePatient';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { useNoteText } from './useNoteText';

export function NoteScreen({ patientId, noteId }: { patientId: string; noteId: string }) {
  const tx = useNoteText();
  const view = usePatient(patientId);
  const records = view?.records;
  const session = useSession();
  const note = records?.note.find((n) => n.id === noteId);
  const addenda = useMemo(
    () => (records?.addendum ?? []).filter((a) => a.noteId === noteId).sort((a, b) => a.at.localeCompare(b.at)),
    [records, noteId],
  );
  if (view === undefined || !records) {
    // Still loading, or the patient is not on this device (then neither is the note).
    return view === null ? <p role="alert">{tx.noteNotFound}</p> : null;
  }
  return (
    <article aria-labelledby="note-title" className="note">
      <a className="button button--link" href={hrefFor({ name: 'patient', id: patientId })}>
        ← {tx.backToPatient}
      </a>
      <p className="patient-summary__name">{fullName(view.patient)}</p>
      <PatientSummary patient={view.patient} contacts={records.contactPoint} />
      {!note ? (
        <p role="alert">{tx.noteNotFound}</p>
      ) : (
        <>
          <h1 id="note-title">
            {tx.mode[note.mode]} · {tx.status[note.status]}
          </h1>
          {note.status === 'draft' ? (
            // Keyed by id so a different draft never inherits this one's local state.
            <NoteEditor key={note.id} initial={note} records={records} careTeamPhone={session?.careTeamPhone ?? null} patient={view.patient} />
          ) : (
            <NoteView note={note} addenda={addenda} responses={records.questionnaireResponse} />
          )}
        </>
      )}
    </article>
  );
}
