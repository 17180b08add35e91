/** Live counts and lists for the sync inbox: open conflicts, refused changes, pending changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Conflict } from '../../../domain/conflict';
import type { RecordCodec } from '../../../storage/codec';
import type { RejectionRow, StoredRecord } from '../../../storage/db';
import { useServices } from '../../data/AppServices';
import { useLiveDecoded } from '../../data/hooks';
import { openRefusal, type OpenedRefusal } from '../../../storage/commands/refusals';

export function usePendingCount(): number {
  const { db } = useServices();
  return useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
}

async function openConflicts(rows: readonly StoredRecord[], codec: RecordCodec): Promise<readonly Conflict[]> {
  const all = await Promise.all(rows.map((r) => codec.open<Conflict>(r.body)));
  return all.filter((c) => c.status === 'open').sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
}

export function useOpenConflicts(): readonly Conflict[] {
  return useLiveDecoded((db) => db.conflicts.toArray(), openConflicts, []) ?? [];
}

async function openRefusals(rows: readonly RejectionRow[], codec: RecordCodec): Promise<readonly OpenedRefusal[]> {
  return Promise.all(rows.map((row) => openRefusal({ codec }, row)));
}

/** Refused changes, newest first, with what was typed opened. */
export function useRefusals(): readonly OpenedRefusal[] {
  return useLiveDecoded((db) => db.rejections.orderBy('seq').reverse().toArray(), openRefusals, []) ?? [];
}
