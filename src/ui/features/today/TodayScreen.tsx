/**
 * Today: who to see (ranked suggestions with their reasons), the day's settings, "Plan my day"
 * (the search runs in the worker), and the saved plan with its van controls. The plan lives on
 * the device and is read live, so a reload or a killed tab finds it as it was. Picks and
 * settings start from the saved day (or the defaults) until the person changes them.
 *
 * Times of day are read here, on the UI thread, from the clock the screen shows: when the
 * person asks for a plan (a day asked for after it began is planned from then) and when they
 * tap in the van. The device's position is asked for only when planning, and only when the
 * person ticked "Start from where I am"; without it the day starts at the chosen place.
 */
import { format } from 'date-fns';
import { proxy } from 'comlink';
import { useMemo, useState } from 'react';
import { rankDayCandidates, territoryCentre, unplacedCandidates, type DaySpan } from '../../../domain/dayCandidates';
import type { IsoDate, IsoDateTime, LatLng, Minutes } from '../../../domain/ids';
import { addressOneLine, fullName, primaryPhone, type ContactPoint } from '../../../domain/patient';
import type { Territory } from '../../../storage/readTerritory';
import type { DayAction, DayPlan, DayStopInput, StopId, VisitMinutesErrorCode } from '../../../worker/client';
import { useServices } from '../../data/AppServices';
import { useNow, useTerritory } from '../../data/hooks';
import { useConfirm } from '../../components/useConfirm';
import { useI18n } from '../../i18n/I18n';
import { useHashRoute } from '../../app/useHashRoute';
import { CandidateList } from './CandidateList';
import { draftFrom, formatClock, settingsFromForm, type TodayDraft } from './dayForm';
import { DaySettingsForm } from './DaySettingsForm';
import type { PersonInfo } from './PlanStop';
import { PlanView } from './PlanView';
import { TODAY_TEXT, type TodayIssue } from './todayText';
import { useDayPlan } from './useDayPlan';

/** What the last van tap did beyond the plan, said once. */
interface VanNews {
  readonly kind: 'attemptSaved' | 'attemptFailed' | 'noteFailed';
  readonly stopId: StopId;
}

function daySpanOf(day: IsoDate): DaySpan {
  const from = new Date(`${day}T00:00:00`);
  const to = new Date(from);
  to.setDate(to.getDate() + 1);
  return { date: day, from: from.toISOString() as IsoDateTime, to: to.toISOString() as IsoDateTime };
}

/** The local time of day on the UI thread's clock, in minutes since midnight. */
function minutesNow(): Minutes {
  const d = new Date();
  return (d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60) as Minutes;
}

/** How long planning waits for the device's position before starting from the chosen place. */
const POSITION_TIMEOUT_MS = 5000;
/**
 * The browser's timeout does not count the time a permission prompt stays open; planning stops
 * waiting after this much in all, leaving a moment to answer the prompt.
 */
const POSITION_GIVE_UP_MS = 15_000;

