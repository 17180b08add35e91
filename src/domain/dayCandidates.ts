/**
 * Who is worth seeing on a given day, and why. Ranks the territory's patients by the reasons a
 * specialist gives (an appointment booked that day, an overdue follow-up, open follow-up tasks,
 * open care gaps, a no-show to chase, a long time since the last contact) and turns them into a
 * whole-number priority, which the day planner maximises, and says how long each visit takes
 * (visitMinutes.ts). Pure: the day is an argument; knows nothing about routes, time windows or
 * storage.
 */
import type { Appointment } from './appointment';
import type { CareGap } from './careGap';
import type { Facility } from './facility';
import type { IsoDate, IsoDateTime, LatLng } from './ids';
import type { Patient } from './patient';
import { fullName } from './patient';
import type { RpmDevice } from './supportSystem';
import type { Task, TaskKind } from './task';
import { visitLengthOf, type VisitLength } from './visitMinutes';

/** Why a patient is suggested; each reason carries what the person needs to judge it. */
export type CandidateReason =
  | { readonly code: 'appointment'; readonly startsAt: IsoDateTime }
  | { readonly code: 'overdue'; readonly days: number }
  | { readonly code: 'tasks_due'; readonly count: number }
  | { readonly code: 'care_gaps'; readonly count: number }
  | { readonly code: 'no_show' }
  | { readonly code: 'since_contact'; readonly days: number }
  | { readonly code: 'never_contacted' };
export type CandidateReasonCode = CandidateReason['code'];

export interface DayCandidate {
  readonly patient: Patient;
  readonly facility: Facility | null;
  /** Where the visit happens: the patient's address, else their care home's. */
  readonly location: LatLng;
  /** Whole number > 0 (integer priorities let the planner's exact search prune harder). */
  readonly score: number;
  /** Strongest first. */
  readonly reasons: readonly CandidateReason[];
  /** What kind of visit it is and how long it takes on site. */
  readonly visit: VisitLength;
}

/** The day being planned: its date and the instants where it starts and ends locally. */
export interface DaySpan {
  readonly date: IsoDate;
  /** Local midnight as a UTC instant. */
  readonly from: IsoDateTime;
  /** The next local midnight. */
  readonly to: IsoDateTime;
}

export interface CandidateSource {
  readonly patients: readonly Patient[];
  readonly facilities: readonly Facility[];
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
  readonly tasks: readonly Task[];
  /** Monitoring devices, when the caller has them (a device to teach makes a longer visit). */
  readonly rpmDevices?: readonly RpmDevice[];
}

/**
 * Points per reason. A booked appointment that day outranks everything (the day is the chance
 * to prepare or accompany); an overdue follow-up grows with how late it is; counts are capped
 * so one patient with many gaps cannot swamp the list.
 */
export const REASON_POINTS = {
  appointment: 10,
  overdueBase: 6,
  /** One more point per two weeks late, up to `overdueMaxExtra`. */
  overduePerFortnight: 1,
  overdueMaxExtra: 4,
  taskDue: 3,
  tasksCounted: 2,
  careGap: 2,
  gapsCounted: 3,
  noShow: 5,
  /** Contact older than this many days counts, one point per 30 days, up to `sinceContactMax`. */
  sinceContactDays: 30,
  sinceContactMax: 4,
  neverContacted: 4,
} as const;

/** Tasks that ask for contact with the patient (a reminder is for the specialist alone). */
const CHASING_TASKS: ReadonlySet<TaskKind> = new Set(['follow_up', 'no_show', 'cancellation']);

