/**
 * One escalation in the office's queue: who and what, how old, its status, an overdue mark in
 * words, and the steps still open to it (acknowledge, assign, resolve with a note). The
 * resolution draft is the section's (it outlives a failed step and a refreshed list); the
 * step itself runs in the section.
 */
import { useState, type FormEvent } from 'react';
import type { OfficeEscalation } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { OfficeProblem } from './OfficeProblem';
import { OFFICE_TEXT } from './officeText';
import type { OfficeFailure } from './useOfficeLoad';

export interface Person {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly escalation: OfficeEscalation;
  readonly ackMinutes: number;
  readonly self: Person;
  /** Others the escalation may go to (the team as the queue shows it). */
  readonly people: readonly Person[];
  readonly busy: boolean;
  /** The last step on this escalation failed. */
  readonly failure: OfficeFailure | null;
  readonly draft: string | undefined;
  readonly onDraft: (text: string | undefined) => void;
  readonly onAcknowledge: () => void;
  readonly onAssign: (userId: string) => void;
  readonly onResolve: (resolution: string) => void;
}

export function EscalationItem({ escalation: e, ackMinutes, self, people, busy, failure, draft, onDraft, onAcknowledge, onAssign, onResolve }: Props) {
  const text = OFFICE_TEXT[useI18n().locale];
  const [assignee, setAssignee] = useState(e.assignedTo ?? self.id);
  const [missing, setMissing] = useState(false);
  const titleId = `escalation-${e.id}-title`;
  const noteId = `escalation-${e.id}-note`;
  const resolving = draft !== undefined;
  const options = [{ id: self.id, name: text.me(self.name) }, ...people.filter((p) => p.id !== self.id)];
  if (e.assignedTo && e.assignedToName && !options.some((p) => p.id === e.assignedTo)) options.push({ id: e.assignedTo, name: e.assignedToName });

  function submitResolve(event: FormEvent) {
    event.preventDefault();
    if (!draft || draft.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onResolve(draft);
  }

  return (
    <li className={`card escalation-item${e.overdue ? ' escalation-item--overdue' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="escalation-item__title">
        {e.patientName}
      </h2>
      {e.overdue && (
        <p className="escalation-item__overdue">
          <span aria-hidden="true">⚠ </span>
          {text.overdue(ackMinutes)}
        </p>
      )}
      <dl className="escalation-item__facts">
        <dt>{text.reason}</dt>
        <dd>{e.reason}</dd>
        <dt>{text.severity}</dt>
        <dd>
          <span className={`badge badge--severity-${e.severity}`}>{text.severities[e.severity]}</span>
        </dd>
        <dt>{text.raisedBy}</dt>
        <dd>{e.raisedByName}</dd>
        <dt>{text.raised}</dt>
        <dd>{text.age(e.ageMinutes)}</dd>
        <dt>{text.status}</dt>
        <dd>
          <span className={`badge badge--escalation-${e.status}`}>{text.statuses[e.status]}</span>
        </dd>
        {e.acknowledgedByName && (
          <>
            <dt>{text.acknowledgedBy}</dt>
            <dd>{e.acknowledgedByName}</dd>
          </>
        )}
        {e.assignedToName && (
          <>
            <dt>{text.assignedTo}</dt>
            <dd>{e.assignedToName}</dd>
          </>
        )}
        {e.resolvedByName && (
          <>
            <dt>{text.resolvedBy}</dt>
            <dd>{e.resolvedByName}</dd>
          </>
        )}
        {e.resolution && (
          <>
            <dt>{text.resolution}</dt>
            <dd className="escalation-item__resolution">{e.resolution}</dd>
          </>
        )}
      </dl>
      {failure && <OfficeProblem failure={failure} />}
      {e.status !== 'resolved' && (
        <div className="escalation-item__actions">
          {e.status === 'open' && (
            <button type="button" className="button button--primary" disabled={busy} aria-label={text.acknowledgeFor(e.patientName)} onClick={onAcknowledge}>
              {text.acknowledge}
            </button>
          )}
          <div className="escalation-item__assign">
            <label className="field field--inline" htmlFor={`escalation-${e.id}-assignee`}>
              {text.assignTo}
              <select id={`escalation-${e.id}-assignee`} value={assignee} onChange={(ev) => setAssignee(ev.target.value)}>
                {options.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" disabled={busy} aria-label={text.assignFor(e.patientName)} onClick={() => onAssign(assignee)}>
              {text.assign}
            </button>
          </div>
          {!resolving && (
            <button type="button" className="button" disabled={busy} aria-label={text.resolveFor(e.patientName)} onClick={() => onDraft('')}>
              {text.resolve}
            </button>
          )}
        </div>
      )}
      {e.status !== 'resolved' && resolving && (
        <form className="escalation-item__resolve" aria-label={text.resolveForm(e.patientName)} noValidate onSubmit={submitResolve}>
          <label className="field" htmlFor={noteId}>
            {text.resolveNote}
            <textarea
              id={noteId}
              rows={3}
              required
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? `${noteId}-missing` : undefined}
              value={draft}
              onChange={(ev) => onDraft(ev.target.value)}
            />
          </label>
          {missing && (
            <p id={`${noteId}-missing`} role="alert" className="error">
              {text.resolveNoteMissing}
            </p>
          )}
          <div className="escalation-item__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? text.working : text.resolve}
            </button>
            <button type="button" className="button" onClick={() => onDraft(undefined)}>
              {text.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
