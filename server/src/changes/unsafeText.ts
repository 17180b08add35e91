/**
 * Finds the first string in a change's values, field names included, that the database cannot
 * store (a NUL character or half of a surrogate pair; see src/protocol/safeText.ts). Checked
 * before a change's kind schema so that such a change is refused on its own, with the field's
 * path, instead of failing the push transaction and with it every change in the batch. Pure.
 */
import { TEXT_PROBLEM_MESSAGES, textProblem } from '../../../src/protocol/safeText';

/** Where a value sits: its key and its parent's place, so a step costs nothing until a path is reported. */
interface Place {
  readonly key: string | number;
  readonly parent: Place | null;
}

/** `"field.0.name: why"` for the first unstorable string in `values`, or null when all can be stored. */
export function unsafeTextMessage(values: unknown): string | null {
  // Iterative, so that a deeply nested body cannot exhaust the stack.
  const pending: { value: unknown; place: Place | null }[] = [{ value: values, place: null }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, place } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${describePlace(place)}: ${TEXT_PROBLEM_MESSAGES[problem]}`;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], place: { key: i, parent: place } });
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const problem = textProblem(key);
        if (problem) return `${describePlace({ key, parent: place })}: the field name ${TEXT_PROBLEM_MESSAGES[problem]}`;
      }
      for (const [key, child] of entries.reverse()) pending.push({ value: child, place: { key, parent: place } });
    }
  }
  return null;
}

/** The path as the refusal names it; a bad character in a name is written as its escape, so the message itself can be stored. */
function describePlace(place: Place | null): string {
  if (place === null) return 'values';
  const parts: string[] = [];
  for (let at: Place | null = place; at; at = at.parent) {
    parts.push(typeof at.key === 'number' ? String(at.key) : JSON.stringify(at.key).slice(1, -1));
  }
  return parts.reverse().join('.');
}
