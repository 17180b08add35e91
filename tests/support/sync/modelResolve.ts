/**
 * A person resolving a conflict on the Conflicts screen in the sync model test (S9): keep the
 * value that won, or restore the one that lost, through the same command the screen calls.
 * Restoring must always send the restored value (whatever the device shows), and it is a
 * field edit like any other for the oracle (modelOracle.ts).
 */
import { expect } from 'vitest';
import type { Conflict } from '../../../src/domain/conflict';
import type { EntityKind } from '../../../src/domain/entities';
import { plainCodec } from '../../../src/storage/codec';
import { resolveConflict } from '../../../src/storage/commands/conflicts';
import type { OutboxChange } from '../../../src/storage/writeChanges';
import { readRecord } from '../../../src/storage/readRecords';
import type { Run } from './modelProgram';

/**
 * Fields whose values the model makes unique, so an edit is known by its value; conflicts on
 * the others (consent, consentBy) are resolved by the person on their own screen, not here.
 */
const FOLLOWED = new Set(['bestTimeToCall', 'accessNotes', 'consentAt', 'phone']);

export async function resolve(r: Run, c: number, k: number, choice: 'keep_theirs' | 'restore_mine'): Promise<void> {
  const client = r.clients[c]!;
  const open: Conflict[] = [];
  for (const row of await client.db.conflicts.toArray()) {
    const conflict = await plainCodec.open<Conflict>(row.body);
    // This run's conflicts only: earlier runs' stay open on the shared patients.
    if (conflict.status === 'open' && conflict.detectedAt >= r.startedAt && FOLLOWED.has(conflict.field)) open.push(conflict);
  }
  if (open.length === 0) return;
  const conflict = open.sort((a, b) => a.id.localeCompare(b.id))[k % open.length]!;
  const kind = conflict.entityKind as EntityKind;
  const shown = (await readRecord(client.db, plainCodec, kind, conflict.entityId)) as Record<string, unknown> | undefined;
  if (!shown) return;
  const before = new Set((await client.db.outbox.toArray()).map((row) => row.mutationId));
  expect(await resolveConflict(client.commandDeps(), conflict.id, choice), `resolve ${conflict.id}`).toEqual({ ok: true });
  if (choice === 'keep_theirs') return;
  const rows = (await client.db.outbox.where('entityKey').equals(`${kind}:${conflict.entityId}`).toArray()).filter((row) => !before.has(row.mutationId));
  const sent: { hlc: string; mutationId: string; values: Readonly<Record<string, unknown>> }[] = [];
  for (const row of rows) sent.push({ hlc: row.hlc, mutationId: row.mutationId, values: (await plainCodec.open<OutboxChange>(row.body)).values });
  const restoring = sent.find((s) => Object.hasOwn(s.values, conflict.field));
  expect(
    restoring?.values[conflict.field],
    `[S9b] "restore mine" on ${kind}:${conflict.entityId}.${conflict.field} sends the restored value (the device showed ${JSON.stringify(shown[conflict.field])})`,
  ).toEqual(conflict.loser.value);
  r.edits.push({
    order: r.edits.length,
    writer: client.deviceId,
    kind,
    id: conflict.entityId,
    field: conflict.field,
    value: conflict.loser.value,
    seen: shown[conflict.field] ?? null,
    hlc: restoring!.hlc,
    mutationId: restoring!.mutationId,
  });
}
