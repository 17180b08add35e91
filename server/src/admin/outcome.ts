/**
 * What every admin operation answers: its value, or an expected failure with a closed code
 * that the route turns into the matching HTTP error. Nothing is changed when it fails: each
 * operation checks everything before its first write, inside its one transaction.
 */
import { authorize, type Action, type Actor, type Resource } from '../auth/policy';

export type AdminFailure = { readonly ok: false; readonly code: 'bad_request' | 'forbidden' | 'not_found'; readonly message: string };
export type AdminOutcome<T> = { readonly ok: true; readonly value: T } | AdminFailure;

export const done = <T>(value: T): AdminOutcome<T> => ({ ok: true, value });
export const badRequest = (message: string): AdminFailure => ({ ok: false, code: 'bad_request', message });
export const notFound = (message: string): AdminFailure => ({ ok: false, code: 'not_found', message });

/** The policy's answer for one resource, as a failure to return, or null when allowed. */
export function refusal(actor: Actor, action: Action, resource: Resource, notFoundMessage: string): AdminFailure | null {
  const decision = authorize(actor, action, resource);
  if (decision.allowed) return null;
  return decision.code === 'not_found' ? notFound(notFoundMessage) : { ok: false, code: 'forbidden', message: decision.message };
}

/** A timestamp as the wire carries it. */
export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
