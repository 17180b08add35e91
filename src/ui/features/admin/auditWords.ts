/** An audit event in words: the action's name, what it touched, and what changed. */
import type { AuditEventRow } from '../../../worker/client';
import type { AdminText } from './adminText';

const short = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

export function actionWords(text: AdminText, action: string): string {
  return text.actionName[action] ?? action;
}

export function eventTarget(text: AdminText, event: AuditEventRow): string {
  const kind = event.entityKind === null ? null : (text.kindName[event.entityKind] ?? event.entityKind);
  const parts = [kind, event.entityId].filter((p): p is string => p !== null);
  const target = parts.join(' ');
  return event.patientId !== null && event.patientId !== event.entityId ? `${target} (${event.patientId})` : target;
}

/** One line per field change, then the event's detail; never more than a few lines. */
export function eventDetails(event: AuditEventRow): string[] {
  const lines = (event.changes ?? []).map((c) => `${c.field}: ${short(c.before)} → ${short(c.after)}`);
  if (event.detail) {
    for (const [key, value] of Object.entries(event.detail)) lines.push(`${key}: ${short(value)}`);
  }
  return lines;
}
