/** Live counts and lists for the sync inbox: open conflicts, refused changes, pending changes. */
import type { Conflict } from '../../../domain/conflict';
import type { OpenedRefusal } from '../../../storage/commands/refusals';
import { useWatch } from '../../data/useWatch';

export function usePendingCount(): number {
  return useWatch('pendingCount', []) ?? 0;
}

/** Open conflicts, newest first. */
export function useOpenConflicts(): readonly Conflict[] {
  return useWatch('conflicts', []) ?? [];
}

/** Refused changes, newest first, with what was typed opened. */
export function useRefusals(): readonly OpenedRefusal[] {
  return useWatch('refusals', []) ?? [];
}
