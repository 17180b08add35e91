/** Live counts and lists for the sync inbox: open conflicts, refused changes, pending changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Conflict } from '../../../domain/conflict';
import type { RejectionRow } from '../../../storage/db';
import { useServices } from '../../data/AppServices';

export function usePendingCount(): number {
  const { db } = useServices();
  return useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
}

export function useOpenConflicts(): readonly Conflict[] {
  const { db, codec } = useServices();
  const raw = useLiveQuery(() => db.conflicts.toArray(), [db]);
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  useEffect(() => {
    if (!raw) return;
    let current = true;
    void Promise.all(raw.map((r) => codec.open<Conflict>(r.body))).then((all) => {
      if (current) setConflicts(all.filter((c) => c.status === 'open').sort((a, b) => b.detectedAt.localeCompare(a.detectedAt)));
    });
    return () => {
      current = false;
    };
  }, [raw, codec]);
  return conflicts;
}

export function useRejections(): readonly RejectionRow[] {
  const { db } = useServices();
  return useLiveQuery(() => db.rejections.orderBy('seq').reverse().toArray(), [db]) ?? [];
}
