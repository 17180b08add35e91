/**
 * The saved plan of a day, read live from the device: it changes when the worker saves a new
 * plan or a van event, and it is there again after a reload. `undefined` while loading, `null`
 * when the day has no plan yet. Reads only; the worker writes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../domain/ids';
import type { PlanRow } from '../../../storage/db';
import { openPlan, readRawPlan } from '../../../storage/plans';
import type { DayPlan, SavedDayPlan } from '../../../worker/client';
import { useServices } from '../../data/AppServices';

export function useDayPlan(day: IsoDate): SavedDayPlan | null | undefined {
  const { db, codec } = useServices();
  const raw = useLiveQuery(() => readRawPlan(db, day), [db, day]);
  const [opened, setOpened] = useState<{ readonly row: PlanRow; readonly plan: SavedDayPlan } | null>(null);
  useEffect(() => {
    if (!raw) return;
    let current = true;
    // Decoding may be real crypto, which a live query cannot await (see readTerritory.ts).
    void openPlan<DayPlan>(raw, codec).then((plan) => {
      if (current) setOpened({ row: raw, plan });
    });
    return () => {
      current = false;
    };
  }, [raw, codec]);
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  // While a newer row is decoded, keep showing the previous plan of the same day (no flash).
  return opened && opened.plan.day === day ? opened.plan : undefined;
}
