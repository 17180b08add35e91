/**
 * The generator's best time to call and portal steps, which must agree with the portal status
 * the patient record already carries.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/domain/ids';
import { demoOptions, generateDataset } from './generateDataset';

const demo = generateDataset(demoOptions('2026-11-22' as IsoDate));

describe('generated outreach preferences', () => {
  it('gives about 30% of patients a best time to call, as typed text', () => {
    const withTime = demo.patients.filter((p) => p.bestTimeToCall !== null);
    expect(withTime.length / demo.patients.length).toBeGreaterThan(0.22);
    expect(withTime.length / demo.patients.length).toBeLessThan(0.38);
    for (const p of withTime) expect(p.bestTimeToCall).toMatch(/^[A-Z]/);
  });

  it('keeps portal steps consistent with the portal status', () => {
    for (const { portal, portalSteps: s } of demo.patients) {
      if (portal === 'active') expect(s).toEqual({ emailCreated: true, accountActivated: true, firstLoginTaught: true });
      if (portal === 'not_enrolled') expect(s).toEqual({ emailCreated: false, accountActivated: false, firstLoginTaught: false });
      if (portal === 'invited') expect(s).toMatchObject({ emailCreated: true, firstLoginTaught: false });
    }
    const invited = demo.patients.filter((p) => p.portal === 'invited');
    const activated = invited.filter((p) => p.portalSteps.accountActivated).length;
    expect(activated).toBeGreaterThan(0);
    expect(activated).toBeLessThan(invited.length);
  });
});