const DAY_MS = 86_400_000;
const daysBetween = (earlier: string, later: string): number => Math.floor((Date.parse(later) - Date.parse(earlier)) / DAY_MS);

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Reasons for one patient, strongest first; the score is their sum of points. */
export function reasonsFor(
  p: Patient,
  facts: { readonly appointmentAt: IsoDateTime | null; readonly tasksDue: number; readonly openGaps: number },
  day: DaySpan,
): { reasons: CandidateReason[]; score: number } {
  const P = REASON_POINTS;
  const scored: { reason: CandidateReason; points: number }[] = [];
  if (facts.appointmentAt) scored.push({ reason: { code: 'appointment', startsAt: facts.appointmentAt }, points: P.appointment });
  if (p.nextDueDate && p.nextDueDate < day.date) {
    const days = daysBetween(`${p.nextDueDate}T00:00:00Z`, `${day.date}T00:00:00Z`);
    const extra = Math.min(P.overdueMaxExtra, Math.floor(days / 14) * P.overduePerFortnight);
    scored.push({ reason: { code: 'overdue', days }, points: P.overdueBase + extra });
  }
  if (facts.tasksDue > 0) {
    scored.push({ reason: { code: 'tasks_due', count: facts.tasksDue }, points: P.taskDue * Math.min(facts.tasksDue, P.tasksCounted) });
  }
  if (p.noShowFollowUp) scored.push({ reason: { code: 'no_show' }, points: P.noShow });
  if (facts.openGaps > 0) {
    scored.push({ reason: { code: 'care_gaps', count: facts.openGaps }, points: P.careGap * Math.min(facts.openGaps, P.gapsCounted) });
  }
  if (p.lastContactAt === null) {
    scored.push({ reason: { code: 'never_contacted' }, points: P.neverContacted });
  } else {
    const days = daysBetween(p.lastContactAt, day.from);
    if (days >= P.sinceContactDays) {
      scored.push({ reason: { code: 'since_contact', days }, points: Math.min(P.sinceContactMax, Math.floor(days / P.sinceContactDays)) });
    }
  }
  // Stable sort: equal points keep the order above, which is the order of importance.
  scored.sort((a, b) => b.points - a.points);
  return { reasons: scored.map((s) => s.reason), score: scored.reduce((sum, s) => sum + s.points, 0) };
}

interface Scored {
  readonly patient: Patient;
  readonly facility: Facility | null;
  readonly location: LatLng | null;
  readonly score: number;
  readonly reasons: readonly CandidateReason[];
  readonly visit: VisitLength;
  readonly name: string;
}

/** Every patient with at least one reason, best first (then by name), placed or not. */
function scoreAll(src: CandidateSource, day: DaySpan): Scored[] {
  const facilities = new Map(src.facilities.map((f) => [f.id as string, f]));
  const openGaps = countBy(src.careGaps, (g) => (g.status === 'open' ? g.patientId : null));
  const tasksDue = countBy(src.tasks, (t) => (t.status === 'open' && CHASING_TASKS.has(t.kind) && t.dueDate <= day.date ? t.patientId : null));
  const gapsOf = groupBy(src.careGaps, (g) => g.patientId);
  const devicesOf = groupBy(src.rpmDevices ?? [], (d) => d.patientId);
  const appointmentAt = new Map<string, IsoDateTime>();
  for (const a of src.appointments) {
    if (a.status !== 'scheduled' && a.status !== 'confirmed') continue;
    if (a.startsAt < day.from || a.startsAt >= day.to) continue;
    const current = appointmentAt.get(a.patientId);
    if (!current || a.startsAt < current) appointmentAt.set(a.patientId, a.startsAt);
  }

  const out: Scored[] = [];
  for (const p of src.patients) {
    const facility = p.facilityId ? (facilities.get(p.facilityId) ?? null) : null;
    const location = p.address.location ?? facility?.address.location ?? null;
    const { reasons, score } = reasonsFor(
      p,
      { appointmentAt: appointmentAt.get(p.id) ?? null, tasksDue: tasksDue.get(p.id) ?? 0, openGaps: openGaps.get(p.id) ?? 0 },
      day,
    );
    if (score <= 0) continue;
    const visit = visitLengthOf({ patient: p, careGaps: gapsOf.get(p.id) ?? [], rpmDevices: devicesOf.get(p.id) ?? [] });
    out.push({ patient: p, facility, location, score, reasons, visit, name: fullName(p) });
  }
  out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.patient.id.localeCompare(b.patient.id));
  return out;
}

/**
 * Every patient with at least one reason and a known location, best first (then by name).
 * Patients without a location are left out: the planner cannot place them on a route
 * (`unplacedCandidates` names them, so the person knows why).
 */
export function rankDayCandidates(src: CandidateSource, day: DaySpan): DayCandidate[] {
  return scoreAll(src, day).flatMap(({ name: _name, location, ...c }) => (location ? [{ ...c, location }] : []));
}

/**
 * Patients worth seeing who cannot go on a route because they have no location (for example
 * after a move cleared the coordinates), best first.
 */
export function unplacedCandidates(src: CandidateSource, day: DaySpan): Patient[] {
  return scoreAll(src, day).flatMap((c) => (c.location ? [] : [c.patient]));
}

/**
 * The middle of the territory (mean of the known locations): where "office" is when the
 * person has not set one. Null when no patient has a location.
 */
export function territoryCentre(locations: readonly (LatLng | null)[]): LatLng | null {
  let lat = 0;
  let lng = 0;
  let n = 0;
  for (const l of locations) {
    if (!l) continue;
    lat += l.lat;
    lng += l.lng;
    n++;
  }
  return n === 0 ? null : { lat: lat / n, lng: lng / n };
}
