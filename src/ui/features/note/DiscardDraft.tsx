/**
 * "Discard draft": offered to the draft's author only, confirmed in the app, then the note is
 * deleted here and its tombstone syncs (storage/commands/notes.ts `discardDraft`). On success
 * the person is taken back to the patient, whose timeline no longer lists the draft.
 */
import { useState } from 'react';
import { useConfirm } from '../../components/useConfirm';
import type { ContactNote } from '../../../domain/contactNote';
import { hrefFor } from '../../app/useHashRoute';
import { useServices } from '../../data/AppServices';
import { useSession } from '../../data/hooks';
import { useNoteText } from './useNoteText';
import type { NoteText } from './noteText';
import { logFailure } from '../../components/logFailure';

type DiscardProblem = keyof NoteText['discardError'];

export function DiscardDraft({ note }: { note: ContactNote }) {
  const tx = useNoteText();
  const { worker } = useServices();
  const session = useSession();
  const [confirm, confirmDialog] = useConfirm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DiscardProblem | null>(null);
  if (session?.user.id !== note.authorId) return null;

  async function discard() {
    const sure = await confirm({ title: tx.discardTitle, message: tx.discardConfirm, confirmLabel: tx.discardDraft, cancelLabel: tx.keepDraft, danger: true });
    if (!sure) return;
    setBusy(true);
    try {
      const res = await worker.discardDraft(note.id);
      if (res.ok) {
        window.location.hash = hrefFor({ name: 'patient', id: note.patientId });
        return;
      }
      setProblem(res.code === 'not_found' || res.code === 'signed_out' || res.code === 'not_a_draft' || res.code === 'not_author' ? res.code : 'failed');
    } catch (err) {
      logFailure('discarding a draft', err);
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--wide" disabled={busy} onClick={() => void discard()}>
        {tx.discardDraft}
      </button>
      {problem && (
        <p role="alert" className="error">
          {tx.discardError[problem]}
        </p>
      )}
      {confirmDialog}
    </>
  );
}
