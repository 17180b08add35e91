/**
 * The escalations a specialist raised and what the office did with them: acknowledged (by
 * whom, when), who follows it up, resolved with a note. The office's steps arrive with the
 * next sync (SYNC.md T7); until then an escalation reads "Waiting for the office". Newest
 * first. Shown on the patient screen (one patient) and in Follow-ups (the territory, with the
 * patient's name linking to their record). Read only: the office writes these fields.
 */
import { useId } from 'react';
import { withOfficeDefaults, type Escalation } from '../../../domain/escalation';
import { hrefFor } from '../../app/useHashRoute';
import { useI18n } from '../../i18n/I18n';
import { ESCALATION_TEXT } from './escalationText';

const BADGE = { open: 'overdue', acknowledged: 'due_soon', resolved: 'later' } as const;

export interface EscalationListProps {
  readonly escalations: readonly Escalation[];
  /** Patient names by id: when given, each escalation names its patient, linked to their record. */
  readonly patientNames?: ReadonlyMap<string, string>;
}

export function EscalationList({ escalations, patientNames }: EscalationListProps) {
  const { locale, formatDateTime } = useI18n();
  const tx = ESCALATION_TEXT[locale];
  const titleId = useId();
  if (escalations.length === 0) return null;
  // Stored before the office's steps existed: read as not yet acknowledged.
  const shown = escalations.map((e) => withOfficeDefaults(e)).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{tx.title}</h2>
      <ul className="plain-list" aria-labelledby={titleId}>
        {shown.map((e) => {
          const patient = patientNames?.get(e.patientId);
          return (
            <li key={e.id} className="record-item">
              <div className="record-item__main">
                <span>
                  {patient !== undefined && (
                    <>
                      <a href={hrefFor({ name: 'patient', id: e.patientId })}>{patient}</a>
                      {' · '}
                    </>
                  )}
                  <strong>{tx.severity[e.severity]}</strong> · {e.reason}
                </span>
                <span className={`badge badge--${BADGE[e.status]}`}>{tx.status[e.status]}</span>
              </div>
              <p className="muted">{tx.raised(formatDateTime(e.raisedAt), e.raisedBy)}</p>
              {e.acknowledgedAt !== null && e.acknowledgedByName !== null && (
                <p>{tx.acknowledged(formatDateTime(e.acknowledgedAt), e.acknowledgedByName)}</p>
              )}
              {e.assignedToName !== null && e.status !== 'resolved' && <p>{tx.assigned(e.assignedToName)}</p>}
              {e.resolvedAt !== null && e.resolvedByName !== null && <p>{tx.resolved(formatDateTime(e.resolvedAt), e.resolvedByName)}</p>}
              {e.resolution !== null && (
                <p>
                  {tx.resolution}: {e.resolution}
                </p>
              )}
              {e.status === 'open' && <p className="muted">{tx.waiting}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