/** The device's position, or null when it has none, the person refused, or it took too long. */
function askPosition(): Promise<LatLng | null> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve(null), POSITION_GIVE_UP_MS);
    const settle = (at: LatLng | null) => {
      clearTimeout(giveUp);
      resolve(at);
    };
    geo.getCurrentPosition(
      (p) => settle({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => settle(null),
      { enableHighAccuracy: false, timeout: POSITION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

/** True once anything happened in the van; planning again from scratch would forget it. */
function hasVanEvents(day: DayPlan): boolean {
  const p = day.progress;
  return p.done.length > 0 || p.unavailable.length > 0 || p.now !== day.problem.shift.start;
}

function personLookup(territory: Territory | undefined, day: DayPlan | undefined): (id: StopId) => PersonInfo {
  const patients = new Map((territory?.patients ?? []).map((p) => [p.id as string, p]));
  const contacts = new Map<string, ContactPoint[]>();
  for (const c of territory?.contactPoints ?? []) contacts.set(c.patientId, [...(contacts.get(c.patientId) ?? []), c]);
  const places = new Map((day?.problem.stops ?? []).map((s) => [s.id as string, s.at]));
  return (id) => {
    const p = patients.get(id);
    const at = places.get(id);
    const location = at && 'lat' in at ? { lat: at.lat, lng: at.lng } : (p?.address.location ?? null);
    if (!p) return { name: id, address: '', phone: null, location, lastContactAt: null, nextDueDate: null };
    return {
      name: fullName(p),
      address: addressOneLine(p.address),
      phone: primaryPhone(contacts.get(id) ?? [], territory?.consentEvents)?.value ?? null,
      location,
      lastContactAt: p.lastContactAt,
      nextDueDate: p.nextDueDate,
    };
  };
}

export function TodayScreen() {
  const { locale, formatDate } = useI18n();
  const tx = TODAY_TEXT[locale];
  const { worker } = useServices();
  const territory = useTerritory();
  const day = format(useNow(60_000), 'yyyy-MM-dd') as IsoDate;
  const saved = useDayPlan(day);
  const [draft, setDraft] = useState<TodayDraft | null>(null);
  const [busy, setBusy] = useState<'plan' | 'van' | null>(null);
  const [issue, setIssue] = useState<TodayIssue | null>(null);
  const [best, setBest] = useState<number | null>(null);
  const [plannedAt, setPlannedAt] = useState<string | null>(null);
  const [vanNews, setVanNews] = useState<VanNews | null>(null);
  const [minutesIssue, setMinutesIssue] = useState<VisitMinutesErrorCode | null>(null);
  const [, navigate] = useHashRoute();
  const current = draft ?? draftFrom(saved?.content);
  const [confirm, confirmDialog] = useConfirm();

  const candidates = useMemo(() => (territory ? rankDayCandidates(territory, daySpanOf(day)) : []), [territory, day]);
  const unplaced = useMemo(() => (territory ? unplacedCandidates(territory, daySpanOf(day)) : []), [territory, day]);
  const office = useMemo(() => territoryCentre((territory?.patients ?? []).map((p) => p.address.location)), [territory]);
  const person = useMemo(() => personLookup(territory, saved?.content), [territory, saved]);
  // A care home's site is its facility id (dayProblem.ts); the plan names it and gives its address.
  const careHome = useMemo(() => {
    const homes = new Map((territory?.facilities ?? []).map((f) => [f.id as string, { name: f.name, address: addressOneLine(f.address) }]));
    return (site: string) => homes.get(site) ?? null;
  }, [territory]);
  const noLocation = useMemo(() => unplaced.map((p) => ({ id: p.id as string, name: fullName(p) })), [unplaced]);

  async function planMyDay() {
    const settings = settingsFromForm(current.form);
    if (!settings) {
      setIssue('time_missing');
      return;
    }
    if (saved && hasVanEvents(saved.content) && !(await confirm({ title: tx.replanTitle, message: tx.replanConfirm, confirmLabel: tx.replanButton, danger: true })))
      return;
    const byId = new Map(candidates.map((c) => [c.patient.id as string, c]));
    const stops: DayStopInput[] = Object.entries(current.picks).flatMap(([id, mandatory]) => {
      const c = byId.get(id);
      if (!c) return [];
      const f = c.facility;
      const facility = f ? { id: f.id, visitingHours: f.visitingHours, location: f.address.location } : null;
      return [{ patientId: c.patient.id, location: c.location, facility, serviceMinutes: c.visit.minutes, priority: c.score, mandatory }];
    });
    setBusy('plan');
    setBest(null);
    setMinutesIssue(null);
    try {
      const position = settings.useMyLocation ? await askPosition() : null;
      const weekday = new Date(`${day}T12:00:00`).getDay();
      const res = await worker.planMyDay(
        { day, input: { settings, weekday, stops, officeFallback: office }, now: minutesNow(), position },
        proxy((plan: DayPlan['plan']) => setBest(plan.visits.length)),
      );
      setIssue(res.ok ? null : res.code);
      if (res.ok) setPlannedAt(res.saved.updatedAt);
    } finally {
      setBusy(null);
    }
  }

  /**
   * A van tap. "Not home" also records the attempt (a signed note, one tap, no undo: a wrong
   * tap is corrected on the note like any other); "Done" opens the visit note to write.
   */
  async function act(action: DayAction) {
    setBusy('van');
    setVanNews(null);
    try {
      if (action.kind === 'not_home') {
        const attempt = await worker.recordAttempt({ patientId: action.stopId, outcome: 'not_home' });
        setVanNews({ kind: attempt.ok ? 'attemptSaved' : 'attemptFailed', stopId: action.stopId });
      }
      await worker.recordDayAction(day, { ...action, at: minutesNow() });
      if (action.kind === 'done') {
        const opened = await worker.openVisitNote({ patientId: action.stopId });
        if (opened.ok) navigate({ name: 'note', patientId: action.stopId, noteId: opened.note.id });
        else setVanNews({ kind: 'noteFailed', stopId: action.stopId });
      }
    } finally {
      setBusy(null);
    }
  }

  /** A visit's length changed by hand: the worker re-plans the rest of the day and saves. */
  async function setMinutes(stopId: StopId, minutes: number) {
    setBusy('van');
    setMinutesIssue(null);
    try {
      const res = await worker.setVisitMinutes(day, stopId, minutes, minutesNow());
      if (!res.ok) setMinutesIssue(res.code);
    } finally {
      setBusy(null);
    }
  }

  const start = saved?.content.start;
  const startLine = start ? tx.plannedFrom(tx.startPlace[start.place], formatClock(start.at, locale)) : null;
  const positionMissed = saved?.content.settings.useMyLocation === true && start !== undefined && start.place !== 'my_location';

  return (
    <section aria-labelledby="today-title" className="today">
      <h1 id="today-title">{tx.title}</h1>
      <p className="muted">
        {formatDate(day)} · {tx.intro}
      </p>
      {vanNews && (
        <p role={vanNews.kind === 'attemptSaved' ? 'status' : 'alert'} className={vanNews.kind === 'attemptSaved' ? 'banner' : 'error'}>
          {tx[vanNews.kind](person(vanNews.stopId).name)}
        </p>
      )}
      {minutesIssue && (
        <p role="alert" className="error">
          {tx.minutesIssue[minutesIssue]}
        </p>
      )}
      {saved && (
        <PlanView
          day={saved.content}
          person={person}
          busy={busy !== null}
          onAction={(a) => void act(a)}
          onSetMinutes={(id, minutes) => void setMinutes(id, minutes)}
          noLocation={noLocation}
          careHome={careHome}
          focus={saved.updatedAt === plannedAt}
        />
      )}
      {startLine && (
        <p className="muted" data-testid="plan-start">
          {startLine}
          {positionMissed ? ` ${tx.noPosition}` : ''}
        </p>
      )}
      <DaySettingsForm form={current.form} onChange={(form) => setDraft({ ...current, form })} />
      <CandidateList candidates={candidates} unplaced={unplaced} picks={current.picks} onChange={(picks) => setDraft({ ...current, picks })} />
      <div className="today__plan-action">
        {issue && (
          <p role="alert" className="error">
            {tx.issue[issue]}
          </p>
        )}
        <button type="button" className="button button--primary button--wide" disabled={busy !== null || !territory} onClick={() => void planMyDay()}>
          {busy === 'plan' ? tx.planning : tx.planMyDay}
        </button>
        <p className="muted" aria-live="polite">
          {busy === 'plan' && best !== null ? tx.bestSoFar(best) : ''}
        </p>
      </div>
      {confirmDialog}
    </section>
  );
}
