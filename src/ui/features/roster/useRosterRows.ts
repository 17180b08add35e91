/**
 * Builds roster rows from the local territory once per data change (not per keystroke).
 */
import { useMemo } from 'react';
import { localIsoDate } from '../../../domain/calendar';
import { asIsoDateTime } from '../../../domain/ids';
import { buildRoster, type RosterRow } from '../../../domain/roster';
import type { Territory } from '../../../storage/readTerritory';

export function useRosterRows(territory: Territory | undefined, now: Date): RosterRow[] | undefined {
  const today = localIsoDate(now);
  // Rows depend on the calendar day, not the minute: rebuild when the day changes.
  return useMemo(
    () => (territory ? buildRoster(territory, today, asIsoDateTime(new Date().toISOString())) : undefined),
    [territory, today],
  );
}
