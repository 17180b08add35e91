/**
 * Resolving a conflict (S9): keep the value that won, or restore the one that lost. Restoring
 * is a new change to the record, stamped now, so it wins everywhere on the next sync; either
 * way the conflict record notes who decided and when.
 */
import type { Conflict } from '../../domain/conflict';
import type { UserId } from '../../domain/ids';
import { updateChange, type EntityChange, type EntityKind, type EntityTypes } from '../../domain/entities';
import { readSession } from '../session';
import { readRecord } from '../readRecords';
import { writeChanges } from '../writeChanges';
import { isoNow, type CommandDeps } from './commandDeps';

export type ConflictCommandError = 'not_found' | 'already_resolved' | 'signed_out' | 'record_gone';

export async function resolveConflict(
  deps: CommandDeps,
  conflictId: string,
  choice: 'keep_theirs' | 'restore_mine',
): Promise<{ ok: true } | { ok: false; code: ConflictCommandError }> {
  const conflict = await readRecord(deps.db, deps.codec, 'conflict', conflictId);
  if (!conflict) return { ok: false, code: 'not_found' };
  if (conflict.status !== 'open') return { ok: false, code: 'already_resolved' };
  const session = await readSession(deps);
  if (!session) return { ok: false, code: 'signed_out' };

  const changes: EntityChange[] = [];
  if (choice === 'restore_mine') {
    const kind = conflict.entityKind as EntityKind;
    const record = await readRecord(deps.db, deps.codec, kind, conflict.entityId);
    if (!record) return { ok: false, code: 'record_gone' };
    const restored = { ...record, [conflict.field]: conflict.loser.value } as EntityTypes[typeof kind];
    // Always sent, even when this device still shows the overwritten value (its pull of the
    // winner may not have arrived): restoring is a new write of that field, stamped now (S9b).
    changes.push({ kind, op: 'update', value: restored, fields: [conflict.field] } as unknown as EntityChange);
  }
  const resolved: Conflict = {
    ...conflict,
    status: choice === 'keep_theirs' ? 'kept_theirs' : 'restored_mine',
    resolvedBy: session.user.name,
    resolvedById: session.user.id as UserId,
    resolvedAt: isoNow(deps),
  };
  const mark = updateChange('conflict', conflict, resolved);
  if (mark) changes.push(mark);
  await writeChanges(deps.db, deps.codec, changes, deps);
  return { ok: true };
}
