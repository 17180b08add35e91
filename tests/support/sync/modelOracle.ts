/**
 * What the sync model test remembers of every field edit, and the checks of last-writer-wins
 * built on it (S8, S9). Every edit writes a value no other edit writes, so the value a
 * writer's copy showed just before it edited tells which earlier edit the writer had seen.
 * Pure: the test hands in the final records and the conflicts the server kept.
 */
import { canonicalJson } from '../../../src/domain/contactNote';
import type { EntityKind } from '../../../src/domain/entities';

export interface Edit {
  /** Position in the program: edits are numbered in the order people made them. */
  readonly order: number;
  /** The device that made it (the office is a device too). */
  readonly writer: string;
  readonly kind: EntityKind;
  readonly id: string;
  readonly field: string;
  readonly value: unknown;
  /** The value the writer's copy held in this field just before the edit. */
  readonly seen: unknown;
  /** The stamp of its outbox row (or of the office's change). */
  readonly hlc: string;
  readonly mutationId: string;
}

export interface KeptConflict {
  readonly entityKind: string;
  readonly entityId: string;
  readonly field: string;
  readonly winner: { readonly value: unknown; readonly hlc: string };
  readonly loser: { readonly value: unknown; readonly hlc: string };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * S9, nothing lost silently: the edits that are not accounted for. An edit is accounted for
 * when its value is the field's final value; or a conflict keeps it as the loser; or a later
 * edit replaced it knowingly (that writer's copy showed this value) or came from the same
 * writer (overwriting one's own edit is not a conflict); or the server refused it and the
 * writer was told (it is in the device's rejections, shown to the person).
 */
export function unaccountedEdits(
  edits: readonly Edit[],
  finalValue: (edit: Edit) => unknown,
  conflicts: readonly KeptConflict[],
  told: ReadonlySet<string>,
): Edit[] {
  const kept = new Set(conflicts.map((c) => `${c.entityKind}:${c.entityId}:${c.field}:${c.loser.hlc}`));
  return edits.filter((e) => {
    if (told.has(e.mutationId)) return false;
    if (same(finalValue(e), e.value)) return false;
    if (kept.has(`${e.kind}:${e.id}:${e.field}:${e.hlc}`)) return false;
    const replaced = edits.some(
      (later) =>
        later.order > e.order &&
        later.kind === e.kind &&
        later.id === e.id &&
        later.field === e.field &&
        (later.writer === e.writer || same(later.seen, e.value)),
    );
    return !replaced;
  });
}

/**
 * S8: for each field, the value of the edit with the latest stamp is the final one (stamps
 * follow the order people edited in, since the model's devices share one clock). Returns the
 * fields where it is not. Edits the server refused are left out.
 */
export function latestStampNotFinal(edits: readonly Edit[], finalValue: (edit: Edit) => unknown, told: ReadonlySet<string>): Edit[] {
  const latest = new Map<string, Edit>();
  for (const e of edits) {
    if (told.has(e.mutationId)) continue;
    const key = `${e.kind}:${e.id}:${e.field}`;
    const prev = latest.get(key);
    if (!prev || e.hlc > prev.hlc) latest.set(key, e);
  }
  return [...latest.values()].filter((e) => !same(finalValue(e), e.value));
}

export function describeEdit(e: Edit): string {
  return `#${e.order} ${e.writer} ${e.kind}:${e.id}.${e.field} = ${JSON.stringify(e.value)} (seen ${JSON.stringify(e.seen)}) ${e.hlc} ${e.mutationId}`;
}

export function describeConflict(c: KeptConflict): string {
  return `${c.entityKind}:${c.entityId}.${c.field} winner ${JSON.stringify(c.winner.value)} ${c.winner.hlc} loser ${JSON.stringify(c.loser.value)} ${c.loser.hlc}`;
}
