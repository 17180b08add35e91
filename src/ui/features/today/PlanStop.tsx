/**
 * One stop of the plan as a card: how to get there (the drive, lunch before leaving or on the
 * way), then at the stop in time order: waits, lunch, and each visit with its times, late risk,
 * minutes and van buttons (arrived, done, not home). A care home is one card: its name line and
 * the residents' visits in order. Renders timeline entries as they are; no time arithmetic here.
 */
import type { LatLng } from '../../../domain/ids';
import { formatPhone } from '../../../domain/patient';
import type { DayAction, StopId, TimelineBreak, TimelineDrive, TimelineStop, TimelineVisit, TimelineWait } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { formatClock } from './dayForm';
import { navigateLink, type MapsPlatform } from './mapsLink';
import { PLAN_VIEW_TEXT } from './planViewText';
import { TODAY_TEXT, type TodayText } from './todayText';

export interface PersonInfo {
  readonly name: string;
  readonly address: string;
  readonly phone: string | null;
  readonly location: LatLng | null;
  /** The patient's last contact and next due date: an attempt just recorded shows here. */
  readonly lastContactAt: string | null;
  readonly nextDueDate: string | null;
}

export function formatDuration(minutes: number, tx: TodayText): string {
  const whole = Math.round(minutes);
  return whole < 60 ? tx.minutes(whole) : tx.hoursMinutes(Math.floor(whole / 60), whole % 60);
}

/** Visit lengths offered: quarter hours up to two hours, plus the current one. */
const MINUTE_CHOICES = [15, 30, 45, 60, 75, 90, 105, 120];

export interface StopActions {
  readonly person: (id: StopId) => PersonInfo;
  readonly mandatory: ReadonlySet<string>;
  readonly busy: boolean;
  readonly onAction: (a: DayAction) => void;
  readonly onSetMinutes?: (stopId: StopId, minutes: number) => void;
  /** A care home's name and address for a stop's `site` (its facility), when known. */
  readonly careHome?: (site: string) => { readonly name: string; readonly address: string } | null;
  readonly maps: MapsPlatform;
}

/** A lunch line, wherever it happens. */
export function BreakLine({ entry }: { entry: TimelineBreak }) {
  const { locale } = useI18n();
  const clock = (m: number) => formatClock(m, locale);
  return <p className="plan-stop__break">{PLAN_VIEW_TEXT[locale].lunch[entry.where](clock(entry.start), clock(entry.end))}</p>;
}

/** "Leave at 1:52 PM · 12 min drive · arrive 2:04 PM", with any lunch on the way. */
export function DriveLine({ entry }: { entry: TimelineDrive }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const ptx = PLAN_VIEW_TEXT[locale];
  const clock = (m: number) => formatClock(m, locale);
  const say = entry.to === null ? ptx.leaveBack : entry.past ? ptx.left : ptx.leave;
  const from = entry.from === 'here' && !entry.past ? ptx.fromHere : entry.from === 'start' && !entry.past ? ptx.fromStart : null;
  return (
    <div className="plan-stop__drive">
      <p className="plan-stop__leave">
        {from && <span className="muted">{from}: </span>}
        {say(clock(entry.leave), formatDuration(entry.minutes, tx), clock(entry.arrive))}
      </p>
      {entry.breaksOnTheWay.map((b) => (
        <BreakLine key={b.start} entry={b} />
      ))}
    </div>
  );
}

function WaitLine({ entry }: { entry: TimelineWait }) {
  const { locale } = useI18n();
  const clock = (m: number) => formatClock(m, locale);
  return <p className="plan-stop__wait">{PLAN_VIEW_TEXT[locale].wait(formatDuration(entry.end - entry.start, TODAY_TEXT[locale]), clock(entry.start), clock(entry.end))}</p>;
}

