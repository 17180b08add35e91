/**
 * The saved plan of the day: totals, why it cannot serve every must-visit patient (when it
 * cannot), the visits in order, who is left out and why, a drawing of the route, and the van's
 * "running late" control. Every van tap goes to the worker, which re-plans and saves; this view
 * re-renders from the saved plan.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { DayAction, DayPlan, StopId, TimelineBreak, TimelineDrive, TimelineEntry, TimelineStop } from '../../../worker/client';
import { dayTimeline, missedBreaks, visitingHours } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { hrefFor } from '../../app/useHashRoute';
import { formatClock } from './dayForm';
import { mapsPlatform } from './mapsLink';
import { BreakLine, DriveLine, formatDuration, PlanStop, type PersonInfo, type StopActions } from './PlanStop';
import { PLAN_VIEW_TEXT, type WhyNotReason } from './planViewText';
import { RouteDrawing } from './RouteDrawing';
import { TODAY_TEXT } from './todayText';

type Lead = TimelineBreak | TimelineDrive;

const firstVisitId = (stop: TimelineStop): string => stop.items.flatMap((x) => (x.kind === 'visit' ? [x.stopId as string] : []))[0] ?? String(stop.arrive);

/** Stops with what leads to each (drives, lunch before leaving), then what follows the last one. */
function byStop(entries: readonly TimelineEntry[]): { stops: { stop: TimelineStop; lead: Lead[] }[]; tail: TimelineEntry[] } {
  const stops: { stop: TimelineStop; lead: Lead[] }[] = [];
  let lead: TimelineEntry[] = [];
  for (const e of entries) {
    if (e.kind === 'stop') {
      stops.push({ stop: e, lead: lead as Lead[] });
      lead = [];
    } else lead.push(e);
  }
  return { stops, tail: lead };
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
  noLocation = [],
  onSetMinutes,
  careHome,
}: {
  day: DayPlan;
  person: (id: StopId) => PersonInfo;
  busy: boolean;
  onAction: (a: DayAction) => void;
  /** Move focus to the plan (it has just been made), so a screen reader reads it next. */
  focus: boolean;
  /** Picked or suggested patients whose address has no map position: said why they are not planned. */
  noLocation?: readonly { id: string; name: string }[];
  /** Shows a visit-length control on each visit not yet done; the caller re-plans with it. */
  onSetMinutes?: (stopId: StopId, minutes: number) => void;
  /** The care home's name and address for a stop's `site`; without it a care home is called "Care home". */
  careHome?: (site: string) => { readonly name: string; readonly address: string } | null;
}) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const ptx = PLAN_VIEW_TEXT[locale];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const clock = (m: number) => formatClock(m, locale);
  const { plan, problem } = day;
  const entries = useMemo(() => dayTimeline(day.problem, day.plan, day.progress, day.legs), [day]);
  const { stops, tail } = byStop(entries);
  const maps = useMemo(() => mapsPlatform(navigator), []);
  const actions: StopActions = {
    person,
    mandatory: new Set<string>(problem.stops.filter((s) => s.mandatory).map((s) => s.id)),
    busy,
    onAction,
    maps,
    ...(onSetMinutes ? { onSetMinutes } : {}),
    ...(careHome ? { careHome } : {}),
  };
  const names = (ids: readonly StopId[]) => ids.map((id) => person(id).name).join(', ');
  const stopOf = new Map(problem.stops.map((s) => [s.id as string, s]));
  const hours = (id: StopId): string => {
    const stop = stopOf.get(id);
    return stop ? visitingHours(stop).map((h) => `${clock(h.open)}–${clock(h.close)}`).join(ptx.hoursJoin) : '';
  };
  const skipped: { id: string; name: string; reason: WhyNotReason; why: string }[] = [
    ...plan.skipped.map((s) => ({ id: s.id as string, name: person(s.id).name, reason: s.reason as WhyNotReason, why: ptx.whyNot[s.reason](hours(s.id)) })),
    ...day.excluded.map((s) => ({ id: s.id as string, name: person(s.id).name, reason: s.reason as WhyNotReason, why: ptx.whyNot[s.reason]('') })),
    ...noLocation.map((s) => ({ id: s.id, name: s.name, reason: 'no_location' as const, why: ptx.whyNot.no_location('') })),
  ];
  const back = tail.find((e) => e.kind === 'back');
  const missed = missedBreaks(problem, plan);

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
      {missed.map((rule) => (
        <p key={rule.latest} className="plan__missed" role="status">
          {ptx.lunchMissed(clock(rule.latest))}
        </p>
      ))}
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
        {stops.map(({ stop, lead }, i) => (
          <PlanStop key={firstVisitId(stop)} index={i} stop={stop} lead={lead} actions={actions} />
        ))}
      </ol>
      <div className="plan__return">
        {tail.map((e) =>
          e.kind === 'drive' ? <DriveLine key={`d${e.leave}`} entry={e} /> : e.kind === 'break' ? <BreakLine key={`b${e.start}`} entry={e} /> : null,
        )}
        {back?.kind === 'back' && (
          <p>
            <strong>{ptx.backAt(clock(back.at))}</strong>
            {back.lateRisk && (
              <>
                {' '}
                <span className="badge badge--overdue">{ptx.lateRiskBack(clock(back.shiftEnd))}</span>
              </>
            )}
          </p>
        )}
      </div>
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
                <span className="plan-stop__name">{s.name}</span>
                <span className={s.reason === 'unavailable' ? 'badge badge--noshow' : 'badge'}>{s.why}</span>
                {s.reason === 'unavailable' && <AttemptLine person={person(s.id as StopId)} id={s.id as StopId} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
