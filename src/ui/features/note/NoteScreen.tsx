/** One contact note: the editor while it is a draft, the signed record afterwards. */
import { useMemo } from 'react';
import { hrefFor } from '../../app/useHashRoute';
import { useSession, useTerritory } from '../../data/hooks';
import { usePatientRecords } from '../patient/usePatient';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { useNoteText } from './useNoteText';

export function NoteScreen({ patientId, noteId }: { patientId: string; noteId: string }) {
  const tx = useNoteText();
  const records = usePatientRecords(patientId);
  const session = useSession();
  const note = records?.note.find((n) => n.id === noteId);
  const patient = useTerritory()?.patients.find((p) => p.id === patientId) ?? null;
  const addenda = useMemo(
    () => (records?.addendum ?? []).filter((a) => a.noteId === noteId).sort((a, b) => a.at.localeCompare(b.at)),
    [records, noteId],
  );
  if (!records) return null;
  return (
    <article aria-labelledby="note-title" className="note">
      <a className="button button--link" href={hrefFor({ name: 'patient', id: patientId })}>
        ← {tx.backToPatient}
      </a>
      {!note ? (
        <p role="alert">{tx.noteNotFound}</p>
      ) : (
        <>
          <h1 id="note-title">
            {tx.mode[note.mode]} · {tx.status[note.status]}
          </h1>
          {note.status === 'draft' ? (
            // Keyed by id so a different draft never inherits this one's local state.
            <NoteEditor key={note.id} initial={note} records={records} careTeamPhone={session?.careTeamPhone ?? null} patient={patient} />
          ) : (
            <NoteView note={note} addenda={addenda} />
          )}
        </>
      )}
    </article>
  );
}