function MinutesControl({ visit, name, onSetMinutes }: { visit: TimelineVisit; name: string; onSetMinutes: (stopId: StopId, minutes: number) => void }) {
  const { locale } = useI18n();
  const ptx = PLAN_VIEW_TEXT[locale];
  const choices = [...new Set([...MINUTE_CHOICES, Math.round(visit.serviceMinutes)])].sort((a, b) => a - b);
  const id = `visit-minutes-${visit.stopId}`;
  return (
    <span className="field plan-stop__minutes">
      <label htmlFor={id}>{ptx.visitMinutes}</label>
      <select id={id} aria-label={ptx.visitMinutesLabel(name)} value={Math.round(visit.serviceMinutes)} onChange={(e) => onSetMinutes(visit.stopId, Number(e.target.value))}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {ptx.minutesOption(n)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** One visit's times, badges and buttons; `showName` for residents listed under a care home. */
function VisitBlock({ visit, actions, showName }: { visit: TimelineVisit; actions: StopActions; showName: boolean }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const ptx = PLAN_VIEW_TEXT[locale];
  const clock = (m: number) => formatClock(m, locale);
  const person = actions.person(visit.stopId);
  const { busy, onAction } = actions;
  return (
    <>
      {showName && (
        <div className="plan-stop__head">
          <span className="plan-stop__name">{person.name}</span>
          <VisitBadges visit={visit} mandatory={actions.mandatory.has(visit.stopId)} />
        </div>
      )}
      {visit.lateRisk && (
        <p className="plan-stop__risk">
          <span className="badge badge--overdue">{ptx.lateRiskVisit(clock(visit.lateRisk.closes))}</span>
        </p>
      )}
      <dl className="plan-stop__clock">
        <div>
          <dt>{tx.start}</dt>
          <dd>{clock(visit.start)}</dd>
        </div>
        <div>
          <dt>{tx.leave}</dt>
          <dd>{clock(visit.leave)}</dd>
        </div>
      </dl>
      <div className="record-actions">
        {visit.state !== 'done' && actions.onSetMinutes && <MinutesControl visit={visit} name={person.name} onSetMinutes={actions.onSetMinutes} />}
        {person.phone && (
          <a className="button" href={`tel:${person.phone}`} aria-label={tx.callLabel(person.name, formatPhone(person.phone))}>
            {tx.call}
          </a>
        )}
        {visit.state === 'planned' && (
          <button type="button" className="button" disabled={busy} aria-label={tx.arrivedLabel(person.name)} onClick={() => onAction({ kind: 'arrived', stopId: visit.stopId })}>
            {tx.arrived}
          </button>
        )}
        {visit.state !== 'done' && (
          <>
            <button type="button" className="button" disabled={busy} aria-label={tx.doneLabel(person.name)} onClick={() => onAction({ kind: 'done', stopId: visit.stopId })}>
              {tx.done}
            </button>
            <button type="button" className="button" disabled={busy} aria-label={tx.notHomeLabel(person.name)} onClick={() => onAction({ kind: 'not_home', stopId: visit.stopId })}>
              {tx.notHome}
            </button>
          </>
        )}
      </div>
    </>
  );
}

function VisitBadges({ visit, mandatory }: { visit: TimelineVisit; mandatory: boolean }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  return (
    <>
      {mandatory && <span className="badge badge--due_soon">{tx.mustVisitBadge}</span>}
      {visit.state === 'done' && <span className="badge badge--consent-granted">{tx.doneBadge}</span>}
      {visit.state === 'underway' && <span className="badge badge--gap">{tx.underwayBadge}</span>}
    </>
  );
}

function StopItems({ items, actions, residents }: { items: TimelineStop['items']; actions: StopActions; residents: boolean }) {
  return (
    <>
      {items.map((x) =>
        x.kind !== 'visit' && residents ? (
          <li key={`${x.kind}${x.start}`} className="plan-stop__between">
            {x.kind === 'wait' ? <WaitLine entry={x} /> : <BreakLine entry={x} />}
          </li>
        ) : x.kind === 'wait' ? (
          <WaitLine key={`w${x.start}`} entry={x} />
        ) : x.kind === 'break' ? (
          <BreakLine key={`b${x.start}`} entry={x} />
        ) : residents ? (
          <li key={x.stopId} className={`plan-stop__resident plan-stop--${x.state}`} data-stop-id={x.stopId}>
            <VisitBlock visit={x} actions={actions} showName />
          </li>
        ) : (
          <VisitBlock key={x.stopId} visit={x} actions={actions} showName={false} />
        ),
      )}
    </>
  );
}

export function PlanStop({ index, stop, lead, actions }: { index: number; stop: TimelineStop; lead: readonly (TimelineBreak | TimelineDrive)[]; actions: StopActions }) {
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const ptx = PLAN_VIEW_TEXT[locale];
  const clock = (m: number) => formatClock(m, locale);
  const visits = stop.items.filter((x): x is TimelineVisit => x.kind === 'visit');
  const first = visits[0]!;
  const person = actions.person(first.stopId);
  const state = visits.every((v) => v.state === 'done') ? 'done' : visits.some((v) => v.state === 'underway') ? 'underway' : 'planned';
  const grouped = stop.site !== null && visits.length > 1;
  const home = grouped ? (actions.careHome?.(stop.site!) ?? null) : null;
  const name = grouped ? (home?.name ?? ptx.careHome) : person.name;
  // A care home's card shows the home's address: the residents' own may be where they used to live.
  const address = home ? home.address : person.address;
  const link = person.location ? navigateLink(actions.maps, person.location) : null;

  return (
    <li className={`plan-stop plan-stop--${state}`} data-stop-id={grouped ? undefined : first.stopId} data-site={grouped ? stop.site! : undefined}>
      <div className="plan-stop__way">
        {lead.map((e) => (e.kind === 'drive' ? <DriveLine key={`d${e.leave}`} entry={e} /> : <BreakLine key={`b${e.start}`} entry={e} />))}
      </div>
      <div className="plan-stop__head">
        <span className="plan-stop__number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="plan-stop__name">{name}</span>
        {grouped ? <span className="badge">{ptx.residents(visits.length)}</span> : <VisitBadges visit={first} mandatory={actions.mandatory.has(first.stopId)} />}
      </div>
      <p className="muted plan-stop__address">{address}</p>
      {link && (
        <div className="record-actions">
          <a className="button" {...link} aria-label={tx.navigateLabel(name)}>
            {tx.navigate}
          </a>
        </div>
      )}
      <dl className="plan-stop__clock">
        <div>
          <dt>{tx.arrive}</dt>
          <dd>{clock(stop.arrive)}</dd>
        </div>
      </dl>
      {grouped ? (
        <ol className="plain-list plan-stop__residents" aria-label={ptx.residents(visits.length)}>
          <StopItems items={stop.items} actions={actions} residents />
        </ol>
      ) : (
        <StopItems items={stop.items} actions={actions} residents={false} />
      )}
    </li>
  );
}
