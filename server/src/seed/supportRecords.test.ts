/**
 * The generator's barriers, goals, monitoring devices and tasks: each agrees with the patient
 * it belongs to and with the rest of the record, is dated before today, and comes in believable
 * numbers. (Shapes, ids and links to patients are checked in generateDataset.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/domain/ids';
import { BARRIER_KINDS } from '../../../src/domain/supportSystem';
import type { Dataset } from './dataset';
import { demoOptions, generateDataset } from './generateDataset';

const TODAY = '2026-11-22' as IsoDate;
const TODAY_S: string = TODAY;
const demo = generateDataset(demoOptions(TODAY));
const big = generateDataset({ seed: 7, today: TODAY, patientsPerTerritory: [5000] });
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS;

type Patient = Dataset['patients'][number];

function byPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.patientId, [...(groups.get(row.patientId) ?? []), row]);
  return groups;
}

function patientShare(ds: Dataset, rows: readonly { patientId: string }[], pred: (p: Patient) => boolean = () => true): number {
  const owners = new Set(rows.map((r) => r.patientId));
  const eligible = ds.patients.filter(pred);
  return eligible.filter((p) => owners.has(p.id)).length / eligible.length;
}

const isWeekday = (iso: string): boolean => ![0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());

describe.each([
  ['demo', demo],
  ['5,000 patients', big],
])('generated barriers and goals (%s)', (_name, ds) => {
  const patients = new Map(ds.patients.map((p) => [p.id as string, p]));

  it('gives about a quarter of patients one or two barriers of different kinds, matching the patient', () => {
    const share = patientShare(ds, ds.barriers);
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    for (const list of byPatient(ds.barriers).values()) {
      expect(list.length).toBeLessThanOrEqual(2);
      expect(new Set(list.map((b) => b.kind)).size).toBe(list.length);
    }
    for (const b of ds.barriers) {
      const p = patients.get(b.patientId)!;
      if (b.kind === 'language') expect(p.language).not.toBe('en');
      if (p.facilityId !== null) expect(['housing', 'food', 'caregiving']).not.toContain(b.kind);
      expect(b.detail.length).toBeGreaterThan(0);
    }
    expect(new Set(ds.barriers.map((b) => b.kind)).size).toBeGreaterThanOrEqual(BARRIER_KINDS.length - 2);
  });

  it('keeps most barriers open and dates a resolution between finding it and today', () => {
    const open = ds.barriers.filter((b) => b.status === 'open').length;
    expect(open / ds.barriers.length).toBeGreaterThan(0.65);
    expect(open).toBeLessThan(ds.barriers.length);
    for (const b of ds.barriers) {
      expect(b.identifiedOn < TODAY_S).toBe(true);
      expect(b.resolvedOn !== null).toBe(b.status === 'resolved');
      if (b.resolvedOn !== null) expect(b.identifiedOn < b.resolvedOn && b.resolvedOn < TODAY_S).toBe(true);
    }
  });

  it('gives about 15% of patients goals, set in the past, some already met', () => {
    const share = patientShare(ds, ds.goals);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
    for (const g of ds.goals) {
      expect(['active', 'met']).toContain(g.status);
      expect(g.setOn < TODAY_S).toBe(true);
      if (g.targetDate !== null) expect(g.targetDate > g.setOn).toBe(true);
    }
    for (const list of byPatient(ds.goals).values()) expect(new Set(list.map((g) => g.text)).size).toBe(list.length);
    expect(ds.goals.some((g) => g.status === 'met')).toBe(true);
  });
});

describe.each([
  ['demo', demo],
  ['5,000 patients', big],
])('generated monitoring devices (%s)', (_name, ds) => {
  const devices = byPatient(ds.rpmDevices);
  const rpmOf = new Map(ds.patients.map((p) => [p.id as string, p.rpm]));

  it('follows the RPM status: 1-2 devices when active, at most one being set up when offered, none otherwise', () => {
    for (const p of ds.patients) {
      const list = devices.get(p.id) ?? [];
      if (p.rpm === 'active') expect(list.length).toBeGreaterThanOrEqual(1);
      if (p.rpm === 'offered') expect(list.every((d) => d.stage === 'set_up') && list.length <= 1).toBe(true);
      if (p.rpm === 'none') expect(list).toEqual([]);
      expect(list.length).toBeLessThanOrEqual(2);
      expect(new Set(list.map((d) => d.kind)).size).toBe(list.length);
    }
    expect(patientShare(ds, ds.rpmDevices, (p) => p.rpm === 'offered')).toBeGreaterThan(0.15);
  });

  it('mostly transmits, and every device reached its stage before today', () => {
    const active = ds.rpmDevices.filter((d) => rpmOf.get(d.patientId) === 'active');
    expect(active.filter((d) => d.stage === 'transmitting').length / active.length).toBeGreaterThan(0.7);
    for (const d of ds.rpmDevices) expect(d.since < TODAY_S).toBe(true);
  });
});

describe.each([
  ['demo', demo],
  ['5,000 patients', big],
])('generated tasks (%s)', (_name, ds) => {
  const tasksOf = byPatient(ds.tasks);
  const appointments = new Map(ds.appointments.map((a) => [a.id as string, a]));
  const specialistOf = new Map(
    ds.territories.map((t) => [t.id as string, ds.users.find((u) => u.role === 'specialist' && u.territoryIds.includes(t.id))!.name]),
  );

  it('gives every no-show follow-up an open task for the missed visit, due a few days after it', () => {
    for (const p of ds.patients) {
      const noShow = (tasksOf.get(p.id) ?? []).filter((t) => t.kind === 'no_show');
      expect(noShow).toHaveLength(p.noShowFollowUp ? 1 : 0);
      const [task] = noShow;
      if (!task) continue;
      const missed = appointments.get(task.sourceAppointmentId ?? '');
      expect(missed).toMatchObject({ patientId: p.id, status: 'no_show' });
      const gap = daysBetween(missed!.startsAt, task.dueDate);
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(6);
      expect(task.createdAt.slice(0, 10) < task.dueDate).toBe(true);
    }
    const noShows = ds.tasks.filter((t) => t.kind === 'no_show');
    expect(noShows.some((t) => t.dueDate < TODAY_S)).toBe(true);
  });

  it('gives about 6% of patients a call-back due from 5 days ago to about 10 days ahead, and a few reminders before a visit', () => {
    const followUps = ds.tasks.filter((t) => t.kind === 'follow_up');
    const share = patientShare(ds, followUps);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.1);
    for (const t of followUps) {
      expect(daysBetween(TODAY, t.dueDate)).toBeGreaterThanOrEqual(-5);
      expect(daysBetween(TODAY, t.dueDate)).toBeLessThanOrEqual(12);
      expect(t.sourceAppointmentId).toBeNull();
    }
    const reminders = ds.tasks.filter((t) => t.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    for (const t of reminders) {
      const visit = appointments.get(t.sourceAppointmentId ?? '');
      expect(['scheduled', 'confirmed']).toContain(visit?.status);
      expect(t.dueDate < visit!.startsAt.slice(0, 10)).toBe(true);
    }
  });

  it('leaves every task open, owned by the territory specialist, written before today and due on a weekday', () => {
    const territoryOf = new Map(ds.patients.map((p) => [p.id as string, p.territoryId as string]));
    for (const t of ds.tasks) {
      expect(t).toMatchObject({ status: 'open', completedAt: null, completedByNoteId: null, sourceNoteId: null });
      expect(t.ownerName).toBe(specialistOf.get(territoryOf.get(t.patientId)!));
      expect(t.createdAt < TODAY_S).toBe(true);
      expect(isWeekday(t.dueDate)).toBe(true);
    }
  });
});
