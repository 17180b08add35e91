/**
 * One signed note of the team, read-only, with its addenda (the author's and the reviews, in
 * words: who, co-signed or not, when), and the supervisor's review form: the text and a
 * co-sign box. After a review is added the note is read again, so it shows as stored.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { isReview } from '../../../../domain/noteReview';
import { useServices } from '../../../data/AppServices';
import { useI18n } from '../../../i18n/I18n';
import { NOTE_TEXT } from '../../note/noteText';
import { OfficeLoaded, OfficeProblem } from '../OfficeProblem';
import { dateTimeIn } from '../teamTable';
import { useOfficeAction, useOfficeLoad, type OfficeFailure } from '../useOfficeLoad';
import { dateIn } from './reviewTable';
import { REVIEW_WORDS } from './reviewWords';

export function ReviewNote({ noteId, onClose, onReviewed }: { noteId: string; onClose: () => void; onReviewed: () => void }) {
  const { worker } = useServices();
  const { locale } = useI18n();
  const words = REVIEW_WORDS[locale];
  const noteWords = NOTE_TEXT[locale];
  const loaded = useOfficeLoad(useCallback(() => worker.officeReviewNote(noteId), [worker, noteId]));
  const { busy, run } = useOfficeAction();
  const [text, setText] = useState('');
  const [cosign, setCosign] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<OfficeFailure | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    setFailure(null);
    const outcome = await run(() => worker.officeAddReview(noteId, text.trim(), cosign));
    if (outcome.ok) {
      setText('');
      setCosign(false);
      setDone(true);
      onReviewed();
    } else {
      setFailure(outcome.failure);
    }
    loaded.reload();
  }

  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        {words.close}
      </button>
      {/* The office's shared words for "not found" speak of escalations: a note says its own. */}
      {loaded.data.state === 'failed' && loaded.data.failure.code === 'not_found' ? (
        <p role="alert" className="error">
          {words.error.not_found}
        </p>
      ) : (
      <OfficeLoaded data={loaded.data} onRetry={loaded.reload}>
        {({ note, patientName, addenda }) => (
          <article aria-labelledby="review-note-title" className="note-view">
            <h2 id="review-note-title">{words.noteTitle(patientName)}</h2>
            {note.signedAt && <p>{words.signedBy(note.authorName, dateTimeIn(locale, note.signedAt))}</p>}
            {note.enteredInError && (
              <p role="note" className="error">
                {words.enteredInError(note.enteredInError.reason)}
              </p>
            )}
            {note.escalation && (
              <p className="escalation__banner" role="note">
                <strong>{words.urgent}:</strong> {note.escalation.reason}
              </p>
            )}
            <dl className="facts">
              <dt>{words.contactAt}</dt>
              <dd>{dateTimeIn(locale, note.contactAt)}</dd>
              <dt>{words.mode}</dt>
              <dd>{noteWords.mode[note.mode]}</dd>
              <dt>{words.outcome}</dt>
              <dd>{note.outcome ? noteWords.outcome[note.outcome] : '—'}</dd>
              <dt>{words.duration}</dt>
              <dd>{note.durationMinutes ?? '—'}</dd>
            </dl>
            {note.activities.length > 0 && (
              <>
                <h3>{noteWords.activities}</h3>
                <ul className="plain-list">
                  {note.activities.map((a, i) => (
                    <li key={i}>{noteWords.activity[a.kind]}</li>
                  ))}
                </ul>
              </>
            )}
            <h3>{words.text}</h3>
            <p className="note-text">{note.text}</p>
            {note.followUps.length > 0 && (
              <>
                <h3>{words.followUps}</h3>
                <ul className="plain-list">
                  {note.followUps.map((f) => (
                    <li key={f.id}>
                      {f.title} · {dateIn(locale, `${f.dueDate}T12:00:00`)} · {f.ownerName}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{words.addenda}</h3>
            {addenda.length === 0 ? (
              <p className="muted">{words.noAddenda}</p>
            ) : (
              <ul className="plain-list" aria-label={words.addenda}>
                {addenda.map((a) => (
                  <li key={a.id} className="card">
                    <p>
                      <strong>
                        {isReview(a)
                          ? (a.review?.cosign ? words.cosignedBy : words.reviewedBy)(a.authorName, dateIn(locale, a.at))
                          : words.addendumBy(a.authorName, dateTimeIn(locale, a.at))}
                        :
                      </strong>
                    </p>
                    <p className="note-text">{a.text}</p>
                  </li>
                ))}
              </ul>
            )}
            {done && (
              <p role="status" className="admin-notice">
                {words.reviewAdded}
              </p>
            )}
            {failure &&
              (failure.code === 'not_found' || failure.code === 'conflict' ? (
                <p role="alert" className="error">
                  {words.error[failure.code]}
                </p>
              ) : (
                <OfficeProblem failure={failure} />
              ))}
            {note.status === 'signed' ? (
              <form onSubmit={(e) => void submit(e)}>
                <div className="field">
                  <label htmlFor="review-text">{words.reviewLabel}</label>
                  <textarea id="review-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
                </div>
                <label className="check">
                  <input type="checkbox" checked={cosign} onChange={(e) => setCosign(e.target.checked)} />
                  <span>{words.cosign}</span>
                </label>
                <button type="submit" className="button" disabled={busy || text.trim() === ''}>
                  {words.addReview}
                </button>
              </form>
            ) : (
              <p className="muted">{words.cannotReview}</p>
            )}
          </article>
        )}
      </OfficeLoaded>
      )}
    </>
  );
}
