/**
 * How the portal and remote-monitoring statuses follow from what was done: the patient's
 * portal is active once the account is activated and invited once only the email exists;
 * monitoring is active as soon as any device is set up. Otherwise the status is left as it
 * was (a person may have set it by hand, e.g. "offered"). Pure.
 */
import type { PortalStatus, PortalSteps, RpmStatus } from '../../../domain/patient';

export function portalStatusFor(steps: PortalSteps, current: PortalStatus): PortalStatus {
  if (steps.accountActivated) return 'active';
  if (steps.emailCreated) return 'invited';
  return current;
}

export function rpmStatusFor(deviceCount: number, current: RpmStatus): RpmStatus {
  return deviceCount > 0 ? 'active' : current;
}
