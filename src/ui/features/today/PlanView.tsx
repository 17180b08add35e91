/**
 * The saved plan of the day: totals, why it cannot serve every must-visit patient (when it
 * cannot), the visits in order, who is left out and why, a drawing of the route, and the van's
 * "running late" control. Every van tap goes to the worker, which re-plans and saves; this view
 * re-renders from the saved plan.
 */
import { useEffect, useRef } from 'react';
import type { DayAction, DayPlan, PlannedBreak, StopId } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { hrefFor } from '../../app/useHashRoute';
import { formatClock } from './dayForm';
import { formatDuration, PlanStop, type PersonInfo, type StopState } from './PlanStop';
import { RouteDrawing } from './RouteDrawing';
import { TODAY_TEXT } from './todayText';

const EPS = 1e-6;

/** Each break goes with the first visit it comes before; the rest are after the last visit. */
function breaksByVisit(day: DayPlan): { before: PlannedBreak[][]; after: PlannedBreak[] } {
  const visits = day.plan.visits;
  const before: PlannedBreak[][] = visits.map(() => []);
  const after: PlannedBreak[] = [];
  for (const b of day.plan.breaks) {
    const i = visits.findIndex((v) => b.end <= v.start + EPS);
    if (i >= 0) before[i]!.push(b);
    else after.push(b);
  }
  return { before, after };
}

/** Where a "not home" went: the attempt on the patient's record, and when to try again. */
function AttemptLine({ person, id }: { person: PersonInfo; id: StopId }) {
  const { locale, formatDate, formatDateTime } = useI18n();
  const tx = TODAY_TEXT[locale];
  return (
    <span className="plan__attempt">
      {person.lastContactAt && (
        <span className="muted">{tx.attemptRecorded(formatDateTime(person.lastContactAt), person.nextDueDate ? formatDate(person.nextDueDate) : null)}</span>
      )}{' '}
      <a href={hrefFor({ name: 'patient', id })}>{tx.openRecord(person.name)}</a>
    </span>
  );
}

export function PlanView({
  day,
  person,
  busy,
  onAction,
  focus,
}: {
  day: DayPlan;
  person: (id: StopId) => PersonInfo;
  busy: boolean;
  onAction: (a: DayAction) => void;
  /** Move focus to the plan (it has just been made), so a screen reader reads it next. */
  focus: boolean;
  onSetMinutes?: (stopId: StopId, minutes: number) => void;
  noLocation?: readonly { id: string; name: string }[];
}) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const clock = (m: number) => formatClock(m, locale);
  const { plan, progress, legs, problem } = day;
  const mandatory = new Set<string>(problem.stops.filter((s) => s.mandatory).map((s) => s.id));
  const done = new Set<string>(progress.done.map((v) => v.id));
  const stateOf = (id: StopId): StopState => (progress.arrived === id ? 'underway' : done.has(id) ? 'done' : 'planned');
  const { before, after } = breaksByVisit(day);
  const names = (ids: readonly StopId[]) => ids.map((id) => person(id).name).join(', ');
  const skipped = [...plan.skipped.map((s) => ({ id: s.id, reason: s.reason })), ...day.excluded];

  return (
    <section aria-labelledby="plan-title" className="card plan">
      <h2 id="plan-title" tabIndex={-1} ref={heading}>
        {tx.planTitle}
      </h2>
      <p className="plan__totals" data-testid="plan-totals">
        <strong>{tx.visitsCount(plan.visits.length)}</strong> · {tx.driving(formatDuration(plan.travelMinutes, tx))} · {tx.backAt(clock(plan.returnAt))}
      </p>
      <p className="muted">
        {plan.provenOptimal ? `${tx.proven} ` : ''}
        {tx.savedHere}
      </p>
      {!plan.feasible && plan.reasons.length > 0 && (
        <div role="alert" className="plan__problem">
          <h3>{tx.infeasibleTitle}</h3>
          <ul>
            {plan.reasons.map((r) => (
              <li key={r.code}>{tx.infeasible[r.code](names(r.ids))}</li>
            ))}
          </ul>
        </div>
      )}
      <RouteDrawing day={day} />
      <ol className="plain-list plan__stops" aria-label={tx.plannedVisits}>
        {plan.visits.map((v, i) => (
          <PlanStop
            key={v.id}
            index={i}
            visit={v}
            person={person(v.id)}
            driveMinutes={legs[i] ?? 0}
            breaksBefore={before[i] ?? []}
            state={stateOf(v.id)}
            mandatory={mandatory.has(v.id)}
            busy={busy}
            onAction={onAction}
          />
        ))}
      </ol>
      {after.map((b) => (
        <p key={b.start}>{tx.lunchAtEnd(clock(b.start), clock(b.end))}</p>
      ))}
      <p className="plan__return">{tx.driveBack(formatDuration(legs[plan.visits.length] ?? 0, tx), clock(plan.returnAt))}</p>
      <div className="plan__van" role="group" aria-label={tx.inTheVan}>
        <button type="button" className="button" disabled={busy} onClick={() => onAction({ kind: 'running_late' })}>
          {tx.runningLate}
        </button>
        <span className="muted" aria-live="polite">
          {busy ? tx.updating : ''}
        </span>
      </div>
      {skipped.length > 0 && (
        <>
          <h3 id="not-planned-title">{tx.notPlanned}</h3>
          <ul className="plain-list plan__skipped" aria-labelledby="not-planned-title">
            {skipped.map((s) => (
              <li key={s.id} className="record-item" data-stop-id={s.id}>
                <span className="plan-stop__name">{person(s.id).name}</span>
                <span className={s.reason === 'unavailable' ? 'badge badge--noshow' : 'badge'}>{tx.skip[s.reason]}</span>
                {s.reason === 'unavailable' && <AttemptLine person={person(s.id)} id={s.id} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
