/**
 * The escalation queue: a filter (not yet resolved by default), the list from the server, and
 * one step at a time on an escalation. After a step, or a refusal that means the list is stale
 * (resolved meanwhile, gone), the list is fetched again; a failure for lack of network leaves
 * the list and any resolution note being typed as they were.
 */
import { useCallback, useState } from 'react';
import type { EscalationFilter, OfficeAssignee, OfficeEscalation, OfficeResult } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useI18n } from '../../i18n/I18n';
import { EscalationItem, type Person } from './EscalationItem';
import { OfficeLoaded, OfficeProblem } from './OfficeProblem';
import { OFFICE_TEXT, type OfficeStepDone } from './officeText';
import { useOfficeAction, useOfficeLoad, type OfficeFailure } from './useOfficeLoad';

/** The order the filter offers: the working view first. */
const FILTER_ORDER = ['unresolved', 'open', 'acknowledged', 'resolved', 'all'] as const satisfies readonly EscalationFilter[];

/**
 * Who may be given an escalation: the server's list (oneself, the team, the organisation's
 * other supervisors; `GET /api/office/assignees`); until it comes, or when it cannot, the team
 * members the queue names.
 */
function peopleOf(assignees: readonly OfficeAssignee[] | null, escalations: readonly OfficeEscalation[]): Person[] {
  if (assignees) return assignees.map((a) => ({ id: a.id, name: a.name }));
  return teamOf(escalations);
}

/** The people the queue names who may be given an escalation: the team members who raised one. */
function teamOf(escalations: readonly OfficeEscalation[]): Person[] {
  const people = new Map<string, string>();
  for (const e of escalations) if (e.raisedById) people.set(e.raisedById, e.raisedByName);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function EscalationsSection({ self }: { self: Person }) {
  const { worker } = useServices();
  const { locale } = useI18n();
  const text = OFFICE_TEXT[locale];
  const [filter, setFilter] = useState<EscalationFilter>('unresolved');
  const queue = useOfficeLoad(useCallback(() => worker.officeListEscalations(filter), [worker, filter]));
  const assignees = useOfficeLoad(useCallback(() => worker.officeAssignees(), [worker]));
  const action = useOfficeAction();
  const [done, setDone] = useState<{ step: OfficeStepDone; patient: string } | null>(null);
  const [failed, setFailed] = useState<{ id: string; failure: OfficeFailure } | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());

  const setDraft = (id: string, value: string | undefined) =>
    setDrafts((current) => {
      const next = new Map(current);
      if (value === undefined) next.delete(id);
      else next.set(id, value);
      return next;
    });

  function chooseFilter(next: EscalationFilter) {
    setFilter(next);
    setDone(null);
    setFailed(null);
  }

  async function take(e: OfficeEscalation, step: OfficeStepDone, call: () => Promise<OfficeResult<OfficeEscalation>>) {
    setDone(null);
    setFailed(null);
    const res = await action.run(call);
    if (res.ok) {
      setDone({ step, patient: e.patientName });
      if (step === 'resolved') setDraft(e.id, undefined);
      queue.reload();
      return;
    }
    setFailed({ id: e.id, failure: res.failure });
    // Resolved meanwhile, or gone: what is on screen is stale.
    if (res.failure.code === 'conflict' || res.failure.code === 'not_found') queue.reload();
  }

  return (
    <section aria-labelledby="office-escalations-title">
      <h1 id="office-escalations-title">{text.escalationsTitle}</h1>
      <div className="escalation-queue__controls">
        <label className="field field--inline" htmlFor="office-escalation-filter">
          {text.filter}
          <select id="office-escalation-filter" value={filter} onChange={(ev) => chooseFilter(ev.target.value as EscalationFilter)}>
            {FILTER_ORDER.map((f) => (
              <option key={f} value={f}>
                {text.filters[f]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={queue.reload}>
          {text.refresh}
        </button>
      </div>
      {done && (
        <p role="status" className="admin-notice">
          {text.done[done.step](done.patient)}
        </p>
      )}
      <OfficeLoaded data={queue.data} onRetry={queue.reload}>
        {(value) => {
          const people = peopleOf(assignees.data.state === 'ready' ? assignees.data.value : null, value.escalations);
          const shown = new Set(value.escalations.map((e) => e.id));
          return (
            <>
              {failed && !shown.has(failed.id) && <OfficeProblem failure={failed.failure} />}
              {value.escalations.length === 0 ? (
                <p className="muted">{text.empty}</p>
              ) : (
                <ul className="escalation-queue" aria-label={text.queueLabel}>
                  {value.escalations.map((e) => (
                    <EscalationItem
                      key={e.id}
                      escalation={e}
                      ackMinutes={value.ackMinutes}
                      self={self}
                      people={people}
                      busy={action.busy}
                      failure={failed?.id === e.id ? failed.failure : null}
                      draft={drafts.get(e.id)}
                      onDraft={(d) => setDraft(e.id, d)}
                      onAcknowledge={() => void take(e, 'acknowledged', () => worker.officeAcknowledgeEscalation(e.id))}
                      onAssign={(userId) => void take(e, 'assigned', () => worker.officeAssignEscalation(e.id, userId))}
                      onResolve={(resolution) => void take(e, 'resolved', () => worker.officeResolveEscalation(e.id, resolution))}
                    />
                  ))}
                </ul>
              )}
              {value.hasMore && <p className="muted">{text.hasMore}</p>}
            </>
          );
        }}
      </OfficeLoaded>
    </section>
  );
}
