/**
 * The roster: one row per patient with what a specialist scans for (who is overdue, which
 * gaps are open, where they live), plus search and filters. Rows are built once per data
 * change; filtering runs on every keystroke and must stay cheap (a linear scan over
 * precomputed lowercase text, no allocation per row beyond the result array).
 */
import type { Appointment } from './appointment';
import { isUpcoming } from './appointment';
import type { CareGap, CareGapMeasure } from './careGap';
import { isGapOutstanding } from './careGap';
import type { Facility } from './facility';
import type { FacilityId, IsoDate, IsoDateTime, PatientId } from './ids';
import type { ContactPoint, Patient } from './patient';
import { ageOn, fullName, primaryPhone } from './patient';

export type DueState = 'overdue' | 'due_soon' | 'later' | 'none';

export interface RosterRow {
  readonly id: PatientId;
  readonly name: string;
  readonly age: number;
  readonly town: string;
  readonly language: string;
  readonly nextDueDate: IsoDate | null;
  readonly dueState: DueState;
  readonly openGaps: readonly CareGapMeasure[];
  readonly facilityId: FacilityId | null;
  readonly facilityName: string | null;
  readonly noShowFollowUp: boolean;
  readonly phone: string | null;
  readonly nextAppointment: Appointment | null;
  /** Lowercased, accent-free name and town, for search. */
  readonly searchText: string;
  /** Digits of every phone number, for search by number. */
  readonly searchDigits: string;
}

/** Due within this many days (inclusive) counts as "due soon". */
export const DUE_SOON_DAYS = 7;

export function normalizeForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function addDays(d: IsoDate, days: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10) as IsoDate;
}

export function dueStateOf(nextDueDate: IsoDate | null, today: IsoDate): DueState {
  if (!nextDueDate) return 'none';
  if (nextDueDate < today) return 'overdue';
  return nextDueDate <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'later';
}

export interface RosterSource {
  readonly patients: readonly Patient[];
  readonly facilities: readonly Facility[];
  readonly careGaps: readonly CareGap[];
  readonly appointments: readonly Appointment[];
  readonly contactPoints: readonly ContactPoint[];
}

const DUE_ORDER: Record<DueState, number> = { overdue: 0, due_soon: 1, later: 2, none: 3 };

/** Rows ordered as a specialist works them: overdue first, then by due date, then by name. */
export function buildRoster(src: RosterSource, today: IsoDate, now: IsoDateTime): RosterRow[] {
  const facilityName = new Map(src.facilities.map((f) => [f.id, f.name]));
  const gapsByPatient = new Map<string, CareGapMeasure[]>();
  for (const g of src.careGaps) {
    if (!isGapOutstanding(g)) continue;
    const list = gapsByPatient.get(g.patientId);
    if (list) list.push(g.measure);
    else gapsByPatient.set(g.patientId, [g.measure]);
  }
  const nextAppt = new Map<string, Appointment>();
  for (const a of src.appointments) {
    if (!isUpcoming(a, now)) continue;
    const current = nextAppt.get(a.patientId);
    if (!current || a.startsAt < current.startsAt) nextAppt.set(a.patientId, a);
  }

  const contactsByPatient = new Map<string, ContactPoint[]>();
  for (const c of src.contactPoints) {
    if (c.removed) continue;
    const list = contactsByPatient.get(c.patientId);
    if (list) list.push(c);
    else contactsByPatient.set(c.patientId, [c]);
  }

  const rows = src.patients.map((p): RosterRow => {
    const contacts = contactsByPatient.get(p.id) ?? [];
    const name = fullName(p);
    const fName = p.facilityId ? (facilityName.get(p.facilityId) ?? null) : null;
    return {
      id: p.id,
      name,
      age: ageOn(p.birthDate, today),
      town: p.address.city,
      language: p.language,
      nextDueDate: p.nextDueDate,
      dueState: dueStateOf(p.nextDueDate, today),
      openGaps: gapsByPatient.get(p.id) ?? [],
      facilityId: p.facilityId,
      facilityName: fName,
      noShowFollowUp: p.noShowFollowUp,
      phone: primaryPhone(contacts)?.value ?? null,
      nextAppointment: nextAppt.get(p.id) ?? null,
      searchText: normalizeForSearch(`${name} ${p.familyName} ${p.address.city} ${fName ?? ''}`),
      searchDigits: contacts
        .filter((c) => c.channel !== 'email')
        .map((c) => c.value.replace(/\D/g, ''))
        .join(' '),
    };
  });
  return rows.sort(
    (a, b) =>
      DUE_ORDER[a.dueState] - DUE_ORDER[b.dueState] ||
      (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? '') ||
      a.name.localeCompare(b.name),
  );
}

export type FacilityFilter = { readonly kind: 'any' } | { readonly kind: 'in_facility' } | { readonly kind: 'facility'; readonly id: FacilityId };

export interface RosterFilter {
  readonly query: string;
  readonly overdueOnly: boolean;
  readonly openGapOnly: boolean;
  readonly noShowOnly: boolean;
  /** Null means every language. */
  readonly language: string | null;
  readonly facility: FacilityFilter;
}

export const EMPTY_FILTER: RosterFilter = {
  query: '',
  overdueOnly: false,
  openGapOnly: false,
  noShowOnly: false,
  language: null,
  facility: { kind: 'any' },
};

/**
 * Every whitespace-separated term must match: as text in the name, town or facility, or, when
 * it has three or more digits, inside a phone number (punctuation in the query is ignored).
 */
export function filterRoster(rows: readonly RosterRow[], f: RosterFilter): RosterRow[] {
  const terms = normalizeForSearch(f.query).split(/\s+/).filter(Boolean);
  const termDigits = terms.map((t) => t.replace(/\D/g, ''));
  return rows.filter((r) => {
    if (f.overdueOnly && r.dueState !== 'overdue') return false;
    if (f.openGapOnly && r.openGaps.length === 0) return false;
    if (f.noShowOnly && !r.noShowFollowUp) return false;
    if (f.language !== null && r.language !== f.language) return false;
    if (f.facility.kind === 'in_facility' && r.facilityId === null) return false;
    if (f.facility.kind === 'facility' && r.facilityId !== f.facility.id) return false;
    for (let i = 0; i < terms.length; i++) {
      const digits = termDigits[i] as string;
      const byText = r.searchText.includes(terms[i] as string);
      const byPhone = digits.length >= 3 && r.searchDigits.includes(digits);
      if (!byText && !byPhone) return false;
    }
    return true;
  });
}

/** Languages present in the roster, most common first, for the language filter. */
export function languagesIn(rows: readonly RosterRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
}
