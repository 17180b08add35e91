/**
 * What makes a new password acceptable, for a person changing their own and for an
 * administrator setting one: long enough, not the username, not the published demo password
 * outside demo mode (it would never be accepted at sign-in).
 */
import { PASSWORD_MIN_LENGTH } from '../../../src/protocol/wire';
import { DEMO_PASSWORD } from '../seed/organisation';

/** A sentence naming the problem, or null when the password is acceptable. */
export function passwordProblem(newPassword: string, username: string, demoMode: boolean): string | null {
  if (newPassword.length < PASSWORD_MIN_LENGTH) return `newPassword: must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (newPassword.trim().toLowerCase() === username.trim().toLowerCase()) return 'newPassword: must not be the username';
  if (!demoMode && newPassword === DEMO_PASSWORD) return 'newPassword: the demo password cannot be used';
  return null;
}
