/**
 * A signed (or entered-in-error) note: read-only content, who signed it and when, its content
 * fingerprint, addenda, and the two things a person may still do: add an addendum, or mark
 * the note entered in error with a reason.
 */
import { useState } from 'react';
import type { Addendum, ContactNote } from '../../../domain/contactNote';
import type { QuestionnaireResponse } from '../../../domain/questionnaire';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { QuestionnaireResult } from '../questionnaire/QuestionnaireResult';
import { isReview } from '../../../domain/noteReview';
import { localDay, useReviewText } from './reviewText';
import { useNoteText } from './useNoteText';

function ActivitySummary({ note, responses }: { note: ContactNote; responses: readonly QuestionnaireResponse[] }) {
  const tx = useNoteText();
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="plain-list">
      {note.activities.map((a, i) => (
        <li key={i} className="gap">
          <strong>{tx.activity[a.kind]}</strong>
          {a.kind === 'education' && <span>{a.topic} · {tx.teachBackLabel}: {a.teachBack ? tx.teachBack[a.teachBack] : tx.none}</span>}
          {a.kind === 'portal_help' && <span>{a.steps.map((s) => tx.portalSteps[s]).join(', ')}</span>}
          {a.kind === 'rpm' && <span>{tx.devices[a.device]} · {a.action === 'setup' ? tx.rpmSetup : tx.rpmTraining}</span>}
          {a.kind === 'appointment' && (
            <span>
              {tx.appointmentActions[a.action]} · {a.provider} · {a.startsAt ? formatDateTime(a.startsAt) : ''} · {t.appointmentMode[a.mode]}
            </span>
          )}
          {a.kind === 'referral' && <span>{tx.referral[a.to]} · {a.reason}</span>}
          {a.kind === 'barrier' && <span>{tx.barrierKind[a.barrier]} · {a.action === 'found' ? tx.barrierFound : tx.barrierResolved} · {a.detail}</span>}
          {a.kind === 'goal' && <span>{a.text}</span>}
          {a.kind === 'care_gap' && <span>{t.gap[a.measure]} · {tx.gapActions[a.action]}</span>}
          {a.kind === 'questionnaire' && (
            <QuestionnaireResult questionnaireId={a.questionnaireId} response={responses.find((r) => r.id === a.responseId)} />
          )}
        </li>
      ))}
    </ul>
  );
}

interface NoteViewProps {
  readonly note: ContactNote;
  readonly addenda: readonly Addendum[];
  /** The patient's questionnaire responses; the note's own are shown with its activities. */
  readonly responses: readonly QuestionnaireResponse[];
}

export function NoteView({ note, addenda, responses }: NoteViewProps) {
  const tx = useNoteText();
  const rx = useReviewText();
  const { formatDate, formatDateTime } = useI18n();
  const { worker } = useServices();
  const [addendum, setAddendum] = useState('');
  const [reason, setReason] = useState('');
  const [errorOpen, setErrorOpen] = useState(false);

  return (
    <div className="note-view" data-testid="signed-note">
      <p className={`badge badge--note-${note.status}`}>{tx.status[note.status]}</p>
      {note.signedAt && <p>{tx.signedBy(note.authorName, formatDateTime(note.signedAt))}</p>}
      {note.enteredInError && (
        <p role="note" className="error">
          {tx.enteredInErrorBy(note.enteredInError.by, formatDateTime(note.enteredInError.at), note.enteredInError.reason)}
        </p>
      )}
      {note.escalation && (
        <div className="escalation__banner" role="note">
          <strong>{tx.severities[note.escalation.severity]}:</strong> {note.escalation.reason}
        </div>
      )}
      <dl className="facts">
        <dt>{tx.contactType}</dt>
        <dd>{tx.mode[note.mode]}</dd>
        <dt>{tx.when}</dt>
        <dd>{formatDateTime(note.contactAt)}</dd>
        <dt>{tx.duration}</dt>
        <dd>{note.durationMinutes ?? '—'}</dd>
        <dt>{tx.outcomeLabel}</dt>
        <dd>{note.outcome ? tx.outcome[note.outcome] : '—'}</dd>
      </dl>
      <h2>{tx.activities}</h2>
      <ActivitySummary note={note} responses={responses} />
      <h2>{tx.freeText}</h2>
      <p className="note-text">{note.text}</p>
      {note.followUps.length > 0 && (
        <>
          <h2>{tx.followUps}</h2>
          <ul className="plain-list">
            {note.followUps.map((f) => (
              <li key={f.id}>
                {f.title} · {tx.dueDate} {formatDate(f.dueDate)} · {f.ownerName}
              </li>
            ))}
          </ul>
        </>
      )}
      {note.contentHash && (
        <p className="muted">
          {tx.contentHash}: <code data-testid="content-hash">{note.contentHash}</code>
        </p>
      )}

      <h2>{tx.addenda}</h2>
      <ul className="plain-list">
        {addenda.map((a) => (
          <li key={a.id} className="card" data-testid={isReview(a) ? 'note-review' : undefined}>
            {isReview(a) ? (
              // A supervisor's review from the office: said in words, not only by style.
              <p>
                <strong>{(a.review?.cosign ? rx.cosignedBy : rx.reviewedBy)(a.authorName, formatDate(localDay(a.at)))}:</strong>
              </p>
            ) : (
              <p className="muted">
                {a.authorName}, {formatDateTime(a.at)}
              </p>
            )}
            <p className="note-text">{a.text}</p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void worker.addAddendum(note.id, addendum).then((r) => r.ok && setAddendum(''));
        }}
      >
        <div className="field">
          <label htmlFor={`${note.id}-addendum`}>{tx.addendumText}</label>
          <textarea id={`${note.id}-addendum`} rows={3} value={addendum} onChange={(e) => setAddendum(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={addendum.trim() === ''}>
          {tx.addAddendum}
        </button>
      </form>

      {note.status === 'signed' &&
        (errorOpen ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void worker.enterNoteInError(note.id, reason);
            }}
          >
            <div className="field">
              <label htmlFor={`${note.id}-error`}>{tx.errorReason}</label>
              <textarea id={`${note.id}-error`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={reason.trim() === ''}>
              {tx.confirmError}
            </button>
          </form>
        ) : (
          <button type="button" className="button" onClick={() => setErrorOpen(true)}>
            {tx.enterInError}
          </button>
        ))}
    </div>
  );
}
