import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/domain/ids';
import { ageOn } from '../../../src/domain/patient';
import {
  appointmentSchema,
  barrierSchema,
  careGapSchema,
  caregiverSchema,
  contactPointSchema,
  facilitySchema,
  goalSchema,
  patientSchema,
  rpmDeviceSchema,
  taskSchema,
} from '../../../src/protocol/entities';
import type { Dataset } from './dataset';
import { DEMO_OPTIONS, demoOptions, generateDataset } from './generateDataset';
import { findTown } from './towns';

const TODAY = '2026-11-22' as IsoDate;
/** Unbranded, so instants compare against it. */
const TODAY_S: string = TODAY;
const demo = generateDataset(demoOptions(TODAY));
const DAY_MS = 86_400_000;
const dayMs = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const todayMs = dayMs(TODAY);

function share(ds: Dataset, pred: (p: Dataset['patients'][number]) => boolean): number {
  return ds.patients.filter(pred).length / ds.patients.length;
}

function expectUnique(values: readonly string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * 110.574;
  const dx = (a.lng - b.lng) * 111.32 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

describe('generateDataset determinism', () => {
  it('gives a deep-equal, byte-identical dataset for the same options', () => {
    const again = generateDataset(demoOptions(TODAY));
    expect(again).toEqual(demo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('differs for a different seed or a different today', () => {
    const otherSeed = generateDataset({ ...demoOptions(TODAY), seed: DEMO_OPTIONS.seed + 1 });
    expect(otherSeed.patients.map((p) => p.familyName)).not.toEqual(demo.patients.map((p) => p.familyName));
    const otherDay = generateDataset(demoOptions('2026-06-01' as IsoDate));
    expect(otherDay.patients.map((p) => p.birthDate)).not.toEqual(demo.patients.map((p) => p.birthDate));
  });
});

describe('generateDataset shape', () => {
  it.each(['2026-11-22', '2026-01-01', '2024-02-29', '2026-03-08', '2026-12-31'])('passes the wire schemas on %s', (today) => {
    const ds = today === TODAY ? demo : generateDataset(demoOptions(today as IsoDate));
    for (const p of ds.patients) patientSchema.parse(p);
    for (const f of ds.facilities) facilitySchema.parse(f);
    for (const g of ds.careGaps) careGapSchema.parse(g);
    for (const a of ds.appointments) appointmentSchema.parse(a);
    for (const c of ds.contactPoints) contactPointSchema.parse(c);
    for (const c of ds.caregivers) caregiverSchema.parse(c);
    for (const b of ds.barriers) barrierSchema.parse(b);
    for (const g of ds.goals) goalSchema.parse(g);
    for (const d of ds.rpmDevices) rpmDeviceSchema.parse(d);
    for (const t of ds.tasks) taskSchema.parse(t);
  });

  it('links every patient-owned record to a patient of the dataset', () => {
    const patientIds = new Set(demo.patients.map((p) => p.id as string));
    const children = [demo.contactPoints, demo.caregivers, demo.barriers, demo.goals, demo.rpmDevices, demo.tasks, demo.careGaps, demo.appointments];
    for (const rows of children) for (const row of rows) expect(patientIds.has(row.patientId)).toBe(true);
  });

  it('has unique ids everywhere, and unique 7-digit MRNs', () => {
    expectUnique(demo.patients.map((p) => p.id));
    expectUnique(demo.facilities.map((f) => f.id));
    expectUnique(demo.careGaps.map((g) => g.id));
    expectUnique(demo.appointments.map((a) => a.id));
    expectUnique(demo.users.map((u) => u.id));
    expectUnique(demo.users.map((u) => u.username));
    expectUnique(demo.territories.map((t) => t.id));
    for (const rows of [demo.contactPoints, demo.caregivers, demo.barriers, demo.goals, demo.rpmDevices, demo.tasks]) {
      expectUnique(rows.map((r) => r.id));
    }
    expectUnique(demo.patients.map((p) => p.mrn));
    for (const p of demo.patients) expect(p.mrn).toMatch(/^MRN\d{7}$/);
  });

  it('has one organisation, three territories and the five demo sign-ins', () => {
    expect(demo.org.name).toBe('Harbor Community Health');
    expect(demo.territories.map((t) => t.name)).toEqual(['North Shore', 'Boston Central', 'South & West']);
    for (const t of demo.territories) expect(t.orgId).toBe(demo.org.id);
    const byName = new Map(demo.users.map((u) => [u.username, u]));
    expect([...byName.keys()].sort()).toEqual(['admin', 'ana', 'james', 'maria', 'supervisor']);
    expect(byName.get('admin')?.role).toBe('admin');
    expect(byName.get('supervisor')?.role).toBe('supervisor');
    for (const u of demo.users) {
      expect(u.password).toBe('rounds-demo');
      expect(u.orgId).toBe(demo.org.id);
      if (u.role === 'specialist') expect(u.territoryIds).toHaveLength(1);
      else expect(u.territoryIds).toEqual([]);
      expect(u.supervisorId ?? null).toBe(u.role === 'specialist' ? 'usr_supervisor' : null);
    }
    const specialistTerritories = demo.users.filter((u) => u.role === 'specialist').map((u) => u.territoryIds[0]);
    expect(new Set(specialistTerritories).size).toBe(3);
  });

  it('puts the requested number of patients in each territory', () => {
    demo.territories.forEach((t, i) => {
      expect(demo.patients.filter((p) => p.territoryId === t.id)).toHaveLength(DEMO_OPTIONS.patientsPerTerritory[i]!);
    });
  });
});

describe('generateDataset facilities and residents', () => {
  it('has five care homes and one hospital, with visiting hours every day', () => {
    const homes = demo.facilities.filter((f) => f.kind === 'ltc' || f.kind === 'assisted_living');
    expect(homes).toHaveLength(5);
    expect(demo.facilities.filter((f) => f.kind === 'hospital')).toHaveLength(1);
    for (const f of demo.facilities) {
      expect(f.orgId).toBe(demo.org.id);
      expect(new Set(f.visitingHours.map((h) => h.weekday))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
      for (const h of f.visitingHours) expect(h.open).toBeLessThan(h.close);
    }
    // Every territory has residents to visit.
    for (const t of demo.territories) {
      expect(demo.patients.some((p) => p.territoryId === t.id && p.facilityId !== null)).toBe(true);
    }
  });

  it('gives residents their care home address and a room, and homes a nearby location', () => {
    const facilities = new Map(demo.facilities.map((f) => [f.id as string, f]));
    for (const p of demo.patients) {
      if (p.facilityId === null) {
        expect(p.room).toBeNull();
        const town = findTown(p.address.city);
        expect(town.zips).toContain(p.address.postalCode);
        expect(kmBetween(p.address.location!, town.center)).toBeLessThanOrEqual(town.radiusKm + 0.01);
        continue;
      }
      const f = facilities.get(p.facilityId);
      expect(f).toBeDefined();
      expect(f!.kind).not.toBe('hospital');
      expect(p.address).toEqual(f!.address);
      expect(p.room).toBeTruthy();
      expect(p.accessNotes).toBeTruthy();
    }
  });
});

describe('generateDataset patients', () => {
  it('has believable proportions', () => {
    expect(share(demo, (p) => p.language === 'es')).toBeGreaterThanOrEqual(0.2);
    expect(share(demo, (p) => p.language === 'es')).toBeLessThanOrEqual(0.4);
    expect(share(demo, (p) => p.facilityId !== null)).toBeGreaterThanOrEqual(0.06);
    expect(share(demo, (p) => p.facilityId !== null)).toBeLessThanOrEqual(0.14);
    expect(share(demo, (p) => p.sex === 'female')).toBeGreaterThan(0.45);
    expect(share(demo, (p) => p.sex === 'male')).toBeGreaterThan(0.35);
    expect(share(demo, (p) => p.portal === 'active')).toBeGreaterThan(0.12);
    expect(share(demo, (p) => p.portal === 'active')).toBeLessThan(0.3);
    expect(share(demo, (p) => p.portal === 'not_enrolled')).toBeGreaterThan(0.5);
    expect(share(demo, (p) => p.rpm === 'active')).toBeGreaterThan(0.04);
    expect(share(demo, (p) => p.rpm === 'active')).toBeLessThan(0.16);
    expect(share(demo, (p) => p.lastContactAt === null)).toBeGreaterThan(0.08);
    expect(share(demo, (p) => p.lastContactAt === null)).toBeLessThan(0.22);
    expect(share(demo, (p) => p.noShowFollowUp)).toBeGreaterThan(0.02);
    expect(share(demo, (p) => p.noShowFollowUp)).toBeLessThan(0.11);
    expect(share(demo, (p) => p.nextDueDate !== null && p.nextDueDate < TODAY)).toBeGreaterThan(0.13);
    expect(share(demo, (p) => p.nextDueDate !== null && p.nextDueDate < TODAY)).toBeLessThan(0.3);
    expect(share(demo, (p) => p.facilityId === null && p.accessNotes !== null)).toBeGreaterThan(0.08);
  });

  it('gives ages 50-95 and interpreters only to non-English speakers', () => {
    for (const p of demo.patients) {
      const age = ageOn(p.birthDate, TODAY);
      expect(age).toBeGreaterThanOrEqual(50);
      expect(age).toBeLessThanOrEqual(95);
      if (p.language === 'en') expect(p.interpreterNeeded).toBe(false);
    }
    const spanish = demo.patients.filter((p) => p.language === 'es');
    const interpreted = spanish.filter((p) => p.interpreterNeeded).length / spanish.length;
    expect(interpreted).toBeGreaterThan(0.3);
    expect(interpreted).toBeLessThan(0.7);
  });

  it('dates contacts and due dates around today', () => {
    for (const p of demo.patients) {
      if (p.lastContactAt !== null) {
        const ago = (todayMs - dayMs(p.lastContactAt)) / DAY_MS;
        expect(ago).toBeGreaterThanOrEqual(0);
        expect(ago).toBeLessThanOrEqual(120);
      }
      if (p.nextDueDate !== null) {
        const ahead = (dayMs(p.nextDueDate) - todayMs) / DAY_MS;
        expect(ahead).toBeGreaterThanOrEqual(-45);
        expect(ahead).toBeLessThanOrEqual(90);
      }
    }
  });

});

describe('generateDataset care gaps', () => {
  const patients = new Map(demo.patients.map((p) => [p.id as string, p]));
  const patientsWith = (measure: string) => new Set(demo.careGaps.filter((g) => g.measure === measure).map((g) => g.patientId));

  it('links every gap to a patient, once per measure', () => {
    for (const g of demo.careGaps) expect(patients.has(g.patientId)).toBe(true);
    expectUnique(demo.careGaps.map((g) => `${g.patientId}/${g.measure}`));
  });

  it('follows the measure denominators', () => {
    for (const g of demo.careGaps) {
      const p = patients.get(g.patientId)!;
      const age = ageOn(p.birthDate, TODAY);
      if (g.measure === 'BCS') {
        expect(p.sex).toBe('female');
        expect(age).toBeGreaterThanOrEqual(50);
        expect(age).toBeLessThanOrEqual(74);
      }
      if (g.measure === 'COL') expect(age).toBeLessThanOrEqual(75);
      if (g.measure === 'AWV') expect(age).toBeGreaterThanOrEqual(65);
    }
    expect(patientsWith('HBD')).toEqual(patientsWith('EED'));
    const n = demo.patients.length;
    expect(patientsWith('CBP').size / n).toBeGreaterThan(0.25);
    expect(patientsWith('CBP').size / n).toBeLessThan(0.45);
    expect(patientsWith('HBD').size / n).toBeGreaterThan(0.12);
    expect(patientsWith('HBD').size / n).toBeLessThan(0.28);
    expect(patientsWith('FLU').size / n).toBeGreaterThan(0.2);
    expect(patientsWith('FLU').size / n).toBeLessThan(0.4);
  });

  it('dates and explains each status', () => {
    const yearEnd = `${TODAY.slice(0, 4)}-12-31`;
    const statuses = new Set(demo.careGaps.map((g) => g.status));
    expect(statuses).toEqual(new Set(['open', 'scheduled', 'closed', 'excluded']));
    expect(demo.careGaps.filter((g) => g.status === 'open').length).toBeGreaterThan(demo.careGaps.length / 2);
    for (const g of demo.careGaps) {
      if (g.status === 'open' || g.status === 'scheduled') {
        expect(g.dueDate! >= TODAY && g.dueDate! <= yearEnd).toBe(true);
        expect(g.closedAt).toBeNull();
      } else {
        expect(g.evidence).toBeTruthy();
      }
      if (g.status === 'closed') expect(g.closedAt! < TODAY_S).toBe(true);
    }
  });
});

describe('generateDataset appointments', () => {
  const patients = new Map(demo.patients.map((p) => [p.id as string, p]));
  const byPatient = new Map<string, Dataset['appointments'][number][]>();
  for (const a of demo.appointments) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);

  it('links appointments to patients, one or two each, for about 15% of patients', () => {
    for (const a of demo.appointments) expect(patients.has(a.patientId)).toBe(true);
    for (const list of byPatient.values()) expect(list.length).toBeLessThanOrEqual(2);
    const share = byPatient.size / demo.patients.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.22);
  });

  it('books weekdays in clinic hours from two weeks back to thirty days ahead', () => {
    for (const a of demo.appointments) {
      const local = new Date(Date.parse(a.startsAt) - 5 * 3_600_000);
      expect(local.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(local.getUTCDay()).toBeLessThanOrEqual(5);
      const offset = (dayMs(local.toISOString()) - todayMs) / DAY_MS;
      expect(offset).toBeGreaterThanOrEqual(-14);
      expect(offset).toBeLessThanOrEqual(30);
      if (offset >= 0) expect(['scheduled', 'confirmed']).toContain(a.status);
      else expect(['completed', 'no_show', 'cancelled']).toContain(a.status);
    }
  });

  it('backs no-show follow-ups with a missed visit and scheduled gaps with a booked one', () => {
    for (const p of demo.patients) {
      const missed = (byPatient.get(p.id) ?? []).some((a) => a.status === 'no_show');
      expect(missed).toBe(p.noShowFollowUp);
    }
    for (const g of demo.careGaps.filter((x) => x.status === 'scheduled')) {
      const upcoming = (byPatient.get(g.patientId) ?? []).filter((a) => a.startsAt >= TODAY_S);
      expect(upcoming.length).toBeGreaterThan(0);
    }
  });
});

describe('generateDataset options', () => {
  it('builds a 5,000-patient territory', () => {
    const big = generateDataset({ seed: 7, today: TODAY, patientsPerTerritory: [5000] });
    expect(big.patients).toHaveLength(5000);
    expect(big.territories).toHaveLength(1);
    expectUnique(big.patients.map((p) => p.id));
    expectUnique(big.patients.map((p) => p.mrn));
    const facilityIds = new Set(big.facilities.map((f) => f.id as string));
    for (const p of big.patients) if (p.facilityId !== null) expect(facilityIds.has(p.facilityId)).toBe(true);
    const patientIds = new Set(big.patients.map((p) => p.id as string));
    for (const rows of [big.contactPoints, big.caregivers, big.barriers, big.goals, big.rpmDevices, big.tasks]) {
      expectUnique(rows.map((r) => r.id));
      for (const row of rows) expect(patientIds.has(row.patientId)).toBe(true);
    }
    for (const u of big.users) expect(u.territoryIds).toEqual(u.role === 'specialist' ? [big.territories[0]!.id] : []);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDataset({ ...demoOptions(TODAY), patientsPerTerritory: [] })).toThrow(RangeError);
    expect(() => generateDataset({ ...demoOptions(TODAY), patientsPerTerritory: [1, 2, 3, 4] })).toThrow(RangeError);
    expect(() => generateDataset({ ...demoOptions(TODAY), patientsPerTerritory: [-1] })).toThrow(RangeError);
    expect(() => generateDataset(demoOptions('2026-02-30' as IsoDate))).toThrow(RangeError);
  });
});
