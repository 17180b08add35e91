/** The patient's contacts, newest first, and the buttons that start a new note. */
import type { Addendum, ContactMode, ContactNote } from '../../../domain/contactNote';
import { reviewsOf } from '../../../domain/noteReview';
import { CONTACT_MODES } from '../../../domain/contactNote';
import { useState } from 'react';
import { hrefFor, useHashRoute } from '../../app/useHashRoute';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { useReviewText } from './reviewText';
import { useNoteText } from './useNoteText';

export function NoteTimeline({
  patientId,
  notes,
  pendingKeys,
  addenda = [],
}: {
  patientId: string;
  notes: readonly ContactNote[];
  pendingKeys: ReadonlySet<string>;
  /** The patient's addenda: a note a supervisor reviewed says so. */
  addenda?: readonly Addendum[];
}) {
  const tx = useNoteText();
  const rx = useReviewText();
  const { formatDateTime } = useI18n();
  const { worker } = useServices();
  const [, navigate] = useHashRoute();
  const sorted = [...notes].sort((a, b) => b.contactAt.localeCompare(a.contactAt));
  const [attempt, setAttempt] = useState<'recorded' | 'failed' | null>(null);

  /** One tap after a door nobody opened or a call nobody answered: a signed attempt note. */
  async function recordAttempt(outcome: 'not_home' | 'no_answer') {
    let ok = false;
    try {
      ok = (await worker.recordAttempt({ patientId, outcome })).ok;
    } finally {
      setAttempt(ok ? 'recorded' : 'failed');
    }
  }

  async function start(mode: ContactMode) {
    const res = await worker.startNote({ patientId, mode });
    if (res.ok) navigate({ name: 'note', patientId, noteId: res.note.id });
  }

  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{tx.timeline}</h2>
      <div role="group" aria-label={tx.newNote} className="button-row">
        {CONTACT_MODES.map((m) => (
          <button key={m} type="button" className="button" onClick={() => void start(m)}>
            + {tx.mode[m]}
          </button>
        ))}
      </div>
      <div role="group" aria-label={tx.recordAttempt} className="button-row">
        <span className="muted">{tx.recordAttempt}:</span>
        {(['not_home', 'no_answer'] as const).map((o) => (
          <button key={o} type="button" className="button" onClick={() => void recordAttempt(o)}>
            {tx.outcome[o]}
          </button>
        ))}
      </div>
      <p role={attempt === 'failed' ? 'alert' : 'status'} className={attempt === 'failed' ? 'error' : 'muted'}>
        {attempt === 'recorded' ? tx.attemptRecorded : attempt === 'failed' ? tx.attemptFailed : ''}
      </p>
      {sorted.length === 0 && <p className="muted">{tx.noNotes}</p>}
      <ol className="plain-list timeline">
        {sorted.map((n) => (
          <li key={n.id} className="timeline__item">
            <a href={hrefFor({ name: 'note', patientId, noteId: n.id })} className="timeline__link">
              <strong>{formatDateTime(n.contactAt)}</strong> · {tx.mode[n.mode]}
              {n.outcome ? ` · ${tx.outcome[n.outcome]}` : ''} · {n.authorName}
              <span className={`badge badge--note-${n.status}`}>{tx.status[n.status]}</span>
              {n.escalation && <span className="badge badge--overdue">{tx.severities[n.escalation.severity]}</span>}
              {(() => {
                const reviews = reviewsOf(addenda, n.id);
                if (reviews.length === 0) return null;
                return <span className="badge badge--reviewed">{reviews.some((r) => r.review?.cosign) ? rx.cosigned : rx.reviewed}</span>;
              })()}
              {pendingKeys.has(`note:${n.id}`) && <span className="badge">{tx.notYetSynced}</span>}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
