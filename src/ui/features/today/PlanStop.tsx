/**
 * One planned visit: when to arrive, start and leave, the drive to it, any wait or lunch before
 * it, hand-offs to the maps app and the phone, and the van buttons (arrived, done, not home).
 */
import type { LatLng } from '../../../domain/ids';
import { formatPhone } from '../../../domain/patient';
import type { DayAction, PlannedBreak, PlannedVisit } from '../../../worker/client';
import { useI18n } from '../../i18n/I18n';
import { formatClock } from './dayForm';
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

export type StopState = 'planned' | 'underway' | 'done';

export function formatDuration(minutes: number, tx: TodayText): string {
  const whole = Math.round(minutes);
  return whole < 60 ? tx.minutes(whole) : tx.hoursMinutes(Math.floor(whole / 60), whole % 60);
}

/** `geo:` hands the address to the device's maps app, which works offline where a web map cannot. */
export function geoHref(person: PersonInfo): string | null {
  if (!person.location) return null;
  return `geo:${person.location.lat},${person.location.lng}?q=${encodeURIComponent(person.address)}`;
}

export function PlanStop(props: {
  index: number;
  visit: PlannedVisit;
  person: PersonInfo;
  driveMinutes: number;
  breaksBefore: readonly PlannedBreak[];
  state: StopState;
  mandatory: boolean;
  busy: boolean;
  onAction: (a: DayAction) => void;
}) {
  const { index, visit, person, driveMinutes, breaksBefore, state, mandatory, busy, onAction } = props;
  const { locale } = useI18n();
  const tx = TODAY_TEXT[locale];
  const clock = (m: number) => formatClock(m, locale);
  // Waiting is the gap between arriving and starting that lunch does not fill.
  const lunchWhileThere = breaksBefore.filter((b) => b.start >= visit.arrive - 1e-6).reduce((s, b) => s + (b.end - b.start), 0);
  const wait = Math.round(visit.start - visit.arrive - lunchWhileThere);
  const geo = geoHref(person);

  return (
    <li className={`plan-stop plan-stop--${state}`} data-stop-id={visit.id}>
      <div className="plan-stop__head">
        <span className="plan-stop__number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="plan-stop__name">{person.name}</span>
        {mandatory && <span className="badge badge--due_soon">{tx.mustVisitBadge}</span>}
        {state === 'done' && <span className="badge badge--consent-granted">{tx.doneBadge}</span>}
        {state === 'underway' && <span className="badge badge--gap">{tx.underwayBadge}</span>}
      </div>
      <p className="muted plan-stop__address">{person.address}</p>
      <p className="plan-stop__times">
        <span>{tx.drive(formatDuration(driveMinutes, tx))}</span>
        {breaksBefore.map((b) => (
          <span key={b.start}>{tx.lunchBefore(clock(b.start), clock(b.end))}</span>
        ))}
        {wait > 0 && <span>{tx.wait(formatDuration(wait, tx))}</span>}
      </p>
      <dl className="plan-stop__clock">
        <div>
          <dt>{tx.arrive}</dt>
          <dd>{clock(visit.arrive)}</dd>
        </div>
        <div>
          <dt>{tx.start}</dt>
          <dd>{clock(visit.start)}</dd>
        </div>
        <div>
          <dt>{tx.leave}</dt>
          <dd>{clock(visit.depart)}</dd>
        </div>
      </dl>
      <div className="record-actions">
        {geo && (
          <a className="button" href={geo} aria-label={tx.navigateLabel(person.name)}>
            {tx.navigate}
          </a>
        )}
        {person.phone && (
          <a className="button" href={`tel:${person.phone}`} aria-label={tx.callLabel(person.name, formatPhone(person.phone))}>
            {tx.call}
          </a>
        )}
        {state === 'planned' && (
          <button type="button" className="button" disabled={busy} aria-label={tx.arrivedLabel(person.name)} onClick={() => onAction({ kind: 'arrived', stopId: visit.id })}>
            {tx.arrived}
          </button>
        )}
        {state !== 'done' && (
          <>
            <button type="button" className="button" disabled={busy} aria-label={tx.doneLabel(person.name)} onClick={() => onAction({ kind: 'done', stopId: visit.id })}>
              {tx.done}
            </button>
            <button type="button" className="button" disabled={busy} aria-label={tx.notHomeLabel(person.name)} onClick={() => onAction({ kind: 'not_home', stopId: visit.id })}>
              {tx.notHome}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
