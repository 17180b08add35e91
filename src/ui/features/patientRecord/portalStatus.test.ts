import { describe, expect, it } from 'vitest';
import type { PortalStatus, PortalSteps, RpmStatus } from '../../../domain/patient';
import { portalStatusFor, rpmStatusFor } from './portalStatus';

const steps = (emailCreated: boolean, accountActivated: boolean, firstLoginTaught = false): PortalSteps => ({
  emailCreated,
  accountActivated,
  firstLoginTaught,
});

const PORTAL: readonly [PortalSteps, PortalStatus, PortalStatus][] = [
  [steps(false, false), 'not_enrolled', 'not_enrolled'],
  [steps(true, false), 'not_enrolled', 'invited'],
  [steps(true, true), 'invited', 'active'],
  [steps(false, true), 'not_enrolled', 'active'],
  [steps(true, false), 'active', 'invited'],
  [steps(false, false, true), 'invited', 'invited'],
  [steps(false, false), 'active', 'active'],
];

const RPM: readonly [number, RpmStatus, RpmStatus][] = [
  [0, 'none', 'none'],
  [0, 'offered', 'offered'],
  [1, 'none', 'active'],
  [2, 'offered', 'active'],
];

describe('portalStatusFor', () => {
  it.each(PORTAL)('%j from %s → %s', (s, current, expected) => {
    expect(portalStatusFor(s, current)).toBe(expected);
  });
});

describe('rpmStatusFor', () => {
  it.each(RPM)('%i devices from %s → %s', (n, current, expected) => {
    expect(rpmStatusFor(n, current)).toBe(expected);
  });
});
