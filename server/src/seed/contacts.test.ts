/**
 * The generator's contact points and caregivers: records of their own, linked to their
 * patient, with fictional numbers, and consent dated and signed exactly when the patient was
 * asked. (Shapes and ids are checked in generateDataset.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/domain/ids';
import type { Dataset } from './dataset';
import { demoOptions, generateDataset } from './generateDataset';

const TODAY = '2026-11-22' as IsoDate;
/** Unbranded, so instants compare against it. */
const TODAY_S: string = TODAY;
const demo = generateDataset(demoOptions(TODAY));

function groupByPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.patientId, [...(groups.get(row.patientId) ?? []), row]);
  return groups;
}

function share(pred: (p: Dataset['patients'][number]) => boolean): number {
  return demo.patients.filter(pred).length / demo.patients.length;
}

describe('generated contact points and caregivers', () => {
  const contactsOf = groupByPatient(demo.contactPoints);
  const caregiversOf = groupByPatient(demo.caregivers);

  it('gives 30-50% of patients a caregiver and 30-50% an email address', () => {
    expect(share((p) => caregiversOf.has(p.id))).toBeGreaterThan(0.3);
    expect(share((p) => caregiversOf.has(p.id))).toBeLessThan(0.5);
    const hasEmail = (p: Dataset['patients'][number]) => (contactsOf.get(p.id) ?? []).some((c) => c.channel === 'email');
    expect(share(hasEmail)).toBeGreaterThan(0.3);
    expect(share(hasEmail)).toBeLessThan(0.5);
  });

  it('gives 1-3 contact points with a phone, fictional numbers, and consent dated and signed only when asked', () => {
    const phone = /^\+1(617|781|857|339)555\d{4}$/;
    const specialists = new Set(demo.users.filter((u) => u.role === 'specialist').map((u) => u.name));
    const recorders = new Set<string>();
    for (const p of demo.patients) {
      const contacts = contactsOf.get(p.id) ?? [];
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(3);
      expect(contacts.some((c) => c.channel === 'phone')).toBe(true);
      for (const c of contacts) {
        if (c.channel === 'email') expect(c.value).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/);
        else expect(c.value).toMatch(phone);
        expect(c.consentAt !== null).toBe(c.consent !== 'unknown');
        expect(c.consentBy !== null).toBe(c.consent !== 'unknown');
        if (c.consentAt !== null) expect(c.consentAt < TODAY_S).toBe(true);
        if (c.consentBy !== null) recorders.add(c.consentBy);
        expect(c.removed).toBe(false);
      }
      const caregivers = caregiversOf.get(p.id) ?? [];
      expect(caregivers.length).toBeLessThanOrEqual(2);
      for (const [i, g] of caregivers.entries()) {
        expect(g.primary).toBe(i === 0);
        expect(g.removed).toBe(false);
        expect(['daughter', 'son', 'spouse', 'sibling', 'friend', 'neighbor', 'other']).toContain(g.relationship);
        if (g.phone !== null) expect(g.phone).toMatch(phone);
      }
    }
    // Specialists record most consents; office intake staff the rest.
    expect([...specialists].every((name) => recorders.has(name))).toBe(true);
    expect(recorders.size).toBeGreaterThan(specialists.size);
  });
});
